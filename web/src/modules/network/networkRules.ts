// Pure rules of the supervision-network pages; the server stays the authority and repeats each one.
import type { FormItemRule } from 'element-plus'
import { i18n } from '@/shared/i18n'
import { TYPING } from '@/shared/validators'
import type {
  CommitteeMember,
  CommitteeStatus,
  InspectorStatus,
  StaffingForm,
  StaffingInput,
  TransitionForm,
  TransitionInput,
} from './types'

const t = (key: string, values: Record<string, unknown> = {}) => i18n.global.t(key, values)

// ---- committees --------------------------------------------------------------------------------

/** The 1985 regulation's default size of a committee in office (the server's CommitteeRules). */
export const COMMITTEE_RULES = { minMembers: 7, maxMembers: 15, maxViceChairs: 2 } as const

export type MembersProblem =
  | { kind: 'chairs' }
  | { kind: 'viceChairs'; max: number }
  | { kind: 'size'; min: number; max: number; count: number }
  | { kind: 'names' }

/**
 * What is wrong with a committee's composition, or null: an ACTIVE committee has exactly one chair,
 * at most two vice-chairs and 7–15 members; a committee no longer in office keeps its last composition
 * (at most one chair). Every member needs a name.
 */
export function committeeMembersProblem(
  members: readonly CommitteeMember[],
  status: CommitteeStatus,
): MembersProblem | null {
  if (members.some((m) => m.name.trim() === '')) return { kind: 'names' }
  const chairs = members.filter((m) => m.role === 'CHAIR').length
  const viceChairs = members.filter((m) => m.role === 'VICE_CHAIR').length
  const active = status === 'ACTIVE'
  if (chairs > 1 || (active && chairs !== 1)) return { kind: 'chairs' }
  if (viceChairs > COMMITTEE_RULES.maxViceChairs)
    return { kind: 'viceChairs', max: COMMITTEE_RULES.maxViceChairs }
  const { minMembers: min, maxMembers: max } = COMMITTEE_RULES
  if (active && (members.length < min || members.length > max))
    return { kind: 'size', min, max, count: members.length }
  return null
}

export function membersMessage(problem: MembersProblem): string {
  switch (problem.kind) {
    case 'chairs':
      return t('network.validation.chairs')
    case 'viceChairs':
      return t('network.validation.viceChairs', { max: problem.max })
    case 'size':
      return t('network.validation.committeeSize', problem)
    case 'names':
      return t('network.validation.memberNames')
  }
}

/** Validates the member list as it changes; reads the status through `status()` (one field at a time). */
export function membersRule(status: () => CommitteeStatus): FormItemRule {
  return {
    trigger: 'change',
    validator: (_rule, value: unknown, callback) => {
      const problem = committeeMembersProblem((value as CommitteeMember[]) ?? [], status())
      if (problem) callback(new Error(membersMessage(problem)))
      else callback()
    },
  }
}

// ---- inspectors and workflow W10 ---------------------------------------------------------------

export const INSPECTOR_STATUSES: readonly InspectorStatus[] = [
  'NOMINATED',
  'TRAINING',
  'PASSED',
  'FAILED',
  'CLOSED',
  'APPOINTED',
  'ACTIVE',
  'SUSPENDED',
  'TERM_EXPIRED',
  'REVOKED',
  'RESIGNED',
  'RETIRED',
]

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'
/** Tag colour per status: in office green, on the way blue, paused amber, ended grey or red. */
export function statusTagType(status: InspectorStatus): TagType {
  switch (status) {
    case 'ACTIVE':
    case 'APPOINTED':
      return 'success'
    case 'SUSPENDED':
    case 'TERM_EXPIRED':
    case 'FAILED':
      return 'warning'
    case 'REVOKED':
      return 'danger'
    case 'CLOSED':
    case 'RESIGNED':
    case 'RETIRED':
      return 'info'
    default:
      return 'primary'
  }
}

export type FieldNeed = 'required' | 'optional' | 'hidden'

