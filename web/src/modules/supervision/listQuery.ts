// Filters of the two list pages → the query parameters of GET /hazards and GET /documents (and their
// exports, which take the same filters).
import type { QueryParams } from '@/shared/http'
import type { Id } from '@/shared/types'

export interface HazardFilters {
  keyword: string
  status: string[]
  grade: string
  category: string
  source: string
  enterpriseId: Id | undefined
  organisationId: Id | undefined
  overdue: boolean
  /** [from, to] as YYYY-MM-DD (found on), or null. */
  foundRange: [string, string] | null
}

export function emptyHazardFilters(): HazardFilters {
  return {
    keyword: '',
    status: [],
    grade: '',
    category: '',
    source: '',
    enterpriseId: undefined,
    organisationId: undefined,
    overdue: false,
    foundRange: null,
  }
}

/** `status` repeats (`status=A&status=B`); `overdue` is sent only when on; empty values are dropped later. */
export function hazardQuery(f: HazardFilters): QueryParams {
  return {
    q: f.keyword.trim(),
    status: [...f.status],
    grade: f.grade,
    category: f.category,
    source: f.source,
    enterpriseId: f.enterpriseId,
    organisationId: f.organisationId,
    overdue: f.overdue ? 'true' : undefined,
    from: f.foundRange?.[0],
    to: f.foundRange?.[1],
  }
}

export interface DocumentFilters {
  keyword: string
  type: string
  status: string
  year: number | undefined
  enterpriseId: Id | undefined
}

export function emptyDocumentFilters(): DocumentFilters {
  return { keyword: '', type: '', status: '', year: undefined, enterpriseId: undefined }
}

export function documentQuery(f: DocumentFilters): QueryParams {
  return {
    q: f.keyword.trim(),
    type: f.type,
    status: f.status,
    year: f.year,
    enterpriseId: f.enterpriseId,
  }
}
