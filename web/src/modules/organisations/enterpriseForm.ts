import type { FormItemRule } from 'element-plus'
import { i18n } from '@/shared/i18n'
import { TYPING } from '@/shared/validators'
import { creditCodeProblem, normaliseCreditCode } from './creditCode'
import { divisionProblem, divisionRangeText } from './industry'
import type { Enterprise, EnterpriseForm, EnterpriseInput, SizeClass } from './types'

// The shapes EnterpriseInput allows (the server stays the authority).
export const NAME_MIN = 2
export const NAME_MAX = 100
export const ADDRESS_MAX = 200
export const HEADCOUNT_MAX = 1_000_000
export const REGISTRATION_TYPE_PATTERN = /^\d{3}$/
export const ADMIN_DIVISION_PATTERN = /^(\d{6}|\d{9}|\d{12})$/

/** Codes fixed by the contract; used as options when a dictionary is missing. */
export const SIZE_CLASSES: readonly SizeClass[] = ['LARGE', 'MEDIUM', 'SMALL', 'MICRO']
export const ECONOMIC_COMPONENTS: readonly string[] = ['11', '12', '21', '22', '23']

const t = (key: string, values: Record<string, unknown> = {}) => i18n.global.t(key, values)

type Validator = NonNullable<FormItemRule['validator']>
function typingRule(check: (value: unknown) => string | null): FormItemRule {
  const validator: Validator = (_rule, value, callback) => {
    const message = check(value)
    if (message) callback(new Error(message))
    else callback()
  }
  return { trigger: TYPING, validator }
}

/** GB 32100 format and check character; empty is left to the required rule. */
export function creditCodeRule(): FormItemRule {
  return typingRule((value) => {
    if (typeof value !== 'string' || value.trim() === '') return null
    const problem = creditCodeProblem(value)
    return problem ? t(`enterprises.validation.creditCode_${problem}`) : null
  })
}

/**
 * The division must fall inside the section's range. Element Plus validates one field at a
 * time, so the section is read through `section()` rather than from the rule's source.
 */
export function divisionRule(section: () => string | null | undefined): FormItemRule {
  return typingRule((value) => {
    const s = section()
    const problem = divisionProblem(s, typeof value === 'string' ? value : '')
    if (problem === 'format') return t('enterprises.validation.divisionFormat')
    if (problem === 'range')
      return t('enterprises.validation.divisionRange', {
        section: s ?? '',
        range: divisionRangeText(s ?? ''),
      })
    return null
  })
}

export function lengthRangeRule(min: number, max: number, messageKey: string): FormItemRule {
  return typingRule((value) => {
    if (typeof value !== 'string' || value.trim() === '') return null
    const length = [...value.trim()].length
    return length < min || length > max ? t(messageKey, { min, max }) : null
  })
}

export function optionalPatternRule(pattern: RegExp, messageKey: string): FormItemRule {
  return typingRule((value) =>
    typeof value === 'string' && value.trim() !== '' && !pattern.test(value.trim())
      ? t(messageKey)
      : null,
  )
}

export function headcountRule(): FormItemRule {
  return {
    trigger: 'change',
    validator: (_rule, value: unknown, callback) => {
      const ok =
        typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= HEADCOUNT_MAX
      if (value === undefined || value === null || ok) callback()
      else callback(new Error(t('enterprises.validation.headcount')))
    },
  }
}

export function emptyEnterpriseForm(
  organisationId?: number,
  organisationName = '',
): EnterpriseForm {
  return {
    creditCode: '',
    name: '',
    organisationId,
    organisationName,
    industrySection: '',
    industryDivision: '',
    economicComponent: '',
    registrationType: '',
    sizeClass: '',
    headcount: undefined,
    address: '',
    adminDivisionCode: '',
    status: 'ACTIVE',
  }
}

export function enterpriseFormFor(row: Enterprise): EnterpriseForm {
  return {
    creditCode: row.creditCode,
    name: row.name,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    industrySection: row.industrySection,
    industryDivision: row.industryDivision ?? '',
    economicComponent: row.economicComponent,
    registrationType: row.registrationType ?? '',
    sizeClass: row.sizeClass,
    headcount: row.headcount,
    address: row.address ?? '',
    adminDivisionCode: row.adminDivisionCode ?? '',
    status: row.status,
  }
}

const optional = (value: string): string | undefined =>
  value.trim() === '' ? undefined : value.trim()

/**
 * The request body from a validated model. Status is sent when editing only (new enterprises
 * start ACTIVE).
 */
export function toEnterpriseInput(m: EnterpriseForm, editing: boolean): EnterpriseInput {
  return {
    creditCode: normaliseCreditCode(m.creditCode),
    name: m.name.trim(),
    organisationId: m.organisationId as number,
    industrySection: m.industrySection,
    industryDivision: optional(m.industryDivision),
    economicComponent: m.economicComponent,
    registrationType: optional(m.registrationType),
    sizeClass: m.sizeClass as SizeClass,
    headcount: m.headcount ?? 0,
    address: optional(m.address),
    adminDivisionCode: optional(m.adminDivisionCode),
    ...(editing ? { status: m.status } : {}),
  }
}
