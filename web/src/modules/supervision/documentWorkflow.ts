// W4 (ADR 0010, "Union documents"): which actions the document page offers in each state. The server
// decides (409 otherwise); this only keeps impossible buttons away.
import type { DocumentStatus, DocumentType } from './types'

export const DOCUMENT_TYPES: readonly DocumentType[] = [
  'HAZARD_RECTIFICATION_NOTICE',
  'LP_SUPERVISION_OPINION',
  'RECTIFICATION_RECOMMENDATION',
]

export const DOCUMENT_STATUSES: readonly DocumentStatus[] = [
  'DRAFT',
  'ISSUED',
  'SERVED',
  'REPLIED',
  'OVERDUE',
  'REFUSED',
  'ESCALATED',
  'CLOSED',
  'WITHDRAWN',
]

export type DocumentAction =
  'edit' | 'issue' | 'serve' | 'replyLink' | 'review' | 'refused' | 'escalate' | 'withdraw'

/**
 * DRAFT → ISSUED → SERVED → REPLIED → CLOSED; SERVED → OVERDUE → ESCALATED; SERVED → REFUSED → ESCALATED;
 * REPLIED → ESCALATED (reply rejected, through review); any but CLOSED (and WITHDRAWN) → WITHDRAWN.
 */
const ACTIONS: Readonly<Record<DocumentStatus, readonly DocumentAction[]>> = {
  DRAFT: ['edit', 'issue', 'withdraw'],
  ISSUED: ['serve', 'withdraw'],
  SERVED: ['replyLink', 'refused', 'withdraw'],
  OVERDUE: ['replyLink', 'escalate', 'withdraw'],
  REFUSED: ['escalate', 'withdraw'],
  REPLIED: ['review', 'withdraw'],
  ESCALATED: ['withdraw'],
  CLOSED: [],
  WITHDRAWN: [],
}

/**
 * The actions of a document: the server's own list when the answer carries one (its names, with
 * `reply-links` for the reply link), else the table above.
 */
export function documentActions(
  status: DocumentStatus,
  serverActions?: string[],
): DocumentAction[] {
  if (!serverActions) return [...ACTIONS[status]]
  const known = new Set<string>(Object.keys(ACTION_PERMISSION))
  return serverActions
    .map((a) => (a === 'reply-links' ? 'replyLink' : a))
    .filter((a): a is DocumentAction => known.has(a))
}

/** Permission each action needs (issuing signs the document). */
export const ACTION_PERMISSION: Readonly<Record<DocumentAction, string>> = {
  edit: 'supervision:document:manage',
  issue: 'supervision:document:sign',
  serve: 'supervision:document:manage',
  replyLink: 'supervision:document:manage',
  review: 'supervision:document:manage',
  refused: 'supervision:document:manage',
  escalate: 'supervision:document:manage',
  withdraw: 'supervision:document:manage',
}

/** The notice title the hazard page proposes: 关于<企业>事故隐患限期整改的通知. */
export function noticeTitle(enterpriseName: string): string {
  return `关于${enterpriseName}事故隐患限期整改的通知`
}
