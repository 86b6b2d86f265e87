import { http } from '@/shared/http'
import type { ChangePasswordRequest, LoginRequest, Me } from './types'

export const authApi = {
  /** No session yet, so any non-empty CSRF value is accepted; 401 means bad credentials. */
  login: (body: LoginRequest) =>
    http.post<Me>('/auth/login', body, { csrfToken: 'login', skipAuthRedirect: true }),
  me: () => http.get<Me>('/auth/me', undefined, { skipAuthRedirect: true }),
  logout: () => http.post<void>('/auth/logout', undefined, { skipAuthRedirect: true }),
  logoutAll: () => http.post<void>('/auth/logout-all', undefined, { skipAuthRedirect: true }),
  changePassword: (body: ChangePasswordRequest) => http.post<void>('/auth/password', body),
}
