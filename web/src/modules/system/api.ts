import { http, type QueryParams } from '@/shared/http'
import type { Id, Page } from '@/shared/types'
import type {
  AuditEntry,
  DictItem,
  DictItemBody,
  Dictionary,
  LoginEntry,
  Permission,
  Role,
  RoleBody,
  User,
  UserCreate,
  UserUpdate,
} from './types'

export const userApi = {
  list: (query: QueryParams) => http.get<Page<User>>('/users', query),
  exportPath: '/users/export',
  get: (id: Id) => http.get<User>(`/users/${id}`),
  create: (body: UserCreate) => http.post<User>('/users', body),
  update: (id: Id, body: UserUpdate) => http.put<User>(`/users/${id}`, body),
  remove: (id: Id) => http.del(`/users/${id}`),
  resetPassword: (id: Id, newPassword: string) =>
    http.post<void>(`/users/${id}/password`, { newPassword }),
}

export const roleApi = {
  list: (query: QueryParams) => http.get<Page<Role>>('/roles', query),
  exportPath: '/roles/export',
  get: (id: Id) => http.get<Role>(`/roles/${id}`),
  create: (body: RoleBody) => http.post<Role>('/roles', body),
  update: (id: Id, body: RoleBody) => http.put<Role>(`/roles/${id}`, body),
  remove: (id: Id) => http.del(`/roles/${id}`),
  permissions: () => http.get<Permission[]>('/permissions'),
}

export const dictApi = {
  list: () => http.get<Dictionary[]>('/dictionaries'),
  items: (code: string) => http.get<DictItem[]>(`/dictionaries/${encodeURIComponent(code)}/items`),
  createItem: (code: string, body: DictItemBody) =>
    http.post<DictItem>(`/dictionaries/${encodeURIComponent(code)}/items`, body),
  updateItem: (id: Id, body: Omit<DictItemBody, 'code'>) =>
    http.put<DictItem>(`/dictionary-items/${id}`, body),
  removeItem: (id: Id) => http.del(`/dictionary-items/${id}`),
}

export const auditApi = {
  list: (query: QueryParams) => http.get<Page<AuditEntry>>('/audit-logs', query),
  exportPath: '/audit-logs/export',
}

export const loginLogApi = {
  list: (query: QueryParams) => http.get<Page<LoginEntry>>('/login-logs', query),
  exportPath: '/login-logs/export',
}
