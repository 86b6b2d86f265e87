import type { Id } from '@/shared/types'
import type {
  Answer,
  AnswerInput,
  ChecklistItem,
  ChecklistSection,
  ChecklistVersion,
  HazardInput,
  Inspection,
  InspectionEvent,
  InspectionMode,
} from './types'

/** A checklist item with the title of its section, in checklist order. */
export interface FlatItem extends ChecklistItem {
  section: string
}

export function flattenItems(version: ChecklistVersion | undefined): FlatItem[] {
  return (version?.sections ?? []).flatMap((section) =>
    section.items.map((item) => ({ ...item, section: section.title })),
  )
}

/** "已完成 12/30": how many items of the checklist have an answer. */
export function progress(
  items: readonly ChecklistItem[],
  answers: Readonly<Record<string, Answer | undefined>>,
): { done: number; total: number; percent: number } {
  const done = items.filter((item) => answers[item.code]?.result).length
  const total = items.length
  return { done, total, percent: total === 0 ? 0 : Math.round((done * 100) / total) }
}

export type AnswerProblem = 'note' | 'photo'

/**
 * What an answer still lacks before the findings can be recorded (the server's rule): a note when the item
 * asks for one and the result is FAIL or NA, a photo when the item asks for one and the result is FAIL.
 */
export function answerProblems(item: ChecklistItem, answer: Answer | undefined): AnswerProblem[] {
  if (!answer?.result) return []
  const problems: AnswerProblem[] = []
  if (item.requiresNote && answer.result !== 'PASS' && answer.note.trim() === '')
    problems.push('note')
  if (item.requiresPhoto && answer.result === 'FAIL' && answer.photoFileIds.length === 0)
    problems.push('photo')
  return problems
}

/** Items not yet answered or lacking a note/photo: what blocks RECORD_FINDINGS. */
export function incompleteItems(
  items: readonly ChecklistItem[],
  answers: Readonly<Record<string, Answer | undefined>>,
): string[] {
  return items
    .filter(
      (item) => !answers[item.code]?.result || answerProblems(item, answers[item.code]).length > 0,
    )
    .map((item) => item.code)
}

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error'

/**
 * Answers waiting to be saved from the phone. Changes to the same item merge (the latest wins); a save
 * takes everything pending, and a failed save puts its answers back unless the item changed again
 * meanwhile, so nothing typed is lost and nothing stale overwrites newer input.
 */
export class AutosaveQueue {
  private pending = new Map<string, AnswerInput>()
  private inFlight = false
  state: SaveState = 'idle'

  set(answer: AnswerInput): void {
    this.pending.set(answer.itemCode, { ...answer, photoFileIds: [...answer.photoFileIds] })
    if (!this.inFlight) this.state = 'pending'
  }

  get size(): number {
    return this.pending.size
  }

  /** Sends what is pending with `save`; resolves true when everything sent was stored. */
  async flush(save: (answers: AnswerInput[]) => Promise<unknown>): Promise<boolean> {
    if (this.inFlight || this.pending.size === 0) return this.pending.size === 0
    const batch = [...this.pending.values()]
    this.pending.clear()
    this.inFlight = true
    this.state = 'saving'
    try {
      await save(batch)
      this.state = this.pending.size > 0 ? 'pending' : 'saved'
      return true
    } catch (err) {
      for (const answer of batch) {
        if (!this.pending.has(answer.itemCode)) this.pending.set(answer.itemCode, answer)
      }
      this.state = 'error'
      throw err
    } finally {
      this.inFlight = false
    }
  }
}

/** The answers of an inspection by item code. */
export function answerMap(inspection: Inspection | undefined): Record<string, Answer> {
  const map: Record<string, Answer> = {}
  for (const answer of inspection?.answers ?? []) map[answer.itemCode] = { ...answer }
  return map
}

