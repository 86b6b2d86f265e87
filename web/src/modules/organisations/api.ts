import { http, type QueryParams } from '@/shared/http'
import type { Id, Page } from '@/shared/types'
import type { UncoveredTownship } from './uncovered'
import type { ImportMode, ImportResult, ImportRowBody } from './importRows'
import type {
  Coverage,
  CoverageGapReport,
  CoverageInput,
  Enterprise,
  EnterpriseInput,
  Organisation,
} from './types'

export const organisationApi = {
  get: (id: Id) => http.get<Organisation>(`/organisations/${id}`),
  children: (id: Id) => http.get<Organisation[]>(`/organisations/${id}/children`),
  search: (query: { keyword?: string; page?: number; pageSize?: number }) =>
    http.get<Page<Organisation>>('/organisations', query),
  coverageGaps: (id: Id) => http.get<CoverageGapReport>(`/organisations/${id}/coverage-gaps`),
  coverageGapsExportPath: (id: Id) => `/organisations/${id}/coverage-gaps/export`,
  uncoveredTownships: (id: Id, query: { page: number; pageSize: number }) =>
    http.get<Page<UncoveredTownship>>(`/organisations/${id}/uncovered-townships`, query),
  uncoveredExportPath: (id: Id) => `/organisations/${id}/uncovered-enterprises/export`,
}

export const enterpriseApi = {
  list: (query: QueryParams) => http.get<Page<Enterprise>>('/enterprises', query),
  exportPath: '/enterprises/export',
  get: (id: Id) => http.get<Enterprise>(`/enterprises/${id}`),
  create: (body: EnterpriseInput) => http.post<Enterprise>('/enterprises', body),
  update: (id: Id, body: EnterpriseInput) => http.put<Enterprise>(`/enterprises/${id}`, body),
  remove: (id: Id) => http.del(`/enterprises/${id}`),
  setCoverage: (id: Id, body: CoverageInput) =>
    http.put<Enterprise>(`/enterprises/${id}/coverage`, body),
  coverageHistory: (id: Id) => http.get<Coverage[]>(`/enterprises/${id}/coverage-history`),
  importRows: (body: { mode: ImportMode; dryRun?: boolean; rows: ImportRowBody[] }) =>
    http.post<ImportResult>('/enterprises/import', body),
  importTemplatePath: '/enterprises/import-template',
}
