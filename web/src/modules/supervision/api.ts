import { API_BASE, http, type QueryParams } from '@/shared/http'
import type { Id, Page } from '@/shared/types'
import type {
  DocumentDetail,
  DocumentInput,
  Hazard,
  HazardDetail,
  HazardInput,
  ReplyLink,
  ServiceMethod,
  TransitionInput,
  UnionDocument,
} from './types'

export const hazardApi = {
  list: (query: QueryParams) => http.get<Page<Hazard>>('/hazards', query),
  exportPath: '/hazards/export',
  get: (id: Id) => http.get<HazardDetail>(`/hazards/${id}`),
  create: (body: HazardInput) => http.post<Hazard>('/hazards', body),
  transition: (id: Id, body: TransitionInput) =>
    http.post<HazardDetail>(`/hazards/${id}/transitions`, body),
}

export const documentApi = {
  list: (query: QueryParams) => http.get<Page<UnionDocument>>('/documents', query),
  exportPath: '/documents/export',
  get: (id: Id) => http.get<DocumentDetail>(`/documents/${id}`),
  create: (body: DocumentInput) => http.post<DocumentDetail>('/documents', body),
  update: (id: Id, body: DocumentInput) => http.put<DocumentDetail>(`/documents/${id}`, body),
  issue: (id: Id, signedBy: string) =>
    http.post<DocumentDetail>(`/documents/${id}/issue`, { signedBy }),
  serve: (id: Id, body: { serviceMethod: ServiceMethod; servedOn: string }) =>
    http.post<DocumentDetail>(`/documents/${id}/serve`, body),
  review: (id: Id, body: { decision: 'ACCEPT' | 'REJECT'; note: string }) =>
    http.post<DocumentDetail>(`/documents/${id}/review`, body),
  refused: (id: Id, body: { note?: string }) =>
    http.post<DocumentDetail>(`/documents/${id}/refused`, body),
  escalate: (id: Id, body: { note?: string }) =>
    http.post<DocumentDetail>(`/documents/${id}/escalate`, body),
  withdraw: (id: Id, reason: string) =>
    http.post<DocumentDetail>(`/documents/${id}/withdraw`, { reason }),
  replyLink: (id: Id) => http.post<ReplyLink>(`/documents/${id}/reply-links`, {}),
  /** The self-contained A4 print view (HTML), opened in a new tab. */
  printUrl: (id: Id) => `${API_BASE}/documents/${id}/print`,
}
