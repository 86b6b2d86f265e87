import { http } from '@/shared/http'
import type { Id, Page } from '@/shared/types'
import type { Organisation } from './types'

export const organisationApi = {
  get: (id: Id) => http.get<Organisation>(`/organisations/${id}`),
  children: (id: Id) => http.get<Organisation[]>(`/organisations/${id}/children`),
  search: (query: { keyword?: string; page?: number; pageSize?: number }) =>
    http.get<Page<Organisation>>('/organisations', query),
}
