import type { EpochMs, Id } from '@/shared/types'

export interface Organisation {
  id: Id
  parentId: Id | null
  name: string
  code: string
  orgType: string
  level: number
  hasChildren: boolean
}

export type SizeClass = 'LARGE' | 'MEDIUM' | 'SMALL' | 'MICRO'
export type EnterpriseStatus = 'ACTIVE' | 'CLOSED'

/** Codes of dictionary `union_coverage_type`. */
export type CoverageType =
  | 'OWN_UNION'
  | 'JOINT_BASE_UNION'
  | 'REGIONAL_FEDERATION'
  | 'SECTORAL_FEDERATION'
  | 'ORGANISER_ONLY'
  | 'NONE'

/** One period of union coverage; `until` is null for the current one. Dates are `YYYY-MM-DD`. */
export interface Coverage {
  coverageType: CoverageType | (string & {})
  unionOrganisationId: Id | null
  unionOrganisationName: string | null
  since: string
  until: string | null
  supervisingOrganisationId: Id | null
  supervisingOrganisationName: string | null
}

export interface Enterprise {
  id: Id
  creditCode: string
  name: string
  organisationId: Id
  organisationName: string
  industrySection: string
  industryDivision: string | null
  economicComponent: string
  registrationType: string | null
  sizeClass: SizeClass
  headcount: number
  address: string | null
  adminDivisionCode: string | null
  status: EnterpriseStatus
  /** Current coverage; null when never recorded. */
  coverage: Coverage | null
  createdAt: EpochMs
  updatedAt: EpochMs
}

export interface EnterpriseInput {
  creditCode: string
  name: string
  organisationId: Id
  industrySection: string
  industryDivision?: string
  economicComponent: string
  registrationType?: string
  sizeClass: SizeClass
  headcount: number
  address?: string
  adminDivisionCode?: string
  status?: EnterpriseStatus
}

export interface CoverageInput {
  coverageType: string
  unionOrganisationId?: Id
  since: string
  supervisingOrganisationId?: Id
}

export interface EnterpriseFilters {
  keyword: string
  organisationId: Id | undefined
  economicComponent: string
  sizeClass: string
  industrySection: string
  coverageType: string
  status: EnterpriseStatus | ''
}

/** Model of the add/edit dialog: optional texts are '' when empty. */
export interface EnterpriseForm {
  creditCode: string
  name: string
  organisationId: Id | undefined
  /** Shown by the organisation picker before its node is loaded. */
  organisationName: string
  industrySection: string
  industryDivision: string
  economicComponent: string
  registrationType: string
  sizeClass: SizeClass | ''
  headcount: number | undefined
  address: string
  adminDivisionCode: string
  status: EnterpriseStatus
}

/** Model of the coverage dialog. */
export interface CoverageForm {
  coverageType: string
  unionOrganisationId: Id | undefined
  unionOrganisationName: string
  supervisingOrganisationId: Id | undefined
  supervisingOrganisationName: string
  since: string
}

/** Counts of one level of `GET /organisations/{id}/coverage-gaps`; rates are 0–1, null without a denominator. */
export interface CoverageCounts {
  enterprises: number
  workers: number
  covered: number
  coveredWorkers: number
  nonPublic: number
  nonPublicCovered: number
  smallAndMicro: number
  smallAndMicroCovered: number
  coverageRate: number | null
  workerCoverageRate: number | null
  nonPublicCoverageRate: number | null
  smallAndMicroCoverageRate: number | null
  /** Covered enterprises whose covering union has an ACTIVE supervision committee. */
  withCommittee: number
  /** withCommittee / covered. */
  withCommitteeRate: number | null
  /** ACTIVE labour-protection inspectors whose home organisation is in the group. */
  inspectors: number
  /** inspectors × 1000 / workers, from the totals; null without workers. */
  inspectorsPerThousandWorkers: number | null
}

/** One direct child organisation, or (`direct`, no id) the enterprises attached to the organisation itself. */
export interface CoverageGapRow extends CoverageCounts {
  organisationId: Id | null
  organisationName: string | null
  direct: boolean
}

export interface CoverageGapReport {
  organisationId: Id
  organisationName: string
  total: CoverageCounts
  rows: CoverageGapRow[]
}
