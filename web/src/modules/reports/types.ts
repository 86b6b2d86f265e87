import type { HazardCategory, HazardGrade } from '@/modules/supervision/types'
import type { EpochMs, Id } from '@/shared/types'

// Worker hazard reports (职工隐患随手拍), staff side, ADR 0012. The ADR fixes the public JSON; the staff
// JSON below mirrors it in camelCase (checked against server/modules/reports/report_json.cpp while it was
// being written). Everything the server might name differently is here, in one place.

export type ReportStatus = 'SUBMITTED' | 'UNDER_REVIEW' | 'ACCEPTED' | 'DUPLICATE' | 'REJECTED'
export type Anonymity = 'ANONYMOUS' | 'NAMED'

/** Events a person sends (POST /worker-reports/{id}/transitions). */
export type ReportAction = 'ACKNOWLEDGE' | 'ACCEPT' | 'MERGE' | 'REJECT'
/** Every event of the timeline: the actions plus the system's. */
export type ReportEvent = ReportAction | 'SUBMIT' | 'ESCALATE' | 'MARK_OVERDUE' | (string & {})

/** A row of GET /worker-reports. */
export interface WorkerReport {
  id: Id
  code: string
  enterpriseId: Id
  enterpriseName: string
  siteName: string | null
  organisationId: Id
  organisationName: string
  category: HazardCategory | (string & {})
  description: string
  location: string
  anonymity: Anonymity
  status: ReportStatus
  /** What the worker sees: the status, or RESOLVED once the linked hazard is closed. */
  workerStatus?: ReportStatus | 'RESOLVED'
  /** Epoch ms, truncated to the hour by the server. */
  submittedAt: EpochMs
  /** YYYY-MM-DD */
  submittedOn?: string
  acknowledgedAt?: EpochMs | null
  decidedAt?: EpochMs | null
  /** YYYY-MM-DD */
  acknowledgeDue: string
  overdue: boolean
  escalated: boolean
  /** The parent union it was escalated to when overdue. */
  escalatedToOrganisationName?: string
  rejectReason: string | null
  hazardId: Id | null
  hazardCode: string | null
  /** Status of the linked hazard (W2), empty without one. */
  hazardStatus?: string | null
  /** Worker messages not yet read by staff. */
  unreadMessages: number
}

export interface ReportPhoto {
  fileId: Id
  mediaType: string
  hasThumbnail: boolean
}

export interface ReportTimelineEvent {
  event: ReportEvent
  fromStatus: ReportStatus | '' | null
  toStatus: ReportStatus | '' | null
  comment: string | null
  /** Staff member's name, `anonymous-worker` for the worker, empty for the system. */
  actor: string | null
  createdAt: EpochMs
}

export interface ReportMessage {
  id: Id
  author: 'WORKER' | 'UNION'
  body: string
  /** Staff member who wrote a UNION message; null for the worker. */
  actor: string | null
  createdAt: EpochMs
}

/** GET /worker-reports/{id}. */
export interface WorkerReportDetail extends WorkerReport {
  photos: ReportPhoto[]
  events: ReportTimelineEvent[]
  messages: ReportMessage[]
}

/**
 * Creates the hazard in REPORTED; it is then triaged in W2 like any other, which sets its deadline (the
 * ADR dropped `rectificationDeadline` from ACCEPT).
 */
export interface AcceptInput {
  event: 'ACCEPT'
  grade: HazardGrade
  title: string
  category?: string
  description?: string
}

export type TransitionInput =
  | { event: 'ACKNOWLEDGE' }
  | AcceptInput
  | { event: 'MERGE'; hazardId: Id }
  | { event: 'REJECT'; reason: string }

/** GET /worker-reports/{id}/reporter (NAMED reports only). Either naming is accepted. */
export interface Reporter {
  name?: string
  phone?: string
  reporterName?: string
  reporterPhone?: string
}

/** A QR code on a wall (report_entry_points). */
export interface EntryPoint {
  id: Id
  code: string
  enterpriseId: Id
  enterpriseName: string
  siteName: string | null
  organisationName?: string
  /** `<public base URL>/report.html#/e/<code>` */
  url: string
  createdAt: EpochMs
  revokedAt: EpochMs | null
}
