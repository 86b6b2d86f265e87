import { http } from '@/shared/http'
import type { Id } from '@/shared/types'
import type { AnnualItemInput, AnnualOverview, AnnualReport } from './types'

export const annualReportApi = {
  overview: (query: { year?: number; organisationId?: Id }) =>
    http.get<AnnualOverview>('/statistical-reports', query),
  create: (organisationId: Id, year: number) =>
    http.post<AnnualReport>('/statistical-reports', { organisationId, year }),
  get: (id: Id) => http.get<AnnualReport>(`/statistical-reports/${id}`),
  save: (id: Id, items: AnnualItemInput[]) =>
    http.put<AnnualReport>(`/statistical-reports/${id}`, { items }),
  refresh: (id: Id) => http.post<AnnualReport>(`/statistical-reports/${id}/refresh`),
  submit: (id: Id, note: string) =>
    http.post<AnnualReport>(`/statistical-reports/${id}/submit`, { note }),
  return: (id: Id, comment: string) =>
    http.post<AnnualReport>(`/statistical-reports/${id}/return`, { comment }),
  approve: (id: Id) => http.post<AnnualReport>(`/statistical-reports/${id}/approve`),
}
