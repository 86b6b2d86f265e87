import { http, type QueryParams } from '@/shared/http'
import type { Id, Page } from '@/shared/types'
import type {
  AnswerInput,
  ChecklistInput,
  ChecklistSection,
  ChecklistTemplate,
  ChecklistVersion,
  HazardInput,
  Inspection,
  PlanInput,
  TransitionInput,
} from './types'

export const checklistApi = {
  list: (query: QueryParams) => http.get<Page<ChecklistTemplate>>('/checklists', query),
  get: (id: Id) => http.get<ChecklistTemplate>(`/checklists/${id}`),
  version: (id: Id, version: number) =>
    http.get<ChecklistVersion>(`/checklists/${id}/versions/${version}`),
  create: (body: ChecklistInput) => http.post<ChecklistTemplate>('/checklists', body),
  update: (id: Id, body: { name: string; season?: string; description?: string }) =>
    http.put<ChecklistTemplate>(`/checklists/${id}`, body),
  copy: (id: Id, body: { organisationId?: Id; code?: string; name?: string }) =>
    http.post<ChecklistTemplate>(`/checklists/${id}/copy`, body),
  saveDraft: (id: Id, body: { note?: string; sections: ChecklistSection[] }) =>
    http.put<ChecklistTemplate>(`/checklists/${id}/draft`, body),
  publish: (id: Id) => http.post<ChecklistTemplate>(`/checklists/${id}/publish`),
}

export const inspectionApi = {
  list: (query: QueryParams) => http.get<Page<Inspection>>('/inspections', query),
  exportPath: '/inspections/export',
  get: (id: Id) => http.get<Inspection>(`/inspections/${id}`),
  plan: (body: PlanInput) => http.post<Inspection>('/inspections', body),
  saveAnswers: (id: Id, answers: AnswerInput[]) =>
    http.put<Inspection>(`/inspections/${id}/answers`, { answers }),
  transition: (id: Id, body: TransitionInput) =>
    http.post<Inspection>(`/inspections/${id}/transitions`, body),
}

export const hazardApi = {
  create: (body: HazardInput) => http.post<{ id: Id; code: string }>('/hazards', body),
}
