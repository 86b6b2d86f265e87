import type { EpochMs, Id } from '@/shared/types'

// The annual statistical report (统计年报, W11), ADR 0013: GET/POST /statistical-reports….

export type AnnualReportStatus = 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'APPROVED'
export type AnnualCheck = 'PASSED' | 'FAILED'
export type AnnualSection =
  'ORGANISATION' | 'ENTERPRISES' | 'SUPERVISION' | 'HAZARDS' | 'WORKER_REPORTS' | 'OTHER'

/** What the caller may do now (decided by the server: status, permission, level above). */
export interface AnnualReportActions {
  edit: boolean
  review: boolean
}

export interface AnnualReportSummary {
  id: Id
  organisationId: Id
  organisationName: string
  organisationLevel: number
  year: number
  status: AnnualReportStatus
  periodFrom: string
  periodTo: string
  checkNote: string
  returnComment: string
  createdAt: EpochMs
  updatedAt: EpochMs
  refreshedAt: EpochMs
  submittedAt: EpochMs | null
  submittedBy: string
  approvedAt: EpochMs | null
  approvedBy: string
  actions: AnnualReportActions
}

export interface AnnualReportItem {
  code: string
  name: string
  nameEn: string
  unit: string
  kind: 'COUNT' | 'STOCK'
  section: AnnualSection
  additive: boolean
  systemValue: number
  manualValue: number | null
  /** The value that counts: the manual one when set. */
  value: number
  /** Additive items: the sum of the children's submitted or approved reports. */
  childrenSum: number | null
  check: AnnualCheck | null
  difference: number | null
  note: string
}

export interface AnnualReportEvent {
  event: 'CREATE' | 'REFRESH' | 'SUBMIT' | 'RETURN' | 'APPROVE' | (string & {})
  fromStatus: string
  toStatus: string
  comment: string
  actor: string
  createdAt: EpochMs
}

export interface AnnualReport extends AnnualReportSummary {
  items: AnnualReportItem[]
  failedChecks: number
  children: { total: number; reported: number }
  events: AnnualReportEvent[]
}

export interface AnnualChildStatus {
  organisationId: Id
  name: string
  level: number
  report: AnnualReportSummary | null
}

export interface AnnualOverview {
  year: number
  period: { from: string; to: string }
  organisation: { id: Id; name: string; level: number }
  report: AnnualReportSummary | null
  canCreate: boolean
  children: AnnualChildStatus[]
  completion: { total: number; submitted: number; approved: number }
}

export interface AnnualItemInput {
  code: string
  manualValue?: number | null
  note?: string
}
