import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { RouteLocationNormalized, RouteMeta } from 'vue-router'
import { SESSION_HINT_KEY, useAuthStore } from '@/modules/auth/store'
import type { Me } from '@/modules/auth/types'
import { authGuard } from './guards'

function route(name: string, fullPath: string, meta: RouteMeta = {}): RouteLocationNormalized {
  return { name, fullPath, path: fullPath, meta } as RouteLocationNormalized
}

const me = (mustChangePassword = false, permissions = ['system:user:view']): Me => ({
  user: {
    id: 1,
    username: 'admin',
    displayName: '管理员',
    organisationId: 1,
    organisationName: '省总工会',
    mustChangePassword,
  },
  permissions,
  dataScope: 'SUBTREE',
  csrfToken: 't',
})

beforeEach(() => {
  setActivePinia(createPinia())
  localStorage.setItem(SESSION_HINT_KEY, '1')
  vi.unstubAllGlobals()
})

describe('authGuard', () => {
  it('loads the session once and sends anonymous users to login with a redirect', async () => {
    const fetchMock = vi.fn(
      async () =>
        new Response(JSON.stringify({ code: 'unauthenticated', message: '未登录' }), {
          status: 401,
        }),
    )
    vi.stubGlobal('fetch', fetchMock)
    const users = route('users', '/system/users?page=2', { permission: 'system:user:view' })
    expect(await authGuard(users)).toEqual({
      name: 'login',
      query: { redirect: '/system/users?page=2' },
    })
    expect(await authGuard(route('login', '/login', { public: true }))).toBe(true)
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  it('forces the password change page', async () => {
    useAuthStore().setMe(me(true))
    expect(await authGuard(route('home', '/'))).toEqual({ name: 'change-password' })
    expect(await authGuard(route('change-password', '/change-password'))).toBe(true)
  })

  it('checks the page permission', async () => {
    useAuthStore().setMe(me(false, ['system:user:view']))
    expect(
      await authGuard(route('users', '/system/users', { permission: 'system:user:view' })),
    ).toBe(true)
    expect(
      await authGuard(route('roles', '/system/roles', { permission: 'system:role:view' })),
    ).toEqual({ name: 'forbidden' })
    expect(await authGuard(route('login', '/login', { public: true }))).toEqual({ name: 'home' })
  })
})
