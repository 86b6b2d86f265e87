import type { FormItemRule } from 'element-plus'
import { beforeEach, describe, expect, it } from 'vitest'
import { setLocale } from '@/shared/i18n'
import {
  creditCodeRule,
  divisionRule,
  emptyEnterpriseForm,
  headcountRule,
  toEnterpriseInput,
} from './enterpriseForm'
import {
  divisionProblem,
  divisionRangeText,
  industryText,
  isNonPublic,
  SECTION_DIVISIONS,
} from './industry'

/** Runs an el-form rule's validator; resolves to its message, or null when it passes. */
function check(rule: FormItemRule, value: unknown): Promise<string | null> {
  return new Promise((resolve) => {
    const callback = (err?: string | Error) =>
      resolve(err ? (err instanceof Error ? err.message : err) : null)
    void rule.validator?.({} as never, value, callback, {}, {})
  })
}

beforeEach(() => setLocale('zh-CN'))

describe('industry divisions', () => {
  it('covers sections A–T with contiguous, non-overlapping ranges 01–97', () => {
    const ranges = Object.values(SECTION_DIVISIONS)
    expect(Object.keys(SECTION_DIVISIONS).join('')).toBe('ABCDEFGHIJKLMNOPQRST')
    expect(ranges[0]?.[0]).toBe(1)
    expect(ranges.at(-1)?.[1]).toBe(97)
    ranges.slice(1).forEach((range, i) => expect(range[0]).toBe((ranges[i]?.[1] ?? 0) + 1))
  })

  it('accepts divisions inside the section and empty, rejects the rest', () => {
    expect(divisionProblem('C', '13')).toBeNull()
    expect(divisionProblem('C', '43')).toBeNull()
    expect(divisionProblem('C', '')).toBeNull()
    expect(divisionProblem('C', '12')).toBe('range')
    expect(divisionProblem('C', '44')).toBe('range')
    expect(divisionProblem('K', '70')).toBeNull()
    expect(divisionProblem('K', '71')).toBe('range')
    expect(divisionProblem('A', '01')).toBeNull()
    expect(divisionProblem('A', '1')).toBe('format')
    expect(divisionProblem('A', 'x1')).toBe('format')
    expect(divisionProblem('', '36')).toBeNull() // the section field reports itself
    expect(divisionRangeText('C')).toBe('13–43')
    expect(divisionRangeText('P')).toBe('83')
  })

  it('as a form rule, reads the section from the live model and says the range', async () => {
    const model = { industrySection: 'C' }
    const rule = divisionRule(() => model.industrySection)
    expect(await check(rule, '36')).toBeNull()
    expect(await check(rule, '')).toBeNull()
    expect(await check(rule, '05')).toBe('门类 C 的行业大类须在 13–43 之间')
    model.industrySection = 'A'
    expect(await check(rule, '05')).toBeNull()
    expect(await check(rule, '5')).toBe('行业大类须为两位数字')
    setLocale('en')
    expect(await check(rule, '36')).toBe('Divisions of section A are 01–05')
  })

  it('formats the industry cell and spots non-public components', () => {
    const label = (code: string) => ({ C: '制造业' })[code] ?? code
    expect(industryText('C', '36', label)).toBe('C 制造业 · 36')
    expect(industryText('C', null, label)).toBe('C 制造业')
    expect(industryText('F', '51', label)).toBe('F · 51') // no label: the code once
    expect(isNonPublic('21')).toBe(true)
    expect(isNonPublic('23')).toBe(true)
    expect(isNonPublic('11')).toBe(false)
    expect(isNonPublic(null)).toBe(false)
  })
})

describe('enterprise form rules', () => {
  it('checks credit codes as typed, leaving empty to the required rule', async () => {
    const rule = creditCodeRule()
    expect(rule.trigger).toEqual(['blur', 'change'])
    expect(await check(rule, '')).toBeNull()
    expect(await check(rule, '91350100M000100Y43')).toBeNull()
    expect(await check(rule, '91350100M000100Y44')).toBe('统一社会信用代码校验位不正确，请核对')
    expect(await check(rule, '9135010')).toBe('统一社会信用代码须为 18 位')
    expect(await check(rule, '91350100O000100Y43')).toContain('不含 I、O、S、V、Z')
  })

  it('bounds the headcount', async () => {
    const rule = headcountRule()
    expect(await check(rule, 0)).toBeNull()
    expect(await check(rule, 1_000_000)).toBeNull()
    expect(await check(rule, 1_000_001)).not.toBeNull()
    expect(await check(rule, 2.5)).not.toBeNull()
  })

  it('builds the request body: trimmed, upper-case code, optional fields left out', () => {
    const m = {
      ...emptyEnterpriseForm(7, '鼓楼区总工会'),
      creditCode: ' 91310000ma1fl1mmxl ',
      name: ' 福州某某有限公司 ',
      industrySection: 'C',
      economicComponent: '21',
      sizeClass: 'SMALL' as const,
      headcount: 120,
      address: '  ',
    }
    expect(toEnterpriseInput(m, false)).toEqual({
      creditCode: '91310000MA1FL1MMXL',
      name: '福州某某有限公司',
      organisationId: 7,
      industrySection: 'C',
      industryDivision: undefined,
      economicComponent: '21',
      registrationType: undefined,
      sizeClass: 'SMALL',
      headcount: 120,
      address: undefined,
      adminDivisionCode: undefined,
    })
    expect(toEnterpriseInput({ ...m, status: 'CLOSED' }, true).status).toBe('CLOSED')
  })
})
