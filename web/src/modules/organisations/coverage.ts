import type { FormItemRule } from 'element-plus'
import { i18n } from '@/shared/i18n'
import { requiredRule } from '@/shared/validators'
import type { CoverageForm, CoverageInput, CoverageType, Enterprise } from './types'

export const NO_UNION: CoverageType = 'NONE'

/** Contract codes of `union_coverage_type`, used as options if the dictionary is missing. */
export const COVERAGE_TYPES: readonly CoverageType[] = [
  'OWN_UNION',
  'JOINT_BASE_UNION',
  'REGIONAL_FEDERATION',
  'SECTORAL_FEDERATION',
  'ORGANISER_ONLY',
  'NONE',
]

/** The union field is shown, and required, for every coverage type but NONE. */
export function unionFieldShown(coverageType: string): boolean {
  return coverageType !== NO_UNION
}

/** Rules of the coverage dialog; `model()` gives the live model (el-form checks one field at a time). */
export function coverageRules(
  model: () => CoverageForm,
  currentSince: string | null | undefined,
): Record<string, FormItemRule[]> {
  const { t } = i18n.global
  const unionRequired: FormItemRule = {
    trigger: 'change',
    validator: (_rule, value: unknown, callback) => {
      if (unionFieldShown(model().coverageType) && typeof value !== 'number')
        callback(new Error(t('validation.select', { field: t('coverage.union') })))
      else callback()
    },
  }
  const notBeforeCurrent: FormItemRule = {
    trigger: 'change',
    validator: (_rule, value: unknown, callback) => {
      if (typeof value === 'string' && currentSince && value < currentSince)
        callback(new Error(t('coverage.sinceBeforeCurrent', { date: currentSince })))
      else callback()
    },
  }
  return {
    coverageType: [requiredRule(t('coverage.type'), true)],
    unionOrganisationId: [unionRequired],
    since: [requiredRule(t('coverage.since'), true), notBeforeCurrent],
  }
}

/** Dialog model for an enterprise: starts from its current coverage, dated `today`. */
export function coverageFormFor(enterprise: Enterprise, today: string): CoverageForm {
  const current = enterprise.coverage
  const since = current && current.since > today ? current.since : today
  return {
    coverageType: current?.coverageType ?? '',
    unionOrganisationId: current?.unionOrganisationId ?? undefined,
    unionOrganisationName: current?.unionOrganisationName ?? '',
    supervisingOrganisationId: current?.supervisingOrganisationId ?? undefined,
    supervisingOrganisationName: current?.supervisingOrganisationName ?? '',
    since,
  }
}

/**
 * The request body: no union for NONE; optional ids left out when empty (a cleared picker may
 * hold `''` or null rather than undefined).
 */
export function toCoverageInput(m: CoverageForm): CoverageInput {
  const body: CoverageInput = { coverageType: m.coverageType, since: m.since }
  const union: unknown = m.unionOrganisationId
  const supervising: unknown = m.supervisingOrganisationId
  if (unionFieldShown(m.coverageType) && typeof union === 'number') body.unionOrganisationId = union
  if (typeof supervising === 'number') body.supervisingOrganisationId = supervising
  return body
}
