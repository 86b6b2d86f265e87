import { describe, expect, it } from 'vitest'
import { rankCandidates, uncoveredEnterprisesLink, type CandidateUnion } from './uncovered'

const union = (organisationId: number, coveredEnterprises: number): CandidateUnion => ({
  organisationId,
  name: `工会${organisationId}`,
  orgType: 'JOINT_BASE_UNION',
  coveredEnterprises,
})

describe('rankCandidates', () => {
  it('puts the least loaded union first and keeps the tree order on ties', () => {
    const ranked = rankCandidates([union(1, 30), union(2, 4), union(3, 30), union(4, 0)])
    expect(ranked.map((c) => c.organisationId)).toEqual([4, 2, 1, 3])
  })
  it('leaves the input alone', () => {
    const input = [union(1, 5), union(2, 1)]
    rankCandidates(input)
    expect(input.map((c) => c.organisationId)).toEqual([1, 2])
  })
})

describe('uncoveredEnterprisesLink', () => {
  it("opens the enterprise list on the township's uncovered enterprises", () => {
    const link = uncoveredEnterprisesLink({
      organisationId: 17,
      organisationName: '新街口街道工会',
      parentName: '玄武区总工会',
      enterprises: 3,
      workers: 40,
      nonPublic: 2,
      smallAndMicro: 3,
      candidates: [],
    })
    expect(link).toEqual({
      name: 'enterprises',
      query: {
        organisationId: '17',
        organisationName: '新街口街道工会',
        coverageType: 'NONE',
        status: 'ACTIVE',
      },
    })
  })
})
