import { API_BASE, http } from '@/shared/http'
import type { PublicDocument, ReplyForm, ReplyResult } from './types'

/** The public reply routes take no session; a CSRF header must still be present (any value). */
const PUBLIC_CSRF = 'public'

function base(token: string): string {
  return `/public/document-replies/${encodeURIComponent(token)}`
}

export function getReplyDocument(token: string): Promise<PublicDocument> {
  return http.get<PublicDocument>(base(token), undefined, { skipAuthRedirect: true })
}

/** The upload route for PhotoUpload (a full path). */
export function replyUploadUrl(token: string): string {
  return `${API_BASE}${base(token)}/files`
}

/** Only the fields the chosen decision uses are sent. */
export function replyBody(form: ReplyForm): Record<string, unknown> {
  const body: Record<string, unknown> = {
    decision: form.decision,
    content: form.content.trim(),
    contact: form.contact.trim(),
  }
  if (form.decision === 'ACCEPT') {
    body.plan = form.plan.trim()
    body.rectificationDeadline = form.rectificationDeadline
  }
  if (form.decision === 'RECTIFIED') body.evidenceFileIds = form.evidenceFileIds
  return body
}

export function submitReply(token: string, form: ReplyForm): Promise<ReplyResult> {
  return http.post<ReplyResult>(base(token), replyBody(form), {
    csrfToken: PUBLIC_CSRF,
    skipAuthRedirect: true,
  })
}
