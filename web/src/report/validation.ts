// Rules of ADR 0012 for the worker's inputs, as pure functions returning a message ('' = fine), so the
// page can validate as the worker types and the tests can check them without a browser.
import { t } from './i18n'
import type { Anonymity, PublicReport, ReportStatus } from './types'

export const LIMITS = {
  descriptionMin: 5,
  descriptionMax: 2000,
  locationMax: 200,
  nameMax: 50,
  messageMax: 1000,
  photos: 6,
} as const

export const MOBILE = /^1[3-9]\d{9}$/

/** Characters as the server counts them (code points, so an emoji or a rare 汉字 counts once). */
export function length(value: string): number {
  return [...value].length
}

export interface ReportForm {
  category: string
  description: string
  location: string
  anonymity: Anonymity
  reporterName: string
  reporterPhone: string
}

export type ReportField = keyof ReportForm

export function validateField(form: ReportForm, field: ReportField): string {
  switch (field) {
    case 'category':
      return form.category ? '' : t('v.categoryRequired')
    case 'description': {
      const n = length(form.description.trim())
      if (n === 0) return t('v.descriptionRequired')
      if (n < LIMITS.descriptionMin) return t('v.descriptionShort', { min: LIMITS.descriptionMin })
      if (n > LIMITS.descriptionMax) return t('v.descriptionLong', { max: LIMITS.descriptionMax })
      return ''
    }
    case 'location':
      return length(form.location.trim()) > LIMITS.locationMax
        ? t('v.locationLong', { max: LIMITS.locationMax })
        : ''
    case 'reporterName': {
      if (form.anonymity !== 'NAMED') return ''
      const n = length(form.reporterName.trim())
      if (n === 0) return t('v.nameRequired')
      return n > LIMITS.nameMax ? t('v.nameLong', { max: LIMITS.nameMax }) : ''
    }
    case 'reporterPhone': {
      if (form.anonymity !== 'NAMED') return ''
      const phone = form.reporterPhone.trim()
      if (!phone) return t('v.phoneRequired')
      return MOBILE.test(phone) ? '' : t('v.phoneInvalid')
    }
    default:
      return ''
  }
}

export const REPORT_FIELDS: readonly ReportField[] = [
  'category',
  'description',
  'location',
  'reporterName',
  'reporterPhone',
]

/** Every field's message (only the failing ones). */
export function validateReport(form: ReportForm): Partial<Record<ReportField, string>> {
  const out: Partial<Record<ReportField, string>> = {}
  for (const field of REPORT_FIELDS) {
    const message = validateField(form, field)
    if (message) out[field] = message
  }
  return out
}

/** What a receipt is once the spaces and dashes a worker may type are gone. */
export function normalizeReceipt(value: string): string {
  return value.replace(/[\s\-–—]/g, '')
}

export function validateReceipt(value: string): string {
  const digits = normalizeReceipt(value)
  if (!digits) return t('v.receiptRequired')
  return /^\d{20}$/.test(digits) ? '' : t('v.receiptInvalid')
}

/** `12345678901234567890` → `1234 5678 9012 3456 7890`. */
export function formatReceipt(receipt: string): string {
  return normalizeReceipt(receipt).replace(/(\d{4})(?=\d)/g, '$1 ')
}

export function validateMessage(value: string): string {
  const n = length(value.trim())
  if (n === 0) return t('v.messageRequired')
  return n > LIMITS.messageMax ? t('v.messageLong', { max: LIMITS.messageMax }) : ''
}

/** "(try again in 3 min)" from a Retry-After in seconds; empty when unknown. */
export function retryText(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) return ''
  const wait =
    seconds < 60
      ? t('errors.seconds', { n: seconds })
      : t('errors.minutes', { n: Math.ceil(seconds / 60) })
  return t('errors.retryIn', { wait })
}

export type StepState = 'done' | 'active' | 'failed' | 'todo'

export interface StatusStep {
  key: string
  label: string
  state: StepState
}

/**
 * The step bar for a report: 已提交 → 已受理 → 已立案 (or 已合并) → 已整改; a rejected report ends in
 * 已驳回 after 已受理 (REJECT acknowledges too). `active` is the index of the current step.
 */
export function statusSteps(report: Pick<PublicReport, 'status' | 'outcome'>): {
  steps: StatusStep[]
  active: number
} {
  const status = report.status as ReportStatus
  const resolved = status === 'RESOLVED' || report.outcome === 'RESOLVED'
  const s = (key: string) => t(`status.steps.${key}`)
  if (status === 'REJECTED') {
    return {
      steps: [
        { key: 'submitted', label: s('submitted'), state: 'done' },
        { key: 'acknowledged', label: s('acknowledged'), state: 'done' },
        { key: 'rejected', label: s('rejected'), state: 'failed' },
      ],
      active: 2,
    }
  }
  const third = status === 'DUPLICATE' ? 'merged' : 'accepted'
  const keys = ['submitted', 'acknowledged', third, 'resolved']
  let active = 0
  if (status === 'UNDER_REVIEW') active = 1
  else if (status === 'ACCEPTED' || status === 'DUPLICATE' || status === 'RESOLVED')
    active = resolved ? 3 : 2
  const steps = keys.map((key, i) => ({
    key,
    label: s(key),
    state: (i < active || (i === active && i === 3)
      ? 'done'
      : i === active
        ? 'active'
        : 'todo') as StepState,
  }))
  return { steps, active }
}

/**
 * The server's `2026-11-29 10:00` (China time) as it is; an ISO instant such as `2026-11-29T02:00:00Z` as
 * `2026-11-29 10:00` in the phone's time zone; anything else as it is.
 */
export function formatHour(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(iso)) return iso
  const d = new Date(iso)
  if (!iso || Number.isNaN(d.getTime())) return iso ?? ''
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:00`
}
