import { http, type QueryParams } from '@/shared/http'
import type { Id, Page } from '@/shared/types'
import type {
  Committee,
  CommitteeInput,
  Inspector,
  InspectorInput,
  StaffingInput,
  Staffing,
  StaffingPage,
  StatusChange,
  TransitionInput,
  Volunteer,
  VolunteerInput,
} from './types'

export const committeeApi = {
  list: (query: QueryParams) => http.get<Page<Committee>>('/lp-committees', query),
  exportPath: '/lp-committees/export',
  get: (id: Id) => http.get<Committee>(`/lp-committees/${id}`),
  create: (body: CommitteeInput) => http.post<Committee>('/lp-committees', body),
  update: (id: Id, body: CommitteeInput) => http.put<Committee>(`/lp-committees/${id}`, body),
  remove: (id: Id) => http.del(`/lp-committees/${id}`),
}

export const inspectorApi = {
  list: (query: QueryParams) => http.get<Page<Inspector>>('/lp-inspectors', query),
  exportPath: '/lp-inspectors/export',
  get: (id: Id) => http.get<Inspector>(`/lp-inspectors/${id}`),
  create: (body: InspectorInput) => http.post<Inspector>('/lp-inspectors', body),
  update: (id: Id, body: InspectorInput) => http.put<Inspector>(`/lp-inspectors/${id}`, body),
  remove: (id: Id) => http.del(`/lp-inspectors/${id}`),
  transition: (id: Id, body: TransitionInput) =>
    http.post<Inspector>(`/lp-inspectors/${id}/transitions`, body),
  history: (id: Id) => http.get<StatusChange[]>(`/lp-inspectors/${id}/history`),
}

export const volunteerApi = {
  list: (query: QueryParams) => http.get<Page<Volunteer>>('/lp-volunteers', query),
  exportPath: '/lp-volunteers/export',
  create: (body: VolunteerInput) => http.post<Volunteer>('/lp-volunteers', body),
  update: (id: Id, body: VolunteerInput) => http.put<Volunteer>(`/lp-volunteers/${id}`, body),
  remove: (id: Id) => http.del(`/lp-volunteers/${id}`),
}

export const staffingApi = {
  list: (query: QueryParams) => http.get<StaffingPage>('/lp-staffing', query),
  exportPath: '/lp-staffing/export',
  save: (body: StaffingInput) => http.put<Staffing>('/lp-staffing', body),
  remove: (id: Id) => http.del(`/lp-staffing/${id}`),
}
