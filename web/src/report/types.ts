// Wire types of the public routes (ADR 0012, "Public API"). No ids and no staff names travel here.

export interface ReportCategory {
  value: string
  label: string
  labelEn: string
}

/** `GET /public/report-entry/{code}`. */
export interface EntryInfo {
  enterpriseName: string
  siteName: string | null
  unionName: string
  categories: ReportCategory[]
}

export type Anonymity = 'ANONYMOUS' | 'NAMED'

/** Body of `POST /public/report-entry/{code}/reports`. */
export interface ReportInput {
  category: string
  description: string
  location: string
  anonymity: Anonymity
  reporterName?: string
  reporterPhone?: string
  uploadTokens: string[]
}

/** 201 answer of a submission; the receipt is shown once. */
export interface SubmitResult {
  receipt: string
  status: string
  /** YYYY-MM-DD */
  acknowledgeDue: string
}

/** RESOLVED: accepted or merged, and the linked hazard is closed (what the worker sees). */
export type ReportStatus =
  'SUBMITTED' | 'UNDER_REVIEW' | 'ACCEPTED' | 'DUPLICATE' | 'REJECTED' | 'RESOLVED'

export interface PublicEvent {
  event: string
  label: string
  /** Hour precision: `2026-11-29 10:00` (China time) or an ISO instant. */
  at: string
}

export interface PublicMessage {
  author: 'WORKER' | 'UNION'
  /** Who speaks: the union's name, or "我"; never a staff member. */
  from?: string
  body: string
  /** Hour precision, as PublicEvent.at. */
  at: string
}

/** Answer of `POST /public/reports/lookup` and `POST /public/reports/messages`. */
export interface PublicReport {
  status: ReportStatus | (string & {})
  statusLabel: string
  /** YYYY-MM-DD */
  submittedOn: string
  enterpriseName: string
  siteName: string | null
  unionName?: string
  category: string
  categoryLabel?: string
  description: string
  location: string
  acknowledgeDue: string
  rejectReason: string | null
  /** A sentence for the worker (the server's, in their language); `RESOLVED`/`IN_PROGRESS` codes work too. */
  outcome: string | null
  events: PublicEvent[]
  messages: PublicMessage[]
  unreadFromUnion: number
}
