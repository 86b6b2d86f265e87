import { http, type QueryParams } from '@/shared/http'
import type { Id, Page } from '@/shared/types'
import type { NotificationPage, Todo } from './types'

export const inboxApi = {
  notifications: (query: QueryParams) => http.get<NotificationPage>('/me/notifications', query),
  unreadCount: () => http.get<{ count: number }>('/me/notifications/unread-count'),
  markRead: (id: Id) => http.post<void>(`/me/notifications/${id}/read`),
  markAllRead: () => http.post<{ marked: number }>('/me/notifications/read-all'),
  todos: (query: QueryParams) => http.get<Page<Todo>>('/me/todos', query),
}
