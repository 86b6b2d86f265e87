// The annual report form's rules in the browser, mirroring the server's (ADR 0013): a manual value is a whole
// number of 0 or more and replaces the system value; an additive item must be at least the children's sum;
// only the changed items are sent.
import { shanghaiToday } from '@/shared/date'
import type {
  AnnualCheck,
  AnnualItemInput,
  AnnualReport,
  AnnualReportItem,
  AnnualReportStatus,
  AnnualSection,
} from './types'

export const MAX_MANUAL_VALUE = 1_000_000_000_000_000
export const NOTE_MAX = 500

export type ManualProblem = 'wholeNumber' | 'tooLarge'

/** What is wrong with a manual value as typed; null when it is fine (empty: the system value counts). */
export function manualProblem(text: string): ManualProblem | null {
  const trimmed = text.trim()
  if (trimmed === '') return null
  if (!/^\d+$/.test(trimmed)) return 'wholeNumber'
  if (Number(trimmed) > MAX_MANUAL_VALUE) return 'tooLarge'
  return null
}

/** The manual value as typed: a number, or null for none (empty or not a whole number). */
export function parseManual(text: string): number | null {
  return text.trim() === '' || manualProblem(text) ? null : Number(text.trim())
}

/** The text a manual value is edited as. */
export function manualText(value: number | null): string {
  return value === null ? '' : String(value)
}

/** The value that counts while editing: the manual value when one is typed, else the system value. */
export function usedValue(item: Pick<AnnualReportItem, 'systemValue'>, text: string): number {
  return parseManual(text) ?? item.systemValue
}

/** The check of an additive item against the children's sum, for the value being typed. */
export function liveCheck(
  item: Pick<AnnualReportItem, 'systemValue' | 'childrenSum'>,
  text: string,
): AnnualCheck | null {
  if (item.childrenSum === null) return null
  return usedValue(item, text) >= item.childrenSum ? 'PASSED' : 'FAILED'
}

/** The form's editable state: manual values as text and notes, by item code. */
export interface AnnualDraft {
  manual: Record<string, string>
  note: Record<string, string>
}

export function draftOf(report: Pick<AnnualReport, 'items'>): AnnualDraft {
  const draft: AnnualDraft = { manual: {}, note: {} }
  for (const item of report.items) {
    draft.manual[item.code] = manualText(item.manualValue)
    draft.note[item.code] = item.note
  }
  return draft
}

/** Problems of the draft, keyed like the server's field errors: items[CODE].manualValue / .note. */
export function draftProblems(
  report: Pick<AnnualReport, 'items'>,
  draft: AnnualDraft,
): Record<string, ManualProblem | 'noteTooLong'> {
  const problems: Record<string, ManualProblem | 'noteTooLong'> = {}
  for (const item of report.items) {
    const problem = manualProblem(draft.manual[item.code] ?? '')
    if (problem) problems[manualField(item.code)] = problem
    if ([...(draft.note[item.code] ?? '')].length > NOTE_MAX)
      problems[noteField(item.code)] = 'noteTooLong'
  }
  return problems
}

export const manualField = (code: string) => `items[${code}].manualValue`
export const noteField = (code: string) => `items[${code}].note`

/** The items whose manual value or note differ from the saved report: what a save sends. */
export function changedItems(
  report: Pick<AnnualReport, 'items'>,
  draft: AnnualDraft,
): AnnualItemInput[] {
  const changes: AnnualItemInput[] = []
  for (const item of report.items) {
    const change: AnnualItemInput = { code: item.code }
    const manual = parseManual(draft.manual[item.code] ?? '')
    if (manual !== item.manualValue) change.manualValue = manual
    const note = (draft.note[item.code] ?? '').trim()
    if (note !== item.note) change.note = note
    if (Object.keys(change).length > 1) changes.push(change)
  }
  return changes
}

/** Additive items below the children's sum with the values being typed. */
export function failedChecks(report: Pick<AnnualReport, 'items'>, draft: AnnualDraft): number {
  return report.items.filter((item) => liveCheck(item, draft.manual[item.code] ?? '') === 'FAILED')
    .length
}

export interface SectionGroup {
  section: AnnualSection
  items: AnnualReportItem[]
}

/** Items grouped by section, sections and items in catalogue order. */
export function groupBySection(items: AnnualReportItem[]): SectionGroup[] {
  const groups: SectionGroup[] = []
  for (const item of items) {
    let group = groups.find((candidate) => candidate.section === item.section)
    if (!group) {
      group = { section: item.section, items: [] }
      groups.push(group)
    }
    group.items.push(item)
  }
  return groups
}

export function statusTagType(
  status: AnnualReportStatus | null | undefined,
): 'info' | 'warning' | 'success' | 'danger' | 'primary' {
  switch (status) {
    case 'SUBMITTED':
      return 'warning'
    case 'APPROVED':
      return 'success'
    case 'RETURNED':
      return 'danger'
    case 'DRAFT':
      return 'primary'
    default:
      return 'info'
  }
}

/** Year and month in Asia/Shanghai. */
function shanghai(now: Date): { year: number; month: number } {
  const today = shanghaiToday(now.getTime())
  return { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) }
}

/** The last statistical year (October – September) that has ended: the one being reported on. */
export function defaultYear(now: Date = new Date()): number {
  const { year, month } = shanghai(now)
  return month >= 10 ? year : year - 1
}

/** The years the picker offers: the one in progress and the nine before it, newest first. */
export function yearOptions(now: Date = new Date()): number[] {
  const latest = defaultYear(now) + 1
  return Array.from({ length: 10 }, (_, index) => latest - index)
}

export function completionPercent(completion: { total: number; submitted: number }): number {
  if (completion.total === 0) return 100
  return Math.round((100 * completion.submitted) / completion.total)
}
