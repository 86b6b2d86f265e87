import { useRouter } from 'vue-router'
import { reportError } from '@/shared/errors'
import { inboxApi } from './api'
import { entityPath } from './entityLink'
import { useInboxStore } from './store'
import type { Notification, Todo } from './types'

/** Opening a message marks it read and shows what it is about; opening a to-do shows its entity. */
export function useOpenEntry() {
  const router = useRouter()
  const inbox = useInboxStore()

  /** Marks a message read (the count follows); returns false when that failed. */
  async function markRead(message: Notification): Promise<boolean> {
    if (message.readAt !== null) return true
    try {
      await inboxApi.markRead(message.id)
      message.readAt = Date.now()
      inbox.set(Math.max(0, inbox.unread - 1))
      return true
    } catch (err) {
      reportError(err)
      return false
    }
  }

  async function openMessage(message: Notification): Promise<void> {
    await markRead(message)
    const path = entityPath(message.entityType, message.entityId)
    if (path) await router.push(path)
  }

  async function openTodo(todo: Todo): Promise<void> {
    const path = entityPath(todo.entityType, todo.entityId)
    if (path) await router.push(path)
  }

  return { markRead, openMessage, openTodo }
}
