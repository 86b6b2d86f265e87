import type { EpochMs, Id, Page } from '@/shared/types'

/** One message of the signed-in user (GET /me/notifications). */
export interface Notification {
  id: Id
  kind: string
  title: string
  body: string
  /** `hazard`, `document`, `inspection`, … or empty when the message points nowhere. */
  entityType: string
  entityId: Id | null
  organisationId: Id | null
  createdAt: EpochMs
  readAt: EpochMs | null
}

export interface NotificationPage extends Page<Notification> {
  /** The user's unread messages in all, whatever the filter. */
  unread: number
}

/** An open to-do awaiting the signed-in user (GET /me/todos). */
export interface Todo {
  id: Id
  kind: string
  title: string
  entityType: string
  entityId: Id
  organisationId: Id
  organisationName: string
  /** YYYY-MM-DD, or empty when the to-do has no due date. */
  dueDate: string
  overdue: boolean
  createdAt: EpochMs
}
