import type { Id } from '@/shared/types'

export type RuleUnit = 'WORKING_DAYS' | 'CALENDAR_DAYS' | 'HOURS'
export type DayKind = 'HOLIDAY' | 'WORKDAY'

export interface Rule {
  code: string
  value: number
  unit: RuleUnit
}

export interface RuleSource {
  versionId: Id
  /** null: the platform default. */
  organisationId: Id | null
  organisationName: string
  version: number
  effectiveFrom: string
}

export interface RuleInForce extends Rule {
  source: RuleSource
}

export interface RuleSetInForce {
  organisationId: Id
  organisationName: string
  date: string
  rules: RuleInForce[]
}

export interface RuleSetVersion {
  id: Id
  organisationId: Id | null
  organisationName: string
  version: number
  effectiveFrom: string
  note: string
  createdBy: string
  createdAt: number
  rules: Rule[]
}

export interface RuleSetVersionInput {
  organisationId: Id
  effectiveFrom: string
  note: string
  rules: Rule[]
}

export interface CalendarEntry {
  date: string
  kind: DayKind
  name: string
}

export interface CalendarYear {
  year: number
  days: CalendarEntry[]
}

export interface Deadline {
  organisationId: Id
  rule: RuleInForce
  from: string
  due: string
  dueAt: number | null
  workingDays: number
}
