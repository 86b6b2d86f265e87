import type { HazardCategory, HazardSource, RecheckResult, VerificationType } from './types'

export const HAZARD_SOURCES: readonly HazardSource[] = [
  'UNION_INSPECTION',
  'GROUP_INSPECTOR_LOG',
  'MASS_SUPERVISOR',
  'WORKER_REPORT',
  'ENTERPRISE_SELF_CHECK',
  'GOV_REFERRAL',
  'ACCIDENT_FOLLOWUP',
]

export const HAZARD_CATEGORIES: readonly HazardCategory[] = [
  'UNSAFE_CONDITION',
  'UNSAFE_ACT',
  'MANAGEMENT_DEFECT',
  'OCCUPATIONAL_HEALTH',
  'ENVIRONMENT',
]

export const RECHECK_RESULTS: readonly RecheckResult[] = ['PASSED', 'FAILED', 'PARTIAL']

export const VERIFICATION_TYPES: readonly VerificationType[] = [
  'UNION_RECHECK',
  'ENTERPRISE_SELF_ACCEPTANCE',
  'GOV_ACCEPTANCE',
]
