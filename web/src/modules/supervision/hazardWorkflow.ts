// W2 (ADR 0010, "Hazard lifecycle"): the transition table, encoded once so the detail page offers only the
// events the server would accept from the current state. The server stays the authority (409 otherwise).
import type {
  DocumentStatus,
  Hazard,
  HazardEvent,
  HazardGrade,
  HazardStatus,
  TransitionForm,
  TransitionInput,
} from './types'

export const HAZARD_STATUSES: readonly HazardStatus[] = [
  'REPORTED',
  'TRIAGED',
  'REJECTED',
  'EVACUATION_RECOMMENDED',
  'NOTIFIED',
  'RECTIFYING',
  'OVERDUE_REPLY',
  'DISPUTED',
  'PENDING_VERIFICATION',
  'OVERDUE_RECTIFICATION',
  'ESCALATED',
  'CLOSED',
]

/** The ADR's table: event → the states it leaves from. */
export const TRANSITIONS: Readonly<Record<HazardEvent, readonly HazardStatus[]>> = {
  TRIAGE: ['REPORTED'],
  REJECT: ['REPORTED'],
  RECOMMEND_EVACUATION: ['TRIAGED'],
  NOTIFY: ['TRIAGED', 'EVACUATION_RECOMMENDED'],
  ENTERPRISE_ACCEPT: ['NOTIFIED', 'OVERDUE_REPLY'],
  ENTERPRISE_DISPUTE: ['NOTIFIED', 'OVERDUE_REPLY'],
  REPORT_RECTIFIED: ['RECTIFYING', 'OVERDUE_RECTIFICATION', 'NOTIFIED'],
  RECHECK: ['PENDING_VERIFICATION'],
  ACCEPT_DISPUTE: ['DISPUTED'],
  MAINTAIN_POSITION: ['DISPUTED'],
  MARK_OVERDUE: ['NOTIFIED', 'RECTIFYING'],
  ESCALATE: ['OVERDUE_REPLY', 'OVERDUE_RECTIFICATION'],
  AUTHORITY_ORDERS: ['ESCALATED'],
  AUTHORITY_CLOSES: ['ESCALATED'],
}

/** Table order, used to order the buttons. */
export const HAZARD_EVENTS = Object.keys(TRANSITIONS) as HazardEvent[]

/**
 * Events only other parts of the system raise: NOTIFY comes from the documents module when a notice is
 * served, MARK_OVERDUE from the scheduler. People never send them from the hazard page.
 */
export const SYSTEM_EVENTS: readonly HazardEvent[] = ['NOTIFY', 'MARK_OVERDUE']

/** Every event the ADR table allows from `status`, system events included. */
export function allowedEvents(status: HazardStatus): HazardEvent[] {
  return HAZARD_EVENTS.filter((event) => TRANSITIONS[event].includes(status))
}

/**
 * The buttons of the detail page: the allowed events a person sends, minus RECOMMEND_EVACUATION for a
 * hazard without immediate danger (the ADR allows it for `immediateDanger` hazards only).
 */
export function manualEvents(hazard: Pick<Hazard, 'status' | 'immediateDanger'>): HazardEvent[] {
  return allowedEvents(hazard.status).filter(
    (event) =>
      !SYSTEM_EVENTS.includes(event) &&
      (event !== 'RECOMMEND_EVACUATION' || hazard.immediateDanger),
  )
}

/** A 隐患整改通知书 can be issued for a triaged hazard (serving it raises NOTIFY). */
export function canIssueNotice(status: HazardStatus): boolean {
  return TRANSITIONS.NOTIFY.includes(status)
}

export function isFinal(status: HazardStatus): boolean {
  return allowedEvents(status).length === 0
}

export const OVERDUE_STATUSES: readonly HazardStatus[] = ['OVERDUE_REPLY', 'OVERDUE_RECTIFICATION']

/** Overdue: an overdue state, or the server's flag. */
export function isOverdue(hazard: Pick<Hazard, 'status' | 'overdue'>): boolean {
  return hazard.overdue === true || OVERDUE_STATUSES.includes(hazard.status)
}

type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info'

