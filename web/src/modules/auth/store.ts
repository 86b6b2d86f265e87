import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { isApiError } from '@/shared/http'
import { authApi } from './api'
import type { Me } from './types'

/**
 * A hint, not a secret: "this browser signed in and has not signed out". The session cookie is
 * HttpOnly, so without the hint every anonymous visit would start with a 401 from /auth/me
 * (which browsers log as a console error). A stale hint only costs that one 401.
 */
export const SESSION_HINT_KEY = 'ankang.session'

function setHint(present: boolean): void {
  try {
    if (present) localStorage.setItem(SESSION_HINT_KEY, '1')
    else localStorage.removeItem(SESSION_HINT_KEY)
  } catch {
    // storage unavailable: /auth/me is simply always asked
  }
}

function hasHint(): boolean {
  try {
    return localStorage.getItem(SESSION_HINT_KEY) !== null
  } catch {
    return true
  }
}

/** The signed-in user, their permission keys and the session's CSRF token. */
export const useAuthStore = defineStore('auth', () => {
  const me = ref<Me | null>(null)
  /** True once `GET /auth/me` has been tried (at app start). */
  const loaded = ref(false)

  const user = computed(() => me.value?.user ?? null)
  const permissions = computed(() => new Set(me.value?.permissions ?? []))
  const csrfToken = computed(() => me.value?.csrfToken ?? '')
  const isAuthenticated = computed(() => me.value !== null)
  const mustChangePassword = computed(() => me.value?.user.mustChangePassword ?? false)

  /** No key → allowed; an array → allowed when any key is held. */
  function can(key?: string | readonly string[]): boolean {
    if (key === undefined) return true
    if (typeof key === 'string') return permissions.value.has(key)
    return key.length === 0 || key.some((k) => permissions.value.has(k))
  }

  function setMe(value: Me | null): void {
    me.value = value
    loaded.value = true
    setHint(value !== null)
  }

  async function login(username: string, password: string): Promise<Me> {
    const result = await authApi.login({ username, password })
    setMe(result)
    return result
  }

  /** Loads the session; false when there is none (401). Other errors propagate. */
  async function fetchMe(): Promise<boolean> {
    if (!hasHint()) {
      setMe(null)
      return false
    }
    try {
      setMe(await authApi.me())
      return true
    } catch (err) {
      if (isApiError(err, 'unauthenticated')) {
        setMe(null)
        return false
      }
      loaded.value = true
      throw err
    }
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout()
    } finally {
      setMe(null)
    }
  }

  async function logoutAll(): Promise<void> {
    try {
      await authApi.logoutAll()
    } finally {
      setMe(null)
    }
  }

  async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await authApi.changePassword({ currentPassword, newPassword })
    // Refresh: mustChangePassword is now false, and the server may have rotated the token.
    await fetchMe()
  }

  /** Called when the server says the session is gone. */
  function clear(): void {
    setMe(null)
  }

  /** Called on 403 password_change_required (e.g. after an admin reset in another tab). */
  function markPasswordChangeRequired(): void {
    if (me.value) me.value = { ...me.value, user: { ...me.value.user, mustChangePassword: true } }
  }

  return {
    me,
    loaded,
    user,
    permissions,
    csrfToken,
    isAuthenticated,
    mustChangePassword,
    can,
    setMe,
    login,
    fetchMe,
    logout,
    logoutAll,
    changePassword,
    clear,
    markPasswordChangeRequired,
  }
})
