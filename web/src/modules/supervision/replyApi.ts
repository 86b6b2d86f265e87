import { http } from '@/shared/http'
import type { Id } from '@/shared/types'
import type { ReplyDecision } from './types'

/** What a reply link shows: the document as printed and its hazards, nothing else. */
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
  hazards: {
    code: string
    title: string
    description: string
    location: string
    grade: string
    rectificationDeadline: string | null
  }[]
  linkExpiresAt: number
}

export interface ReplyInput {
  decision: ReplyDecision
  content: string
  plan?: string
  rectificationDeadline?: string
  contact: string
  evidenceFileIds?: Id[]
}

const path = (token: string) => `/public/document-replies/${encodeURIComponent(token)}`

// No session: a 401 here must not send the enterprise to the union's login page. Public routes still
// want a non-empty CSRF header (a custom header cannot be sent cross-site without a preflight).
export const replyApi = {
  view: (token: string) =>
    http.get<PublicDocument>(path(token), undefined, { skipAuthRedirect: true }),
  reply: (token: string, body: ReplyInput) =>
    http.post<{ status: string; documentNo: string }>(path(token), body, {
      skipAuthRedirect: true,
      csrfToken: 'public',
    }),
}
