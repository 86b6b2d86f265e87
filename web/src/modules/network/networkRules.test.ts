import { describe, expect, it } from 'vitest'
import {
  certificateRule,
  committeeMembersProblem,
  formatFen,
  INSPECTOR_STATUSES,
  membersRule,
  mobileRule,
  moneyRule,
  toStaffingInput,
  toTransitionInput,
  transitionFields,
  yuanToFen,
} from './networkRules'
import type { CommitteeMember, TransitionForm } from './types'

function members(count: number, chairs = 1, viceChairs = 0): CommitteeMember[] {
  return Array.from({ length: count }, (_, index) => ({
    name: `委员${index + 1}`,
    role: index < chairs ? 'CHAIR' : index < chairs + viceChairs ? 'VICE_CHAIR' : 'MEMBER',
    phone: '',
    position: '',
  }))
}

/** Runs an Element Plus rule's validator and returns its message, or null when it passes. */
function check(rule: ReturnType<typeof mobileRule>, value: unknown): string | null {
  let message: string | null = null
  rule.validator?.(
    rule,
    value,
    (error?: string | Error) => {
      message = error ? String(error instanceof Error ? error.message : error) : null
    },
    {},
    {},
  )
  return message
}

describe('committee composition', () => {
  it('an active committee has exactly one chair, at most two vice-chairs and 7–15 members', () => {
    expect(committeeMembersProblem(members(9, 1, 2), 'ACTIVE')).toBeNull()
    expect(committeeMembersProblem(members(7), 'ACTIVE')).toBeNull()
    expect(committeeMembersProblem(members(15), 'ACTIVE')).toBeNull()
    expect(committeeMembersProblem(members(9, 0), 'ACTIVE')).toEqual({ kind: 'chairs' })
    expect(committeeMembersProblem(members(9, 2), 'ACTIVE')).toEqual({ kind: 'chairs' })
    expect(committeeMembersProblem(members(9, 1, 3), 'ACTIVE')).toEqual({
      kind: 'viceChairs',
      max: 2,
    })
    expect(committeeMembersProblem(members(6), 'ACTIVE')).toEqual({
      kind: 'size',
      min: 7,
      max: 15,
      count: 6,
    })
    expect(committeeMembersProblem(members(16), 'ACTIVE')).toMatchObject({
      kind: 'size',
      count: 16,
    })
  })

  it('a committee no longer in office keeps any size but never two chairs; names are required', () => {
    expect(committeeMembersProblem(members(3, 0), 'EXPIRED')).toBeNull()
    expect(committeeMembersProblem(members(3, 2), 'DISSOLVED')).toEqual({ kind: 'chairs' })
    const unnamed = members(9)
    unnamed[3] = { ...unnamed[3]!, name: ' ' }
    expect(committeeMembersProblem(unnamed, 'ACTIVE')).toEqual({ kind: 'names' })
  })

  it('the form rule reads the current status and names the problem in Chinese', () => {
    let status: 'ACTIVE' | 'EXPIRED' = 'ACTIVE'
    const rule = membersRule(() => status)
    expect(check(rule, members(5))).toContain('7–15')
    status = 'EXPIRED'
    expect(check(rule, members(5))).toBeNull()
  })
})

describe('workflow W10 in the transition dialog', () => {
  it('an appointment asks for the appointing union and the certificate', () => {
    expect(transitionFields('PASSED', 'APPOINTED')).toEqual({
      appointing: 'required',
      certificate: 'required',
      termEnd: 'optional',
    })
    expect(transitionFields('TERM_EXPIRED', 'ACTIVE')).toEqual({
      appointing: 'optional',
      certificate: 'hidden',
      termEnd: 'optional',
    })
    for (const [from, to] of [
      ['NOMINATED', 'TRAINING'],
      ['APPOINTED', 'ACTIVE'],
      ['SUSPENDED', 'ACTIVE'],
      ['ACTIVE', 'REVOKED'],
    ] as const) {
      expect(transitionFields(from, to)).toEqual({
        appointing: 'hidden',
        certificate: 'hidden',
        termEnd: 'hidden',
      })
    }
    expect(INSPECTOR_STATUSES).toHaveLength(12)
  })

  it('sends only the fields the transition uses, the certificate in canonical form', () => {
    const form: TransitionForm = {
      to: 'APPOINTED',
      date: '2026-03-01',
      note: '  ',
      appointingOrganisationId: 7,
      appointingOrganisationName: '玄武区总工会',
      certificateNo: ' js-2026-01 ',
      termEnd: '2031-02-28',
    }
    expect(toTransitionInput('PASSED', form)).toEqual({
      to: 'APPOINTED',
      date: '2026-03-01',
      appointingOrganisationId: 7,
      certificateNo: 'JS-2026-01',
      termEnd: '2031-02-28',
    })
    expect(toTransitionInput('ACTIVE', { ...form, to: 'SUSPENDED', note: '调查中' })).toEqual({
      to: 'SUSPENDED',
      date: '2026-03-01',
      note: '调查中',
    })
  })

  it('certificate numbers: 4–32 ASCII letters, digits and hyphens', () => {
    expect(check(certificateRule(), 'JS-2026-0001')).toBeNull()
    expect(check(certificateRule(), '')).toBeNull() // required-ness is the dialog's business
    expect(check(certificateRule(), 'AB1')).not.toBeNull()
    expect(check(certificateRule(), '苏监-0001')).not.toBeNull()
    expect(check(certificateRule(), '-ABCD')).not.toBeNull()
  })
})

describe('phones and money', () => {
  it('mobile numbers are 11 digits starting 1[3-9]; empty is allowed', () => {
    expect(check(mobileRule(), '13905140001')).toBeNull()
    expect(check(mobileRule(), '')).toBeNull()
    expect(check(mobileRule(), '12905140001')).not.toBeNull()
    expect(check(mobileRule(), '1390514000')).not.toBeNull()
  })

  it('money is exact integer fen, never negative', () => {
    expect(yuanToFen(0.1 + 0.2)).toBe(30)
    expect(yuanToFen(12345.67)).toBe(1234567)
    expect(formatFen(123456789)).toBe('1,234,567.89')
    expect(formatFen(5)).toBe('0.05')
    expect(check(moneyRule(), -0.01)).not.toBeNull()
    expect(check(moneyRule(), 0)).toBeNull()
    expect(check(moneyRule(), undefined)).toBeNull()
  })

  it('the staffing body carries fen and drops the department name without a department', () => {
    expect(
      toStaffingInput({
        organisationId: 3,
        organisationName: '玄武区总工会',
        year: 2026,
        hasLpDepartment: false,
        lpDepartmentName: '旧名称',
        fulltimeLpCadres: 1,
        parttimeLpCadres: 2,
        authorisedPosts: 3,
        budgetPlannedYuan: 280000.5,
        budgetSpentYuan: undefined,
        notes: ' ',
      }),
    ).toEqual({
      organisationId: 3,
      year: 2026,
      hasLpDepartment: false,
      lpDepartmentName: '',
      fulltimeLpCadres: 1,
      parttimeLpCadres: 2,
      authorisedPosts: 3,
      budgetPlannedFen: 28000050,
      budgetSpentFen: 0,
      notes: '',
    })
  })
})
