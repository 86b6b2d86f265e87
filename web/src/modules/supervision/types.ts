import type { EpochMs, Id } from '@/shared/types'

// Supervision (监督检查): hazards (workflow W2) and union documents (W4), ADR 0010.

export type HazardStatus =
  | 'REPORTED'
  | 'TRIAGED'
  | 'REJECTED'
  | 'EVACUATION_RECOMMENDED'
  | 'NOTIFIED'
  | 'RECTIFYING'
  | 'OVERDUE_REPLY'
  | 'DISPUTED'
  | 'PENDING_VERIFICATION'
  | 'OVERDUE_RECTIFICATION'
  | 'ESCALATED'
  | 'CLOSED'

export type HazardEvent =
  | 'TRIAGE'
  | 'REJECT'
  | 'RECOMMEND_EVACUATION'
  | 'NOTIFY'
  | 'ENTERPRISE_ACCEPT'
  | 'ENTERPRISE_DISPUTE'
  | 'REPORT_RECTIFIED'
  | 'RECHECK'
  | 'ACCEPT_DISPUTE'
  | 'MAINTAIN_POSITION'
  | 'MARK_OVERDUE'
  | 'ESCALATE'
  | 'AUTHORITY_ORDERS'
  | 'AUTHORITY_CLOSES'

export type HazardSource =
  | 'UNION_INSPECTION'
  | 'GROUP_INSPECTOR_LOG'
  | 'MASS_SUPERVISOR'
  | 'WORKER_REPORT'
  | 'ENTERPRISE_SELF_CHECK'
  | 'GOV_REFERRAL'
  | 'ACCIDENT_FOLLOWUP'

export type HazardCategory =
  'UNSAFE_CONDITION' | 'UNSAFE_ACT' | 'MANAGEMENT_DEFECT' | 'OCCUPATIONAL_HEALTH' | 'ENVIRONMENT'

export type HazardGrade = 'GENERAL' | 'MAJOR'

export type RecheckResult = 'PASSED' | 'FAILED' | 'PARTIAL'
export type VerificationType = 'UNION_RECHECK' | 'ENTERPRISE_SELF_ACCEPTANCE' | 'GOV_ACCEPTANCE'

/** A stored photo or PDF as the hazard and document answers carry it. */
export interface StoredFile {
  /** Hazard answers name the file `fileId`, document answers `id`. */
  id?: Id
  fileId?: Id
  url: string
  thumbnailUrl?: string | null
  mediaType?: string
  originalName?: string
  purpose?: string
}

/** A row of GET /hazards. */
export interface Hazard {
  id: Id
  code: string
  organisationId: Id
  organisationName?: string
  enterpriseId: Id
  enterpriseName?: string
  inspectionId?: Id | null
  checklistItemCode?: string
  source: HazardSource
  category: HazardCategory
  grade: HazardGrade
  majorSubgrade?: number | null
  majorCriterion?: string
  title: string
  description?: string
  location?: string
  immediateDanger: boolean
  foundOn: string
  foundBy?: string
  rectificationDeadline?: string | null
  replyDue?: string | null
  recheckDue?: string | null
  rectificationPlan?: string
  status: HazardStatus
  /** Set by the server when a deadline has passed; the UI also derives it from the status. */
  overdue?: boolean
  /** The events a person may send now, per the server's W2 table (system events left out). */
  nextEvents?: HazardEvent[]
  statusChangedAt?: EpochMs
  createdAt?: EpochMs
  updatedAt?: EpochMs
  closedAt?: EpochMs | null
}

export interface HazardTimelineEvent {
  id: Id
  event: HazardEvent
  fromStatus: HazardStatus | '' | null
  toStatus: HazardStatus
  comment: string
  actor?: string
  userId?: Id | null
  username?: string
  createdAt: EpochMs
}

export interface HazardVerification {
  id: Id
  verificationType: string
  result: RecheckResult
  verifiers: string
  note?: string
  verifiedOn: string
  createdAt?: EpochMs
}

export interface HazardEscalation {
  id: Id
  fromOrganisationId?: Id
  fromOrganisationName?: string
  toOrganisationId?: Id | null
  toOrganisationName?: string | null
  toAgency?: string
  reason: string
  note?: string
  automatic: boolean
  sentAt: EpochMs
  acknowledgedAt?: EpochMs | null
  outcome?: string
}

