import { http } from '@/shared/http'
import type { Id, Page } from '@/shared/types'
import type {
  Breakdown,
  BreakdownBy,
  CoverageCapacity,
  Dashboard,
  Indicator,
  Period,
  StatEnterprise,
} from './types'

export interface EnterpriseQuery extends Period {
  organisationId: Id
  q?: string
  page: number
  pageSize: number
  sort?: string
}

export const statisticsApi = {
  indicators: () => http.get<{ items: Indicator[] }>('/statistics/indicators'),
  dashboard: (organisationId: Id, period: Period) =>
    http.get<Dashboard>('/statistics/dashboard', { organisationId, ...period }),
  breakdown: (organisationId: Id, by: BreakdownBy) =>
    http.get<Breakdown>('/statistics/breakdown', { organisationId, by }),
  enterprises: (query: EnterpriseQuery) =>
    http.get<Page<StatEnterprise>>('/statistics/enterprises', { ...query }),
  coverageCapacity: (organisationId: Id, year: number) =>
    http.get<CoverageCapacity>('/statistics/coverage-capacity', { organisationId, year }),
}
