// Helpers for the worker page's tests (only tests import this file): a fetch stub that records calls
// with their headers, and shortcuts to drive Vant fields by their data-test attribute.
import { flushPromises } from '@vue/test-utils'
import { vi } from 'vitest'
import type { EntryInfo, PublicReport } from './types'

export interface Call {
  method: string
  path: string
  headers: Record<string, string>
  body: unknown
}

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  })
}

export function stubFetch(handler: (call: Call) => Response | undefined) {
  const calls: Call[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit = {}) => {
      const call: Call = {
        method: (init.method ?? 'GET').toUpperCase(),
        path: new URL(input, 'http://localhost').pathname.replace(/^\/api\/v1/, ''),
        headers: { ...(init.headers as Record<string, string>) },
        body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      }
      calls.push(call)
      return handler(call) ?? json(404, { code: 'not_found', message: '不存在' })
    }),
  )
  return calls
}

/**
 * A fresh element to mount into. Vant's toast lives in <body> across tests, so tests remove their own
 * host rather than emptying the body.
 */
export function host(): HTMLElement {
  const div = document.createElement('div')
  div.className = 'test-host'
  document.body.appendChild(div)
  return div
}

export function removeHosts(): void {
  for (const div of document.body.querySelectorAll('.test-host')) div.remove()
}

/** Text of the toast currently shown (Vant keeps one toast element). */
export function toastText(): string {
  const toasts = [...document.body.querySelectorAll<HTMLElement>('.van-toast')]
  return toasts.map((t) => (t.style.display === 'none' ? '' : (t.textContent ?? ''))).join('')
}

export const el = (test: string) =>
  document.body.querySelector<HTMLElement>(`[data-test="${test}"]`)

export async function settle(): Promise<void> {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 20))
  await flushPromises()
}

export async function type(test: string, value: string): Promise<void> {
  const input = el(test) as HTMLInputElement | HTMLTextAreaElement | null
  if (!input) throw new Error(`no [data-test=${test}]`)
  input.value = value
  input.dispatchEvent(new Event('input'))
  await settle()
}

export async function click(test: string): Promise<void> {
  const target = el(test)
  if (!target) throw new Error(`no [data-test=${test}]`)
  target.click()
  await settle()
}

export function entryInfo(over: Partial<EntryInfo> = {}): EntryInfo {
  return {
    enterpriseName: '福州恒达机械有限公司',
    siteName: '二号车间',
    unionName: '鼓楼区总工会',
    categories: [
      { value: 'UNSAFE_CONDITION', label: '设备设施不安全', labelEn: 'Unsafe equipment' },
      { value: 'OCCUPATIONAL_HEALTH', label: '职业病危害', labelEn: 'Occupational health' },
    ],
    ...over,
  }
}

export function publicReport(over: Partial<PublicReport> = {}): PublicReport {
  return {
    status: 'SUBMITTED',
    statusLabel: '已提交',
    submittedOn: '2026-11-29',
    enterpriseName: '福州恒达机械有限公司',
    siteName: '二号车间',
    unionName: '鼓楼区总工会',
    category: 'UNSAFE_CONDITION',
    categoryLabel: '设备设施不安全（缺防护、漏电、破损等）',
    description: '配电箱门没有锁，旁边堆着纸箱',
    location: '二号车间东侧',
    acknowledgeDue: '2026-12-01',
    rejectReason: null,
    outcome: '工会将在 2026-12-01 前受理。',
    events: [{ event: 'SUBMIT', label: '提交报告', at: '2026-11-29 10:00' }],
    messages: [],
    unreadFromUnion: 0,
    ...over,
  }
}
