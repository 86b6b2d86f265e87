import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, buildUrl, configureHttp, http, isApiError } from './http'
import { setLocale } from './i18n'

type FetchArgs = [string, RequestInit]

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  })
}

let fetchMock: ReturnType<typeof vi.fn>
const onUnauthenticated = vi.fn()
const onPasswordChangeRequired = vi.fn()

function lastCall(): { url: string; init: RequestInit; headers: Record<string, string> } {
  const [url, init] = fetchMock.mock.calls.at(-1) as FetchArgs
  return { url, init, headers: init.headers as Record<string, string> }
}

beforeEach(() => {
  fetchMock = vi.fn(async () => jsonResponse(200, { ok: true }))
  vi.stubGlobal('fetch', fetchMock)
  onUnauthenticated.mockReset()
  onPasswordChangeRequired.mockReset()
  configureHttp({ csrfToken: () => 'tok-123', onUnauthenticated, onPasswordChangeRequired })
  setLocale('zh-CN')
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('http', () => {
  it('sends the CSRF token on unsafe methods only', async () => {
    await http.get('/users', { keyword: '张' })
    expect(lastCall().headers['X-CSRF-Token']).toBeUndefined()
    expect(lastCall().init.method).toBe('GET')

    for (const send of [
      () => http.post('/users', { a: 1 }),
      () => http.put('/users/1', { a: 1 }),
      () => http.patch('/users/1', { a: 1 }),
      () => http.del('/users/1'),
    ]) {
      await send()
      expect(lastCall().headers['X-CSRF-Token']).toBe('tok-123')
    }
  })

  it('lets the login call send its own CSRF value', async () => {
    await http.post('/auth/login', { username: 'u', password: 'p' }, { csrfToken: 'login' })
    const { url, init, headers } = lastCall()
    expect(url).toBe('/api/v1/auth/login')
    expect(headers['X-CSRF-Token']).toBe('login')
    expect(headers['Content-Type']).toBe('application/json')
    expect(JSON.parse(init.body as string)).toEqual({ username: 'u', password: 'p' })
    expect(init.credentials).toBe('same-origin')
  })

  it('sends Accept-Language from the UI locale', async () => {
    await http.get('/auth/me')
    expect(lastCall().headers['Accept-Language']).toBe('zh-CN')
    setLocale('en')
    await http.get('/auth/me')
    expect(lastCall().headers['Accept-Language']).toBe('en')
  })

  it('builds query strings without empty filters', async () => {
    await http.get('/users', { keyword: 'a b', status: '', organisationId: undefined, page: 2 })
    expect(lastCall().url).toBe('/api/v1/users?keyword=a+b&page=2')
    expect(buildUrl('/users/export', { keyword: '王', status: null })).toBe(
      '/api/v1/users/export?keyword=%E7%8E%8B',
    )
  })

  it('parses error bodies into ApiError with fields and request id', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(400, {
        code: 'invalid_input',
        message: '输入有误',
        fields: { username: '用户名已存在' },
        requestId: 'req-1',
      }),
    )
    const err = await http.post('/users', {}).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    const apiErr = err as ApiError
    expect(apiErr.status).toBe(400)
    expect(apiErr.code).toBe('invalid_input')
    expect(apiErr.message).toBe('输入有误')
    expect(apiErr.fields).toEqual({ username: '用户名已存在' })
    expect(apiErr.requestId).toBe('req-1')
    expect(apiErr.hasFieldErrors).toBe(true)
    expect(onUnauthenticated).not.toHaveBeenCalled()
  })

  it('falls back to a status-derived code when the body is not an error object', async () => {
    fetchMock.mockResolvedValueOnce(
      new Response('<html>bad gateway</html>', {
        status: 502,
        headers: { 'X-Request-Id': 'rid-9' },
      }),
    )
    const err = (await http.get('/users').catch((e: unknown) => e)) as ApiError
    expect(err.code).toBe('internal')
    expect(err.requestId).toBe('rid-9')
    expect(err.message).toBe('服务器内部错误，请稍后再试')
  })

  it('reads Retry-After on 429', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(
        429,
        { code: 'too_many_requests', message: '太频繁', requestId: 'r' },
        { 'Retry-After': '30' },
      ),
    )
    const err = (await http.post('/auth/login', {}).catch((e: unknown) => e)) as ApiError
    expect(isApiError(err, 'too_many_requests')).toBe(true)
    expect(err.retryAfter).toBe(30)
  })

  it('calls the 401 hook unless told not to', async () => {
    fetchMock.mockResolvedValue(jsonResponse(401, { code: 'unauthenticated', message: 'x' }))
    await expect(http.get('/users')).rejects.toBeInstanceOf(ApiError)
    expect(onUnauthenticated).toHaveBeenCalledTimes(1)
    await expect(http.get('/auth/me', undefined, { skipAuthRedirect: true })).rejects.toThrow()
    expect(onUnauthenticated).toHaveBeenCalledTimes(1)
  })

  it('calls the change-password hook on password_change_required', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(403, { code: 'password_change_required', message: '请先修改密码' }),
    )
    await expect(http.get('/users')).rejects.toMatchObject({ code: 'password_change_required' })
    expect(onPasswordChangeRequired).toHaveBeenCalledTimes(1)
  })

  it('returns undefined for 204 and reports network failures as ApiError', async () => {
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }))
    await expect(http.del('/users/1')).resolves.toBeUndefined()

    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'))
    const err = (await http.get('/users').catch((e: unknown) => e)) as ApiError
    expect(err.code).toBe('network')
    expect(err.status).toBe(0)
  })
})
