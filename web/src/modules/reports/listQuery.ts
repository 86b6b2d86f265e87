// Filters of the worker-report list → the query of GET /worker-reports and of its export. ADR 0012 names
// the parameters keyword, status, anonymity, enterpriseId, organisationId, overdue, submittedFrom,
// submittedTo; the server reads the keyword as `q` (like every other list) and several statuses as one
// comma-separated `status`.
import type { QueryParams } from '@/shared/http'
import type { Id } from '@/shared/types'

export interface ReportFilters {
  keyword: string
  status: string[]
  anonymity: string
  enterpriseId: Id | undefined
  overdue: boolean
  /** [from, to] as YYYY-MM-DD (submitted on), or null. */
  submittedRange: [string, string] | null
}

export function emptyReportFilters(): ReportFilters {
  return {
    keyword: '',
    status: [],
    anonymity: '',
    enterpriseId: undefined,
    overdue: false,
    submittedRange: null,
  }
}

/** `status` comma-separated; `overdue` only when on; empty values are dropped by the HTTP layer. */
export function reportQuery(f: ReportFilters): QueryParams {
  return {
    q: f.keyword.trim(),
    status: f.status.join(','),
    anonymity: f.anonymity,
    enterpriseId: f.enterpriseId,
    overdue: f.overdue ? 'true' : undefined,
    submittedFrom: f.submittedRange?.[0],
    submittedTo: f.submittedRange?.[1],
  }
}
