import type { Id } from '@/shared/types'

/** A union that could take in a township's uncovered enterprises (联合基层工会, 区域/行业工会联合会). */
export interface CandidateUnion {
  organisationId: Id
  name: string
  orgType: string
  /** Enterprises it covers now: its current load. */
  coveredEnterprises: number
}

/** One township's (street's, park's) uncovered enterprises, GET /organisations/{id}/uncovered-townships. */
export interface UncoveredTownship {
  organisationId: Id
  organisationName: string
  parentName: string
  enterprises: number
  workers: number
  nonPublic: number
  smallAndMicro: number
  candidates: CandidateUnion[]
}

/** The township's own enterprises without a union, on the enterprise list. */
export function uncoveredEnterprisesLink(township: UncoveredTownship) {
  return {
    name: 'enterprises',
    query: {
      organisationId: String(township.organisationId),
      organisationName: township.organisationName,
      coverageType: 'NONE',
      // The row counts active enterprises only.
      status: 'ACTIVE',
    },
  }
}

/**
 * The least loaded candidate first: the union most likely to take in more enterprises; ties keep
 * the server's order (by position in the tree).
 */
export function rankCandidates(candidates: CandidateUnion[]): CandidateUnion[] {
  return candidates
    .map((candidate, index) => ({ candidate, index }))
    .sort(
      (a, b) =>
        a.candidate.coveredEnterprises - b.candidate.coveredEnterprises || a.index - b.index,
    )
    .map(({ candidate }) => candidate)
}
