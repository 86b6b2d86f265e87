// Hash routes of the worker's page, without a router library: `#/e/<code>` (report) and `#/status`.
import { ref } from 'vue'

export type Route = { name: 'report'; code: string } | { name: 'status' } | { name: 'home' }

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '')
  const entry = /^\/e\/([A-Za-z0-9]{1,64})\/?$/.exec(path)
  if (entry?.[1]) return { name: 'report', code: entry[1].toUpperCase() }
  if (/^\/status\/?$/.test(path)) return { name: 'status' }
  return { name: 'home' }
}

/**
 * A page that must not be left yet (the receipt not yet saved) sets this; it returns a message to show
 * instead of leaving, or '' to let the worker go.
 */
export const leaveGuard = ref<(() => string) | null>(null)