/**
 * Which extra fields a transition asks for. An appointment (→ APPOINTED) needs the appointing higher
 * union and the certificate number; a re-appointment (TERM_EXPIRED → ACTIVE) may name a new appointing
 * union and term end; other transitions need only the date and a note.
 */
export function transitionFields(
  from: InspectorStatus,
  to: InspectorStatus | '',
): { appointing: FieldNeed; certificate: FieldNeed; termEnd: FieldNeed } {
  if (to === 'APPOINTED')
    return { appointing: 'required', certificate: 'required', termEnd: 'optional' }
  if (from === 'TERM_EXPIRED' && to === 'ACTIVE')
    return { appointing: 'optional', certificate: 'hidden', termEnd: 'optional' }
  return { appointing: 'hidden', certificate: 'hidden', termEnd: 'hidden' }
}

/** Same rule as the server: 4–32 letters, digits and hyphens, not starting with a hyphen. */
export const CERTIFICATE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{3,31}$/

export function normaliseCertificate(value: string): string {
  return value.trim().toUpperCase()
}

export function certificateRule(): FormItemRule {
  return {
    trigger: TYPING,
    validator: (_rule, value: unknown, callback) => {
      if (
        typeof value === 'string' &&
        value.trim() !== '' &&
        !CERTIFICATE_PATTERN.test(value.trim())
      )
        callback(new Error(t('network.validation.certificate')))
      else callback()
    },
  }
}

/** The request body of a transition: only the fields that transition uses. */
export function toTransitionInput(from: InspectorStatus, form: TransitionForm): TransitionInput {
  const fields = transitionFields(from, form.to)
  const body: TransitionInput = { to: form.to as InspectorStatus, date: form.date }
  if (form.note.trim() !== '') body.note = form.note.trim()
  if (fields.appointing !== 'hidden' && form.appointingOrganisationId !== undefined)
    body.appointingOrganisationId = form.appointingOrganisationId
  if (fields.certificate !== 'hidden' && form.certificateNo.trim() !== '')
    body.certificateNo = normaliseCertificate(form.certificateNo)
  if (fields.termEnd !== 'hidden' && form.termEnd !== '') body.termEnd = form.termEnd
  return body
}

// ---- phones and money --------------------------------------------------------------------------

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/

export function mobileRule(): FormItemRule {
  return {
    trigger: TYPING,
    validator: (_rule, value: unknown, callback) => {
      if (typeof value === 'string' && value.trim() !== '' && !MOBILE_PATTERN.test(value.trim()))
        callback(new Error(t('network.validation.mobile')))
      else callback()
    },
  }
}

/** Yuan with up to two decimals to integer fen, without floating-point drift (12.35 → 1235). */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100)
}

/** Integer fen as yuan text with two decimals and thousands separators (123456 → 1,234.56). */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  const whole = Math.floor(abs / 100).toLocaleString('en-US')
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`
}

export const MAX_BUDGET_YUAN = 100_000_000_000

export function moneyRule(): FormItemRule {
  return {
    trigger: 'change',
    validator: (_rule, value: unknown, callback) => {
      if (value === undefined || value === null) return callback()
      const ok = typeof value === 'number' && value >= 0 && value <= MAX_BUDGET_YUAN
      if (ok) callback()
      else callback(new Error(t('network.validation.money')))
    },
  }
}

export function toStaffingInput(form: StaffingForm): StaffingInput {
  return {
    organisationId: form.organisationId as number,
    year: form.year,
    hasLpDepartment: form.hasLpDepartment,
    lpDepartmentName: form.hasLpDepartment ? form.lpDepartmentName.trim() : '',
    fulltimeLpCadres: form.fulltimeLpCadres,
    parttimeLpCadres: form.parttimeLpCadres,
    authorisedPosts: form.authorisedPosts,
    budgetPlannedFen: yuanToFen(form.budgetPlannedYuan ?? 0),
    budgetSpentFen: yuanToFen(form.budgetSpentYuan ?? 0),
    notes: form.notes.trim(),
  }
}