export interface LinkedDocument {
  id: Id
  documentType?: DocumentType
  /** Older answers named the type `type`. */
  type?: DocumentType
  documentNo: string
  title?: string
  status: DocumentStatus
}

export interface HazardDetail extends Hazard {
  events: HazardTimelineEvent[]
  photos: StoredFile[]
  evidence: StoredFile[]
  verifications: HazardVerification[]
  escalations: HazardEscalation[]
  documents: LinkedDocument[]
}

export interface HazardInput {
  enterpriseId: Id
  organisationId?: Id
  inspectionId?: Id
  checklistItemCode?: string
  source: HazardSource
  category: HazardCategory
  grade: HazardGrade
  majorSubgrade?: number
  majorCriterion?: string
  title: string
  description: string
  location: string
  immediateDanger: boolean
  foundOn: string
  foundBy: string
  photoFileIds: Id[]
}

export interface HazardForm {
  enterpriseId: Id | undefined
  enterpriseName: string
  source: HazardSource
  category: HazardCategory | ''
  grade: HazardGrade
  majorCriterion: string
  title: string
  description: string
  location: string
  immediateDanger: boolean
  foundOn: string
  foundBy: string
  photoFileIds: Id[]
}

export interface TransitionInput {
  event: HazardEvent
  comment?: string
  grade?: HazardGrade
  category?: HazardCategory
  rectificationDeadline?: string
  rectificationPlan?: string
  result?: RecheckResult
  verificationType?: string
  verifiers?: string
  verifiedOn?: string
  evidenceFileIds?: Id[]
}

export interface TransitionForm {
  comment: string
  grade: HazardGrade
  category: HazardCategory | ''
  rectificationDeadline: string
  rectificationPlan: string
  result: RecheckResult | ''
  verificationType: VerificationType
  verifiers: string
  verifiedOn: string
  evidenceFileIds: Id[]
}

// ---- union documents (W4) ----

export type DocumentType =
  'HAZARD_RECTIFICATION_NOTICE' | 'LP_SUPERVISION_OPINION' | 'RECTIFICATION_RECOMMENDATION'

export type DocumentStatus =
  | 'DRAFT'
  | 'ISSUED'
  | 'SERVED'
  | 'REPLIED'
  | 'OVERDUE'
  | 'REFUSED'
  | 'ESCALATED'
  | 'CLOSED'
  | 'WITHDRAWN'

export type ServiceMethod = 'IN_PERSON' | 'POST' | 'ELECTRONIC'
export type ReplyDecision = 'ACCEPT' | 'RECTIFIED' | 'DISPUTE'

export interface DocumentHazard {
  id: Id
  code: string
  title: string
  grade: HazardGrade
  status: HazardStatus
}

/** A row of GET /documents. */
export interface UnionDocument {
  id: Id
  organisationId: Id
  organisationName?: string
  documentType: DocumentType
  year?: number | null
  serial?: number | null
  documentNo: string
  enterpriseId?: Id | null
  enterpriseName?: string | null
  addressee: string
  title: string
  replyDue?: string
  status: DocumentStatus
  issuedAt?: EpochMs | null
  servedAt?: EpochMs | null
  createdAt?: EpochMs
  updatedAt?: EpochMs
}

export interface DocumentDetail extends UnionDocument {
  content: string
  requestedActions: string
  signedBy?: string
  serviceMethod?: ServiceMethod | ''
  replyReceivedAt?: EpochMs | null
  replyDecision?: ReplyDecision | ''
  replyContent?: string
  replyPlan?: string
  replyContact?: string
  replyDeadline?: string
  reviewNote?: string
  hazardIds?: Id[]
  hazards: DocumentHazard[]
  files?: StoredFile[]
  evidence?: StoredFile[]
  /** The actions the server's W4 table allows now (`reply-links` for the reply link). */
  actions?: string[]
}

export interface DocumentInput {
  documentType: DocumentType
  organisationId?: Id
  enterpriseId: Id
  addressee: string
  title: string
  content: string
  requestedActions: string
  hazardIds: Id[]
  replyDue?: string
}

export interface DocumentForm {
  documentType: DocumentType
  enterpriseId: Id | undefined
  enterpriseName: string
  addressee: string
  title: string
  content: string
  requestedActions: string
  hazardIds: Id[]
  replyDue: string
}

export interface ReplyLink {
  url: string
  token: string
  expiresAt: EpochMs | string
}
