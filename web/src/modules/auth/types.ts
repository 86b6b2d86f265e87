import type { Id } from '@/shared/types'

export type DataScope = 'SUBTREE' | 'SELF'

export interface MeUser {
  id: Id
  username: string
  displayName: string
  organisationId: Id
  organisationName: string
  mustChangePassword: boolean
}

/** Answer of `POST /auth/login` and `GET /auth/me`. */
export interface Me {
  user: MeUser
  permissions: string[]
  dataScope: DataScope
  csrfToken: string
}

export interface LoginRequest {
  username: string
  password: string
}

export interface ChangePasswordRequest {
  currentPassword: string
  newPassword: string
}
