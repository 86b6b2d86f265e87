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

export type ReportStatus = 'SUBMITTED' | 'UNDER_REVIEW' | 'ACCEPTED' | 'DUPLICATE' | 'REJECTED'

export interface PublicEvent {
  event: string
  label: string
  /** ISO instant, hour precision. */
  at: string
}

export interface PublicMessage {
  author: 'WORKER' | 'UNION'
  body: string
  /** ISO instant, hour precision. */
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
  category: string
  description: string
  location: string
  acknowledgeDue: string
  rejectReason: string | null
  /** From the linked hazard: `RESOLVED` when it is closed, else `IN_PROGRESS`; empty without a hazard. */
  outcome: string | null
  events: PublicEvent[]
  messages: PublicMessage[]
  unreadFromUnion: number
}
