import { http } from '@/shared/http'
import type { Id } from '@/shared/types'
import type {
  CalendarEntry,
  CalendarYear,
  Deadline,
  RuleSetInForce,
  RuleSetVersion,
  RuleSetVersionInput,
} from './types'

export const rulesApi = {
  inForce: (organisationId: Id, date?: string) =>
    http.get<RuleSetInForce>('/rules/in-force', { organisationId, date }),
  versions: (organisationId: Id) =>
    http.get<RuleSetVersion[]>('/rules/versions', { organisationId }),
  publish: (body: RuleSetVersionInput) => http.post<RuleSetVersion>('/rules/versions', body),
  calendar: (year: number) => http.get<CalendarYear>(`/rules/calendar/${year}`),
  saveCalendar: (year: number, days: CalendarEntry[]) =>
    http.put<CalendarYear>(`/rules/calendar/${year}`, { days }),
  deadline: (organisationId: Id, rule: string, from: string) =>
    http.get<Deadline>('/rules/deadline', { organisationId, rule, from }),
}
