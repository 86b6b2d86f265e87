import { API_BASE, http, type QueryParams } from '@/shared/http'
import type { Id, Page } from '@/shared/types'
import type {
  EntryPoint,
  Reporter,
  TransitionInput,
  WorkerReport,
  WorkerReportDetail,
} from './types'

export const reportApi = {
  list: (query: QueryParams) => http.get<Page<WorkerReport>>('/worker-reports', query),
  exportPath: '/worker-reports/export',
  get: (id: Id) => http.get<WorkerReportDetail>(`/worker-reports/${id}`),
  transition: (id: Id, body: TransitionInput) =>
    http.post<WorkerReportDetail>(`/worker-reports/${id}/transitions`, body),
  sendMessage: (id: Id, body: string) =>
    http.post<WorkerReportDetail>(`/worker-reports/${id}/messages`, { body }),
  reporter: (id: Id) => http.get<Reporter>(`/worker-reports/${id}/reporter`),
  fileUrl: (fileId: Id) => `${API_BASE}/files/${fileId}`,
  thumbnailUrl: (fileId: Id) => `${API_BASE}/files/${fileId}/thumbnail`,
}

export const entryPointApi = {
  /** The answer may be a bare array or a page; both become an array. */
  list: async (enterpriseId: Id): Promise<EntryPoint[]> => {
    const answer = await http.get<EntryPoint[] | Page<EntryPoint>>('/report-entry-points', {
      enterpriseId,
    })
    return Array.isArray(answer) ? answer : (answer?.items ?? [])
  },
  create: (body: { enterpriseId: Id; siteName: string }) =>
    http.post<EntryPoint>('/report-entry-points', body),
  revoke: (id: Id) => http.del(`/report-entry-points/${id}`),
  posterUrl: (id: Id) => `${API_BASE}/report-entry-points/${id}/poster`,
}

/** The worker link of an entry point: the server's `url`, else report.html next to this app. */
export function workerLink(entry: Pick<EntryPoint, 'url' | 'code'>): string {
  if (entry.url) return entry.url
  const base = `${location.origin}${location.pathname.replace(/[^/]*$/, '')}`
  return `${base}report.html#/e/${entry.code}`
}