export function hazardStatusTag(status: HazardStatus): TagType {
  switch (status) {
    case 'REPORTED':
    case 'TRIAGED':
      return 'primary'
    case 'CLOSED':
      return 'success'
    case 'REJECTED':
      return 'info'
    case 'OVERDUE_REPLY':
    case 'OVERDUE_RECTIFICATION':
    case 'ESCALATED':
    case 'EVACUATION_RECOMMENDED':
      return 'danger'
    default:
      return 'warning'
  }
}

export function documentStatusTag(status: DocumentStatus): TagType {
  switch (status) {
    case 'DRAFT':
      return 'info'
    case 'CLOSED':
      return 'success'
    case 'OVERDUE':
    case 'REFUSED':
    case 'ESCALATED':
      return 'danger'
    case 'WITHDRAWN':
      return 'info'
    default:
      return 'primary'
  }
}

/** Which inputs a transition dialog shows, and which of them it requires. */
export type FieldNeed = 'hidden' | 'optional' | 'required'
export interface TransitionFields {
  comment: FieldNeed
  gradeCategory: FieldNeed
  rectificationDeadline: FieldNeed
  rectificationPlan: FieldNeed
  recheck: FieldNeed
  evidence: FieldNeed
}

/**
 * The "Needs" column of the ADR table. `grade` is the grade the hazard will have (TRIAGE may correct it);
 * `result` is the recheck result chosen so far (PASSED needs evidence: no close without evidence).
 */
export function transitionFields(
  event: HazardEvent,
  grade: HazardGrade,
  result: string = '',
): TransitionFields {
  const none: TransitionFields = {
    comment: 'optional',
    gradeCategory: 'hidden',
    rectificationDeadline: 'hidden',
    rectificationPlan: 'hidden',
    recheck: 'hidden',
    evidence: 'hidden',
  }
  switch (event) {
    case 'TRIAGE':
      return {
        ...none,
        gradeCategory: 'required',
        rectificationDeadline: grade === 'MAJOR' ? 'required' : 'optional',
      }
    case 'REJECT':
    case 'ENTERPRISE_DISPUTE':
    case 'ACCEPT_DISPUTE':
    case 'MAINTAIN_POSITION':
      return { ...none, comment: 'required' }
    case 'ENTERPRISE_ACCEPT':
      return {
        ...none,
        rectificationDeadline: 'required',
        rectificationPlan: grade === 'MAJOR' ? 'required' : 'optional',
      }
    case 'REPORT_RECTIFIED':
    case 'AUTHORITY_CLOSES':
      return { ...none, evidence: 'required' }
    case 'RECHECK':
      return {
        ...none,
        recheck: 'required',
        evidence: result === 'PASSED' ? 'required' : 'optional',
      }
    case 'AUTHORITY_ORDERS':
      return { ...none, rectificationDeadline: 'required' }
    default:
      return none
  }
}

/** The request body for an event: only the fields that event takes, empty ones left out. */
export function toTransitionInput(
  event: HazardEvent,
  form: TransitionForm,
  hazard: Pick<Hazard, 'grade' | 'category'>,
): TransitionInput {
  const fields = transitionFields(event, form.grade, form.result)
  const body: TransitionInput = { event }
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim())
  if (fields.comment !== 'hidden') body.comment = text(form.comment)
  if (fields.gradeCategory !== 'hidden') {
    if (form.grade !== hazard.grade) body.grade = form.grade
    if (form.category && form.category !== hazard.category) body.category = form.category
  }
  if (fields.rectificationDeadline !== 'hidden')
    body.rectificationDeadline = text(form.rectificationDeadline)
  if (fields.rectificationPlan !== 'hidden') body.rectificationPlan = text(form.rectificationPlan)
  if (fields.recheck !== 'hidden') {
    body.result = form.result || undefined
    body.verificationType = form.verificationType
    body.verifiers = text(form.verifiers)
    body.verifiedOn = text(form.verifiedOn)
  }
  if (fields.evidence !== 'hidden' && form.evidenceFileIds.length > 0)
    body.evidenceFileIds = [...form.evidenceFileIds]
  for (const key of Object.keys(body) as (keyof TransitionInput)[])
    if (body[key] === undefined) delete body[key]
  return body
}
