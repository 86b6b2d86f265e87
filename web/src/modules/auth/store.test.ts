import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createApp, h, withDirectives, type VNode } from 'vue'
import { configureHttp } from '@/shared/http'
import { vPermission } from '@/shared/permission'
import { SESSION_HINT_KEY, useAuthStore } from './store'
import type { Me } from './types'

const me: Me = {
  user: {
    id: 7,
    username: 'city_cadre',
    displayName: '市总干部',
    organisationId: 2,
    organisationName: '合肥市总工会',
    mustChangePassword: false,
  },
  permissions: ['system:user:view', 'system:user:create'],
  dataScope: 'SUBTREE',
  csrfToken: 'csrf-abc',
}

const json = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })

let fetchMock: ReturnType<typeof vi.fn>

beforeEach(() => {
  setActivePinia(createPinia())
  localStorage.setItem(SESSION_HINT_KEY, '1')
  fetchMock = vi.fn()
  vi.stubGlobal('fetch', fetchMock)
})
afterEach(() => vi.unstubAllGlobals())

describe('auth store', () => {
  it('logs in, exposes permissions and the CSRF token used by later calls', async () => {
    const auth = useAuthStore()
    configureHttp({ csrfToken: () => auth.csrfToken })
    fetchMock
      .mockResolvedValueOnce(json(200, me))
      .mockResolvedValueOnce(new Response(null, { status: 204 }))

    await auth.login('city_cadre', 'Ankang@2026')
    expect(auth.isAuthenticated).toBe(true)
    expect(auth.can('system:user:view')).toBe(true)
    expect(auth.can('system:user:delete')).toBe(false)
    expect(auth.can(['system:role:view', 'system:user:create'])).toBe(true)
    expect(auth.can()).toBe(true)

    await auth.logout()
    const [, init] = fetchMock.mock.calls[1] as [string, RequestInit]
    expect((init.headers as Record<string, string>)['X-CSRF-Token']).toBe('csrf-abc')
    expect(auth.isAuthenticated).toBe(false)
    expect(auth.can('system:user:view')).toBe(false)
    expect(localStorage.getItem(SESSION_HINT_KEY)).toBeNull()
  })

  it('does not ask the server at start when this browser never signed in', async () => {
    localStorage.removeItem(SESSION_HINT_KEY)
    const auth = useAuthStore()
    await expect(auth.fetchMe()).resolves.toBe(false)
    expect(fetchMock).not.toHaveBeenCalled()
    expect(auth.loaded).toBe(true)
  })

  it('fetchMe treats 401 as "no session" and other errors as errors', async () => {
    const auth = useAuthStore()
    fetchMock.mockResolvedValueOnce(json(401, { code: 'unauthenticated', message: '未登录' }))
    await expect(auth.fetchMe()).resolves.toBe(false)
    expect(auth.loaded).toBe(true)
    expect(auth.isAuthenticated).toBe(false)

    expect(localStorage.getItem(SESSION_HINT_KEY)).toBeNull() // next start skips /auth/me

    localStorage.setItem(SESSION_HINT_KEY, '1')
    fetchMock.mockResolvedValueOnce(json(500, { code: 'internal', message: '错误' }))
    await expect(auth.fetchMe()).rejects.toMatchObject({ code: 'internal' })
  })

  it('changePassword refreshes the session', async () => {
    const auth = useAuthStore()
    auth.setMe({ ...me, user: { ...me.user, mustChangePassword: true } })
    fetchMock
      .mockResolvedValueOnce(new Response(null, { status: 204 }))
      .mockResolvedValueOnce(json(200, me))
    await auth.changePassword('Admin@12345', 'NewPass123')
    expect(auth.mustChangePassword).toBe(false)
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit]
    expect(url).toBe('/api/v1/auth/password')
    expect(JSON.parse(init.body as string)).toEqual({
      currentPassword: 'Admin@12345',
      newPassword: 'NewPass123',
    })
  })
})

describe('v-permission', () => {
  it('removes elements the user may not use', () => {
    const pinia = createPinia()
    setActivePinia(pinia)
    useAuthStore().setMe(me)
    const guarded = (id: string, key: string | string[]): VNode =>
      withDirectives(h('button', { id }), [[vPermission, key]])
    const root = document.createElement('div')
    const app = createApp({
      render: () =>
        h('div', [
          guarded('create', 'system:user:create'),
          guarded('delete', 'system:user:delete'),
          guarded('either', ['system:user:delete', 'system:user:view']),
        ]),
    })
    app.use(pinia)
    app.mount(root)
    expect(root.querySelector('#create')).not.toBeNull()
    expect(root.querySelector('#delete')).toBeNull()
    expect(root.querySelector('#either')).not.toBeNull()
    app.unmount()
  })
})
