import type { Id } from '@/shared/types'

// The answers of /api/v1/statistics/* (ADR 0013). Ratios are between 0 and 1 (null when the denominator is
// 0), averages are numbers, counts are integers, money is integer fen.

export type IndicatorKind = 'COUNT' | 'STOCK' | 'RATIO' | 'AVERAGE'

export interface Indicator {
  code: string
  name: string
  nameEn: string
  unit: string
  kind: IndicatorKind | (string & {})
  numerator: string | null
  denominator: string | null
  definition: string
  definitionEn: string
}

/** Indicator values by code; a ratio or an average is null when its denominator is 0. */
export type Values = Record<string, number | null | undefined>

/** `YYYY-MM` months, both ends included. */
export interface Period {
  from: string
  to: string
}

export interface DashboardOrganisation {
  id: Id
  name: string
  level: number
  hasChildren: boolean
}

export interface DashboardChild {
  /** null: the records attached to the node itself (本级直属). */
  organisationId: Id | null
  name: string
  level: number | null
  hasChildren: boolean
  values: Values
}

export interface TrendPoint {
  month: string
  values: Values
}

export interface Crumb {
  id: Id
  name: string
}

export interface Dashboard {
  organisation: DashboardOrganisation
  period: Period
  previousPeriod: Period
  values: Values
  previousValues: Values
  children: DashboardChild[]
  trend: TrendPoint[]
  breadcrumbs: Crumb[]
  generatedAt: number | string
}

export type BreakdownBy = 'ownership' | 'size' | 'industry'

export interface BreakdownRow {
  key: string
  label: string
  labelEn: string
  values: Values
}

export interface Breakdown {
  by: BreakdownBy
  rows: BreakdownRow[]
}

export interface StatEnterprise {
  id: Id
  name: string
  creditCode: string
  organisationName: string
  covered: boolean
  values: Values
}

/** One row of the coverage and capacity report (劳动保护工作覆盖与力量情况). */
export interface CapacityRow {
  level?: number | string
  organisationId?: Id | null
  name?: string
  organisations: number
  /** Organisations with a labour-protection department that year. */
  withDepartment: number
  enterprises: number
  covered: number
  nonPublic: number
  nonPublicCovered: number
  smallAndMicro: number
  smallAndMicroCovered: number
  committees: number
  inspectors: number
  fulltimeCadres: number
  parttimeCadres: number
  budgetPlannedFen: number
  budgetSpentFen: number
}

export interface CoverageCapacity {
  organisation?: DashboardOrganisation
  year?: number
  levels: CapacityRow[]
  belowCounty: CapacityRow | null
  total?: CapacityRow
  children: CapacityRow[]
}

/** A lit region of the China map. */
export interface MapRegion {
  /** Region name as on the map ("江苏"). */
  region: string
  /** Organisation shown there. */
  name: string
  /** Lines of the tooltip and the label ("企业数：1,200"). */
  lines: string[]
}
