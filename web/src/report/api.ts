// The public routes of ADR 0012, with no session and no Element Plus: a few lines of fetch (and XHR for
// upload progress). Every POST carries `X-CSRF-Token: public`. The receipt only ever travels in POST bodies.
import { locale } from './i18n'
import type { EntryInfo, PublicReport, ReportInput, SubmitResult } from './types'

export const API_BASE: string = import.meta.env.VITE_API_BASE ?? '/api/v1'

/** A failed call: HTTP status (0 = no answer), the server's `{code,message,fields}`, `Retry-After`. */
export class PublicApiError extends Error {
  readonly status: number
  readonly code: string
  readonly fields: Record<string, string>
  /** Seconds from the `Retry-After` header of a 429. */
  readonly retryAfter: number | undefined

  constructor(
    status: number,
    body: { code?: string; message?: string; fields?: Record<string, string> } = {},
    retryAfter?: number,
  ) {
    super(body.message ?? `HTTP ${status}`)
    this.name = 'PublicApiError'
    this.status = status
    this.code = body.code ?? (status === 0 ? 'network' : String(status))
    this.fields = body.fields ?? {}
    this.retryAfter = retryAfter
  }
}

function parseBody(text: string): unknown {
  if (!text) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

function retryAfterOf(header: string | null): number | undefined {
  return header && /^\d+$/.test(header.trim()) ? Number(header.trim()) : undefined
}

function errorOf(status: number, data: unknown, retryHeader: string | null): PublicApiError {
  const body =
    typeof data === 'object' && data !== null
      ? (data as { code?: string; message?: string; fields?: Record<string, string> })
      : {}
  return new PublicApiError(status, body, retryAfterOf(retryHeader))
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': locale.value,
  }
  if (method === 'POST') {
    headers['Content-Type'] = 'application/json'
    headers['X-CSRF-Token'] = 'public'
  }
  let res: Response
  try {
    res = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    })
  } catch {
    throw new PublicApiError(0)
  }
  const data = parseBody(await res.text())
  if (res.ok) return data as T
  throw errorOf(res.status, data, res.headers.get('Retry-After'))
}

const entryPath = (code: string) => `/public/report-entry/${encodeURIComponent(code)}`

/**
 * Uploads one (already shrunk) photo as multipart field `file`, reporting progress 0–100. The phone's
 * file name is never sent (it often holds the exact time): the part is always called `photo.jpg`.
 */
export function uploadPhoto(
  code: string,
  photo: Blob,
  onProgress: (percent: number) => void,
): Promise<{ uploadToken: string }> {
  const form = new FormData()
  form.append('file', photo, 'photo.jpg')
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `${API_BASE}${entryPath(code)}/photos`)
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.setRequestHeader('Accept-Language', locale.value)
    xhr.setRequestHeader('X-CSRF-Token', 'public')
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable)
        onProgress(Math.min(100, Math.round((event.loaded / event.total) * 100)))
    }
    xhr.onerror = () => reject(new PublicApiError(0))
    xhr.ontimeout = () => reject(new PublicApiError(0))
    xhr.onload = () => {
      const data = parseBody(xhr.responseText)
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as { uploadToken: string })
      else reject(errorOf(xhr.status, data, xhr.getResponseHeader('Retry-After')))
    }
    xhr.send(form)
  })
}

export const publicApi = {
  entry: (code: string) => call<EntryInfo>('GET', entryPath(code)),
  submit: (code: string, body: ReportInput) =>
    call<SubmitResult>('POST', `${entryPath(code)}/reports`, body),
  lookup: (receipt: string) => call<PublicReport>('POST', '/public/reports/lookup', { receipt }),
  sendMessage: (receipt: string, body: string) =>
    call<PublicReport>('POST', '/public/reports/messages', { receipt, body }),
  uploadPhoto,
}
