import type { EpochMs, Id } from '@/shared/types'

export type ChecklistKind = 'STATUTORY' | 'SEASONAL_CAMPAIGN' | 'MAJOR_HAZARD_CRITERIA' | 'CUSTOM'
export type Severity = 'GENERAL' | 'MAJOR'
export type AnswerResult = 'PASS' | 'FAIL' | 'NA'

export interface ChecklistItem {
  code: string
  text: string
  basisRef: string
  maxScore: number
  answerType: 'PASS_FAIL_NA'
  requiresPhoto: boolean
  requiresNote: boolean
  severityHint: Severity
}

export interface ChecklistSection {
  title: string
  items: ChecklistItem[]
}

export interface ChecklistVersion {
  id: Id
  templateId: Id
  version: number
  status: 'DRAFT' | 'PUBLISHED'
  note: string
  itemCount: number
  maxScore: number
  sections: ChecklistSection[]
  createdAt: EpochMs
  updatedAt: EpochMs
  publishedAt: EpochMs | null
}

export interface VersionSummary {
  id: Id
  version: number
  status: 'DRAFT' | 'PUBLISHED'
  note: string
  itemCount: number
  publishedAt: EpochMs | null
}

export interface ChecklistTemplate {
  id: Id
  code: string
  name: string
  kind: ChecklistKind
  season: string
  description: string
  organisationId: Id | null
  organisationName: string | null
  library: boolean
  copiedFromId: Id | null
  copiedFromName: string | null
  copiedFromVersion: number | null
  currentVersion: number
  itemCount: number
  hasDraft: boolean
  editable: boolean
  createdAt: EpochMs
  updatedAt: EpochMs
  current?: ChecklistVersion | null
  draft?: ChecklistVersion | null
  versions?: VersionSummary[]
}

export interface ChecklistInput {
  organisationId?: Id
  code: string
  name: string
  kind: ChecklistKind
  season?: string
  description?: string
  sections?: ChecklistSection[]
}

export type InspectionStatus =
  | 'PLANNED'
  | 'IN_PROGRESS'
  | 'FINDINGS_RECORDED'
  | 'ACKNOWLEDGED'
  | 'SIGNATURE_REFUSED'
  | 'FOLLOW_UP'
  | 'CLOSED'
  | 'CANCELLED'

export type InspectionEvent =
  | 'START'
  | 'RECORD_FINDINGS'
  | 'ACKNOWLEDGE'
  | 'REFUSE_SIGNATURE'
  | 'FOLLOW_UP'
  | 'CLOSE'
  | 'CANCEL'

export type InspectionMode =
  | 'UNION_INDEPENDENT'
  | 'JOINT_WITH_AUTHORITY'
  | 'JOINT_WITH_MANAGEMENT'
  | 'COMMITTEE_ROUTINE'
  | 'SPECIAL_CAMPAIGN'
  | 'SPOT_CHECK'

export interface Answer {
  itemCode: string
  result: AnswerResult
  note: string
  photoFileIds: Id[]
  updatedAt?: EpochMs
}

export interface LinkedHazard {
  id: Id
  code: string
  title: string
  grade: string
  status: string
  checklistItemCode: string
  open: boolean
}

export interface Inspection {
  id: Id
  code: string
  organisationId: Id
  organisationName: string
  enterpriseId: Id
  enterpriseName: string
  enterpriseAddress: string
  mode: InspectionMode
  authorityName: string
  topic: string
  plannedDate: string
  checklistId: Id
  checklistName: string
  checklistVersionId: Id
  checklistVersion: number
  status: InspectionStatus
  nextEvents: InspectionEvent[]
  itemCount: number
  answeredCount: number
  failedCount: number
  score: number
  maxScore: number
  inspectors: { inspectorId: Id; name: string; certificateNo: string; status: string }[]
  members: string[]
  signatoryName: string
  signatoryTitle: string
  refusalNote: string
  summary: string
  cancelReason: string
  startedAt: EpochMs | null
  findingsRecordedAt: EpochMs | null
  signedAt: EpochMs | null
  closedAt: EpochMs | null
  createdAt: EpochMs
  updatedAt: EpochMs
  checklist?: ChecklistVersion
  answers?: Answer[]
  hazards?: LinkedHazard[]
  openHazardCount?: number
  events?: {
    id: Id
    event: string
    fromStatus: string
    toStatus: string
    comment: string
    username: string
    createdAt: EpochMs
  }[]
}

export interface PlanInput {
  organisationId?: Id
  enterpriseId: Id
  mode: InspectionMode
  authorityName?: string
  topic?: string
  plannedDate: string
  checklistId: Id
  inspectorIds: Id[]
  members: string[]
}

export interface AnswerInput {
  itemCode: string
  result: AnswerResult | null
  note: string
  photoFileIds: Id[]
}

export interface TransitionInput {
  event: InspectionEvent
  comment?: string
  inspectorIds?: Id[]
  signatoryName?: string
  signatoryTitle?: string
  summary?: string
}

export type HazardCategory =
  'UNSAFE_CONDITION' | 'UNSAFE_ACT' | 'MANAGEMENT_DEFECT' | 'OCCUPATIONAL_HEALTH' | 'ENVIRONMENT'

/** POST /api/v1/hazards (the hazards module, ADR 0010), as the record page sends it. */
export interface HazardInput {
  enterpriseId: Id
  inspectionId: Id
  checklistItemCode: string
  source: 'UNION_INSPECTION'
  category: HazardCategory
  grade: Severity
  title: string
  description: string
  location: string
  immediateDanger: boolean
  foundOn: string
  foundBy: string
  photoFileIds: Id[]
}
