import { defineStore } from 'pinia'
import { onBeforeUnmount, onMounted, ref, watch, type WatchSource } from 'vue'
import { inboxApi } from './api'

/** The header bell asks for the unread count this often while the tab is visible. */
export const POLL_INTERVAL_MS = 60_000

/** The signed-in user's unread message count, shared by the header bell, 消息中心 and the home page. */
export const useInboxStore = defineStore('inbox', () => {
  const unread = ref(0)

  /** Asks the server; a failed poll keeps the last count (a 401 still sends the user to sign in). */
  async function refresh(): Promise<void> {
    try {
      unread.value = (await inboxApi.unreadCount()).count
    } catch {
      // polling must not raise an error message every minute
    }
  }

  function set(count: number): void {
    unread.value = count
  }

  return { unread, refresh, set }
})

/**
 * Calls `refresh` now, every `intervalMs` while the page is visible, again when it becomes visible,
 * and whenever `trigger` changes (the route). Nothing runs while the tab is hidden. Use in setup().
 */
export function usePolling(
  refresh: () => unknown,
  { intervalMs = POLL_INTERVAL_MS, trigger }: { intervalMs?: number; trigger?: WatchSource } = {},
): void {
  let timer: ReturnType<typeof setInterval> | undefined
  const visible = () => document.visibilityState !== 'hidden'
  const start = () => {
    if (timer === undefined) timer = setInterval(() => void refresh(), intervalMs)
  }
  const stop = () => {
    if (timer !== undefined) clearInterval(timer)
    timer = undefined
  }
  const onVisibilityChange = () => {
    if (!visible()) {
      stop()
      return
    }
    void refresh()
    start()
  }
  onMounted(() => {
    document.addEventListener('visibilitychange', onVisibilityChange)
    if (visible()) {
      void refresh()
      start()
    }
  })
  onBeforeUnmount(() => {
    stop()
    document.removeEventListener('visibilitychange', onVisibilityChange)
  })
  if (trigger) {
    watch(trigger, () => {
      if (visible()) void refresh()
    })
  }
}
