import { describe, expect, it } from 'vitest'
import { shanghaiToday } from '@/shared/date'
import {
  effectiveFromProblem,
  isDate,
  overrideFormFrom,
  ruleValueProblem,
  toVersionInput,
  valueRule,
  type OverrideRow,
} from './rulesForm'
import type { RuleSetInForce } from './types'

const inForce: RuleSetInForce = {
  organisationId: 7,
  organisationName: '玄武区总工会',
  date: '2026-03-01',
  rules: [
    {
      code: 'ENTERPRISE_REPLY',
      value: 7,
      unit: 'CALENDAR_DAYS',
      source: {
        versionId: 1,
        organisationId: null,
        organisationName: '',
        version: 1,
        effectiveFrom: '2000-01-01',
      },
    },
    {
      code: 'OPINION_REPLY',
      value: 10,
      unit: 'WORKING_DAYS',
      source: {
        versionId: 9,
        organisationId: 7,
        organisationName: '玄武区总工会',
        version: 2,
        effectiveFrom: '2026-02-01',
      },
    },
  ],
}

function validate(row: OverrideRow, value: unknown): string | undefined {
  let message: string | undefined
  const rule = valueRule(() => row)
  ;(rule.validator as (r: unknown, v: unknown, cb: (e?: Error) => void) => void)(
    {},
    value,
    (error) => {
      message = error?.message
    },
  )
  return message
}

describe('rule value validation', () => {
  it('accepts whole numbers within the unit’s range', () => {
    expect(ruleValueProblem(15, 'WORKING_DAYS')).toBeNull()
    expect(ruleValueProblem('365', 'CALENDAR_DAYS')).toBeNull()
    expect(ruleValueProblem(720, 'HOURS')).toBeNull()
  })

  it('names what is wrong', () => {
    expect(ruleValueProblem('', 'WORKING_DAYS')).toBe('required')
    expect(ruleValueProblem(undefined, 'WORKING_DAYS')).toBe('required')
    expect(ruleValueProblem(2.5, 'WORKING_DAYS')).toBe('integer')
    expect(ruleValueProblem(0, 'CALENDAR_DAYS')).toBe('range')
    expect(ruleValueProblem(366, 'CALENDAR_DAYS')).toBe('range')
    expect(ruleValueProblem(721, 'HOURS')).toBe('range')
  })

  it('validates only rows that override, as the value is typed', () => {
    expect(
      validate({ code: 'OPINION_REPLY', override: true, value: 0, unit: 'WORKING_DAYS' }, 0),
    ).toContain('365')
    expect(
      validate({ code: 'OPINION_REPLY', override: false, value: 0, unit: 'WORKING_DAYS' }, 0),
    ).toBeUndefined()
    expect(
      validate({ code: 'OPINION_REPLY', override: true, value: 5, unit: 'HOURS' }, 800),
    ).toContain('720')
  })
})

describe('effective date', () => {
  it('must be a real date, not before today nor before the previous version', () => {
    expect(isDate('2026-02-29')).toBe(false)
    expect(isDate('2028-02-29')).toBe(true)
    expect(effectiveFromProblem('', '2026-03-01')).toBe('required')
    expect(effectiveFromProblem('2026-3-1', '2026-03-01')).toBe('format')
    expect(effectiveFromProblem('2026-02-28', '2026-03-01')).toBe('past')
    expect(effectiveFromProblem('2026-03-01', '2026-03-01')).toBe('past')
    expect(effectiveFromProblem('2026-03-02', '2026-03-01')).toBeNull()
    expect(effectiveFromProblem('2026-04-01', '2026-03-01', '2026-05-01')).toBe('beforePrevious')
  })

  it('uses the Shanghai calendar day', () => {
    expect(shanghaiToday(Date.UTC(2025, 11, 31, 16, 0))).toBe('2026-01-01')
    expect(shanghaiToday(Date.UTC(2025, 11, 31, 15, 59))).toBe('2025-12-31')
  })
})

describe('override form', () => {
  it('starts from the rules in force, keeping the organisation’s own overrides ticked', () => {
    const form = overrideFormFrom(inForce, '2026-03-02')
    expect(form.rows).toHaveLength(8)
    expect(form.rows.find((r) => r.code === 'OPINION_REPLY')).toEqual({
      code: 'OPINION_REPLY',
      override: true,
      value: 10,
      unit: 'WORKING_DAYS',
    })
    expect(form.rows.find((r) => r.code === 'ENTERPRISE_REPLY')?.override).toBe(false)
  })

  it('sends only the ticked rules', () => {
    const form = overrideFormFrom(inForce, '2026-03-02')
    form.note = '  省里统一  '
    const enterprise = form.rows.find((r) => r.code === 'ENTERPRISE_REPLY')!
    enterprise.override = true
    enterprise.value = 5
    expect(toVersionInput(form)).toEqual({
      organisationId: 7,
      effectiveFrom: '2026-03-02',
      note: '省里统一',
      rules: [
        { code: 'ENTERPRISE_REPLY', value: 5, unit: 'CALENDAR_DAYS' },
        { code: 'OPINION_REPLY', value: 10, unit: 'WORKING_DAYS' },
      ],
    })
  })
})
