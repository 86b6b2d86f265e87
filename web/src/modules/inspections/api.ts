import { useAuthStore } from '@/modules/auth/store'
import { API_BASE, ApiError, http, type ApiErrorBody, type QueryParams } from '@/shared/http'
import { i18n, currentLocale } from '@/shared/i18n'
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

/** Uploads one photo to POST /files (multipart field `file`); returns the stored file's id. */
export async function uploadPhoto(file: File, organisationId?: Id): Promise<Id> {
  const form = new FormData()
  form.append('file', file)
  if (organisationId !== undefined) form.append('organisationId', String(organisationId))
  const auth = useAuthStore()
  let res: Response
  try {
    res = await fetch(`${API_BASE}/files`, {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        'Accept-Language': currentLocale(),
        'X-CSRF-Token': auth.csrfToken,
      },
      body: form,
      credentials: 'same-origin',
    })
  } catch {
    throw new ApiError(0, { code: 'network', message: i18n.global.t('errors.network') })
  }
  const data = (await res.json().catch(() => undefined)) as { id: Id } | ApiErrorBody | undefined
  if (res.ok && data && 'id' in data) return data.id
  const body =
    data && 'code' in data ? data : { code: 'internal', message: i18n.global.t('errors.internal') }
  throw new ApiError(res.status, body)
}

/** Where a stored photo's thumbnail is served (files module). */
export const thumbnailUrl = (id: Id) => `${API_BASE}/files/${id}/thumbnail`