/** The hazard form for a failed item: title from the item, MAJOR preselected for MAJOR items. */
export function hazardDefaults(
  inspection: Inspection,
  item: ChecklistItem,
  answer: Answer | undefined,
  today: string,
): HazardInput {
  // The hazards module takes titles of at most 100 characters.
  const prefix = '未达标：'
  const room = 100 - prefix.length
  const text = [...item.text]
  const title = prefix + (text.length > room ? `${text.slice(0, room - 1).join('')}…` : item.text)
  return {
    enterpriseId: inspection.enterpriseId,
    inspectionId: inspection.id,
    checklistItemCode: item.code,
    source: 'UNION_INSPECTION',
    category: item.severityHint === 'MAJOR' ? 'UNSAFE_CONDITION' : 'MANAGEMENT_DEFECT',
    grade: item.severityHint,
    title,
    description: [answer?.note ?? '', item.basisRef ? `依据：${item.basisRef}` : '']
      .filter((part) => part.trim() !== '')
      .join('\n'),
    location: '',
    immediateDanger: false,
    foundOn: today,
    foundBy: inspection.inspectors.map((inspector) => inspector.name).join('、'),
    photoFileIds: [...(answer?.photoFileIds ?? [])],
  }
}

/** Fields a W1 event asks for in its dialog. */
export function eventNeeds(event: InspectionEvent): {
  comment: 'required' | 'optional' | 'none'
  signatory: 'required' | 'optional' | 'none'
  inspectors: boolean
  summary: boolean
} {
  switch (event) {
    case 'START':
      return { comment: 'none', signatory: 'none', inspectors: true, summary: false }
    case 'RECORD_FINDINGS':
      return { comment: 'none', signatory: 'none', inspectors: false, summary: true }
    case 'ACKNOWLEDGE':
      return { comment: 'optional', signatory: 'required', inspectors: false, summary: false }
    case 'REFUSE_SIGNATURE':
      return { comment: 'required', signatory: 'optional', inspectors: false, summary: false }
    case 'CANCEL':
      return { comment: 'required', signatory: 'none', inspectors: false, summary: false }
    default:
      return { comment: 'optional', signatory: 'none', inspectors: false, summary: false }
  }
}

export const needsAuthority = (mode: InspectionMode | '' | undefined) =>
  mode === 'JOINT_WITH_AUTHORITY'

/** At least two certified inspectors on site to start (domain model §3.2 [D]). */
export const MIN_INSPECTORS_ON_SITE = 2
export const enoughInspectors = (ids: readonly Id[]) => new Set(ids).size >= MIN_INSPECTORS_ON_SITE

// ---- checklist drafts ----

export const ITEM_CODE_PATTERN = /^[A-Za-z0-9._-]{1,32}$/

/** Problems of a draft, named as the server names them (sections[i].items[j].code …) → i18n key. */
export function draftProblems(sections: readonly ChecklistSection[]): Record<string, string> {
  const problems: Record<string, string> = {}
  const seen = new Set<string>()
  sections.forEach((section, s) => {
    const prefix = `sections[${s}]`
    const title = section.title.trim()
    if (title === '' || [...title].length > 100)
      problems[`${prefix}.title`] = 'inspections.draft.titleRule'
    section.items.forEach((item, i) => {
      const field = `${prefix}.items[${i}].`
      const code = item.code.trim()
      if (!ITEM_CODE_PATTERN.test(code)) problems[`${field}code`] = 'inspections.draft.codeRule'
      else if (seen.has(code)) problems[`${field}code`] = 'inspections.draft.codeDuplicate'
      seen.add(code)
      const length = [...item.text.trim()].length
      if (length < 2 || length > 500) problems[`${field}text`] = 'inspections.draft.textRule'
      if (!Number.isInteger(item.maxScore) || item.maxScore < 0 || item.maxScore > 100)
        problems[`${field}maxScore`] = 'inspections.draft.scoreRule'
    })
  })
  return problems
}

/** A code for a new item that no item of the draft uses yet: the prefix of the last code and a number. */
export function nextItemCode(sections: readonly ChecklistSection[]): string {
  const codes = new Set(sections.flatMap((section) => section.items.map((item) => item.code)))
  const last = sections.flatMap((section) => section.items).at(-1)?.code ?? 'ITEM-0'
  const prefix = last.replace(/\d+$/, '') || 'ITEM-'
  for (let n = codes.size + 1; ; n += 1) {
    const candidate = `${prefix}${String(n).padStart(2, '0')}`
    if (!codes.has(candidate)) return candidate
  }
}

export function emptyItem(code: string): ChecklistItem {
  return {
    code,
    text: '',
    basisRef: '',
    maxScore: 5,
    answerType: 'PASS_FAIL_NA',
    requiresPhoto: false,
    requiresNote: true,
    severityHint: 'GENERAL',
  }
}
