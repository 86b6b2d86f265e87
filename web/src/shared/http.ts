import { currentLocale, i18n } from './i18n'

/** Error codes of the API contract, plus `network` for requests that never got an answer. */
export type ApiErrorCode =
  | 'invalid_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'password_change_required'
  | 'csrf'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'too_many_requests'
  | 'internal'
  | 'network'

/** Body of every error answer: `{code,message,fields,requestId}`. */
export interface ApiErrorBody {
  code: string
  message: string
  fields?: Record<string, string>
  requestId?: string
}

export class ApiError extends Error {
  readonly status: number
  readonly code: ApiErrorCode | (string & {})
  /** Per-field messages (server field name → message), empty when none. */
  readonly fields: Record<string, string>
  readonly requestId: string | undefined
  /** Seconds from a `Retry-After` header (429), when present. */
  readonly retryAfter: number | undefined

  constructor(
    status: number,
    body: ApiErrorBody,
    extra: { requestId?: string; retryAfter?: number } = {},
  ) {
    super(body.message)
    this.name = 'ApiError'
    this.status = status
    this.code = body.code
    this.fields = body.fields ?? {}
    this.requestId = body.requestId ?? extra.requestId
    this.retryAfter = extra.retryAfter
  }

  get hasFieldErrors(): boolean {
    return Object.keys(this.fields).length > 0
  }
}

export function isApiError(err: unknown, code?: string): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code)
}

/** Hooks wired up in main.ts; kept injectable so this module has no store/router imports. */
export interface HttpHooks {
  /** Current session's CSRF token (from the auth store). */
  csrfToken: () => string | undefined
  /** Called on 401 (except for requests made with `skipAuthRedirect`). */
  onUnauthenticated: () => void
  /** Called on 403 `password_change_required`. */
  onPasswordChangeRequired: () => void
}

export const API_BASE: string = import.meta.env.VITE_API_BASE ?? '/api/v1'

let hooks: HttpHooks = {
  csrfToken: () => undefined,
  onUnauthenticated: () => {},
  onPasswordChangeRequired: () => {},
}

export function configureHttp(partial: Partial<HttpHooks>): void {
  hooks = { ...hooks, ...partial }
}

export type QueryValue = string | number | boolean | null | undefined
export type QueryParams = Record<string, QueryValue | QueryValue[]>

/** Drops empty filter values so they are not sent (`''`, `null`, `undefined`, empty arrays). */
export function cleanQuery(query: QueryParams): QueryParams {
  const out: QueryParams = {}
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    if (Array.isArray(value) && value.length === 0) continue
    out[key] = value
  }
  return out
}

/** `API_BASE + path + ?query`; usable as an `<a href>` for GET downloads (exports). */
export function buildUrl(path: string, query: QueryParams = {}): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(cleanQuery(query))) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== undefined && v !== null && v !== '') params.append(key, String(v))
    }
  }
  const qs = params.toString()
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`
}

export interface RequestOptions {
  query?: QueryParams
  body?: unknown
  /** Overrides the session token (the login call sends `login`). */
  csrfToken?: string
  signal?: AbortSignal
  /** Do not redirect to the login page on 401 (login itself, `me` at start-up). */
  skipAuthRedirect?: boolean
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

function statusCode(status: number): ApiErrorCode {
  switch (status) {
    case 400:
      return 'invalid_input'
    case 401:
      return 'unauthenticated'
    case 403:
      return 'forbidden'
    case 404:
      return 'not_found'
    case 409:
      return 'conflict'
    case 413:
      return 'payload_too_large'
    case 429:
      return 'too_many_requests'
    default:
      return 'internal'
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiErrorBody).code === 'string' &&
    typeof (value as ApiErrorBody).message === 'string'
  )
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text()
  if (!text) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

export async function request<T>(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const upper = method.toUpperCase()
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLocale(),
  }
  let body: string | undefined
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }
  if (UNSAFE_METHODS.has(upper)) {
    headers['X-CSRF-Token'] = options.csrfToken ?? hooks.csrfToken() ?? ''
  }

  let res: Response
  try {
    res = await fetch(buildUrl(path, options.query), {
      method: upper,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    })
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err
    throw new ApiError(0, { code: 'network', message: i18n.global.t('errors.network') })
  }

  const data = res.status === 204 ? undefined : await readJson(res)
  if (res.ok) return data as T

  const requestId = res.headers.get('X-Request-Id') ?? undefined
  const retryHeader = res.headers.get('Retry-After')
  const retryAfter = retryHeader && /^\d+$/.test(retryHeader) ? Number(retryHeader) : undefined
  const errBody: ApiErrorBody = isErrorBody(data)
    ? data
    : {
        code: statusCode(res.status),
        message: i18n.global.t(`errors.${statusCode(res.status)}`),
      }
  const error = new ApiError(res.status, errBody, { requestId, retryAfter })
  if (res.status === 401 && !options.skipAuthRedirect) hooks.onUnauthenticated()
  else if (error.code === 'password_change_required') hooks.onPasswordChangeRequired()
  throw error
}

export const http = {
  get: <T>(path: string, query?: QueryParams, options?: RequestOptions) =>
    request<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, { ...options, body }),
  del: <T = void>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
}

export interface UploadOptions {
  /** Extra text fields of the form (e.g. `organisationId`); empty values are not sent. */
  fields?: Record<string, string | number | null | undefined>
  /** Form field name of the file (default `file`). */
  fieldName?: string
  /** Called with 0–100 while the body is sent. */
  onProgress?: (percent: number) => void
  signal?: AbortSignal
}

/**
 * POSTs one file as multipart/form-data to `url` (a full path such as `/api/v1/files`, not relative to
 * API_BASE, so public pages can pass their own route). Carries the CSRF header like every state-changing
 * request (a public route only needs it non-empty, hence `public` without a session). Uses
 * XMLHttpRequest for upload progress, which fetch does not report. Rejects with ApiError like `request`.
 */
export function uploadFile<T>(url: string, file: Blob, options: UploadOptions = {}): Promise<T> {
  const form = new FormData()
  for (const [key, value] of Object.entries(options.fields ?? {})) {
    if (value !== undefined && value !== null && value !== '') form.append(key, String(value))
  }
  form.append(options.fieldName ?? 'file', file, file instanceof File ? file.name : 'blob')
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.withCredentials = true
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.setRequestHeader('Accept-Language', currentLocale())
    xhr.setRequestHeader('X-CSRF-Token', hooks.csrfToken() || 'public')
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && options.onProgress)
        options.onProgress(Math.min(100, Math.round((event.loaded / event.total) * 100)))
    }
    const fail = () =>
      reject(new ApiError(0, { code: 'network', message: i18n.global.t('errors.network') }))
    xhr.onerror = fail
    xhr.ontimeout = fail
    xhr.onabort = () => reject(new DOMException('The upload was aborted', 'AbortError'))
    options.signal?.addEventListener('abort', () => xhr.abort())
    xhr.onload = () => {
      let data: unknown = undefined
      if (xhr.responseText) {
        try {
          data = JSON.parse(xhr.responseText) as unknown
        } catch {
          data = xhr.responseText
        }
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(data as T)
        return
      }
      const code = statusCode(xhr.status)
      const body: ApiErrorBody = isErrorBody(data)
        ? data
        : { code, message: i18n.global.t(`errors.${code}`) }
      const error = new ApiError(xhr.status, body, {
        requestId: xhr.getResponseHeader('X-Request-Id') ?? undefined,
      })
      if (xhr.status === 401) hooks.onUnauthenticated()
      reject(error)
    }
    xhr.send(form)
  })
}
