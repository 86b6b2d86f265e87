import type { DataScope } from '@/modules/auth/types'
import type { EpochMs, Id } from '@/shared/types'

export type UserStatus = 'ACTIVE' | 'DISABLED'

export interface User {
  id: Id
  username: string
  displayName: string
  organisationId: Id
  organisationName: string
  roleIds: Id[]
  roleNames: string[]
  phone: string | null
  email: string | null
  status: UserStatus
  mustChangePassword: boolean
  createdAt: EpochMs
  updatedAt: EpochMs
}

export interface UserFilters {
  keyword: string
  organisationId: Id | undefined
  status: UserStatus | ''
}

export interface UserCreate {
  username: string
  displayName: string
  password: string
  organisationId: Id
  roleIds: Id[]
  phone?: string
  email?: string
}

export interface UserUpdate {
  displayName: string
  organisationId: Id
  roleIds: Id[]
  phone?: string
  email?: string
  status: UserStatus
}

/** Model of the user dialog (create and edit). */
export interface UserForm {
  username: string
  displayName: string
  password: string
  organisationId: Id | undefined
  organisationName: string
  roleIds: Id[]
  phone: string
  email: string
  status: UserStatus
}

export interface Role {
  id: Id
  code: string
  name: string
  dataScope: DataScope
  permissions: string[]
  builtin: boolean
  remark: string | null
  createdAt: EpochMs
  updatedAt: EpochMs
}

export interface RoleBody {
  code: string
  name: string
  dataScope: DataScope
  permissions: string[]
  remark?: string
}

export interface Permission {
  key: string
  module: string
  labelZh: string
  labelEn: string
}

export interface Dictionary {
  code: string
  name: string
  nameEn: string
  itemCount: number
}

export interface DictItem {
  id: Id
  dictCode: string
  code: string
  label: string
  labelEn: string
  sortOrder: number
  enabled: boolean
}

export interface DictItemBody {
  code: string
  label: string
  labelEn: string
  sortOrder: number
  enabled: boolean
}

export type JsonObject = Record<string, unknown>

export interface AuditEntry {
  id: Id
  at: EpochMs
  userId: Id | null
  username: string
  organisationId: Id | null
  action: string
  entityType: string
  entityId: string
  before: JsonObject | null
  after: JsonObject | null
  requestId: string
}

export interface AuditFilters {
  keyword: string
  entityType: string
  action: string
  range: [EpochMs, EpochMs] | null
}

export interface LoginEntry {
  id: Id
  at: EpochMs
  username: string
  success: boolean
  reason: string | null
  clientAddress: string
  userAgent: string
}

export interface LoginLogFilters {
  keyword: string
  success: '' | 'true' | 'false'
  range: [EpochMs, EpochMs] | null
}
