import type { RouteLocationNormalized, RouteLocationRaw, Router } from 'vue-router'
import { useAuthStore } from '@/modules/auth/store'
import { reportError } from '@/shared/errors'
import { i18n } from '@/shared/i18n'

/** Decides where a navigation goes; exported for tests. */
export async function authGuard(to: RouteLocationNormalized): Promise<true | RouteLocationRaw> {
  const auth = useAuthStore()
  if (!auth.loaded) {
    try {
      await auth.fetchMe()
    } catch (err) {
      reportError(err) // server unreachable: fall through to the login page
    }
  }
  if (to.meta.public) {
    return auth.isAuthenticated && to.name === 'login' ? { name: 'home' } : true
  }
  if (!auth.isAuthenticated) {
    return to.fullPath === '/'
      ? { name: 'login' }
      : { name: 'login', query: { redirect: to.fullPath } }
  }
  if (auth.mustChangePassword && to.name !== 'change-password') {
    return { name: 'change-password' }
  }
  if (to.meta.permission && !auth.can(to.meta.permission)) return { name: 'forbidden' }
  return true
}

export function installGuards(router: Router): void {
  router.beforeEach(authGuard)
  router.afterEach((to) => {
    const { t } = i18n.global
    const title = to.meta.title ? `${t(to.meta.title)} - ` : ''
    document.title = `${title}${t('app.name')} · ${t('app.fullName')}`
  })
}
