/** A hazard as the enterprise's reply page shows it. */
export interface PublicHazard {
  code: string
  title: string
  description: string
  location: string
  grade: string
  rectificationDeadline: string
}

/** GET /public/document-replies/{token}: the document as printed, its hazards, and the link's expiry. */
export interface PublicDocument {
  documentNo: string
  documentType: string
  documentTypeLabel: string
  organisationName: string
  addressee: string
  title: string
  content: string
  requestedActions: string
  signedBy: string
  issuedOn: string
  servedOn: string
  replyDue: string
  status: string
  hazards: PublicHazard[]
  linkExpiresAt: number
}

export type ReplyDecision = 'ACCEPT' | 'RECTIFIED' | 'DISPUTE'

export interface ReplyForm {
  decision: ReplyDecision | ''
  content: string
  plan: string
  rectificationDeadline: string
  contact: string
  evidenceFileIds: number[]
}

export interface ReplyResult {
  status: string
  documentNo: string
}
