// Pure rules of the rule-set page; the server stays the authority and repeats each one.
import type { FormItemRule } from 'element-plus'
import { i18n } from '@/shared/i18n'
import type { Id } from '@/shared/types'
import type { RuleSetInForce, RuleSetVersionInput, RuleUnit } from './types'

const t = (key: string, values: Record<string, unknown> = {}) => i18n.global.t(key, values)

/** The rule codes the server knows, in its display order. */
export const RULE_CODES = [
  'ENTERPRISE_REPLY',
  'EVACUATION_DECISION',
  'OPINION_REPLY',
  'GENERAL_RECTIFICATION',
  'RECHECK_AFTER_DONE',
  'REMINDER_BEFORE_DUE',
  'ESCALATE_AFTER_OVERDUE',
  'WORKER_REPORT_ACK',
] as const

export const UNITS: readonly RuleUnit[] = ['WORKING_DAYS', 'CALENDAR_DAYS', 'HOURS']

/** The server's limits: 1–365 days, 1–720 hours. */
export const LIMITS = { days: 365, hours: 720 } as const

export type ValueProblem = 'required' | 'integer' | 'range'

export function ruleValueProblem(value: unknown, unit: RuleUnit): ValueProblem | null {
  if (value === undefined || value === null || value === '') return 'required'
  const number = typeof value === 'number' ? value : Number(value)
  if (!Number.isInteger(number)) return 'integer'
  const max = unit === 'HOURS' ? LIMITS.hours : LIMITS.days
  return number < 1 || number > max ? 'range' : null
}

export function valueMessage(problem: ValueProblem, unit: RuleUnit): string {
  if (problem === 'required') return t('rules.validation.valueRequired')
  if (problem === 'integer') return t('rules.validation.integer')
  return t('rules.validation.range', { max: unit === 'HOURS' ? LIMITS.hours : LIMITS.days })
}

/** A strict YYYY-MM-DD that exists. */
export function isDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match) return false
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

export type EffectiveProblem = 'required' | 'format' | 'past' | 'beforePrevious'

export function effectiveFromProblem(
  date: string,
  today: string,
  previous?: string,
): EffectiveProblem | null {
  if (!date) return 'required'
  if (!isDate(date)) return 'format'
  // Not today either: a deadline computed earlier today must keep its rule (ADR 0009).
  if (date <= today) return 'past'
  if (previous && date < previous) return 'beforePrevious'
  return null
}

export interface OverrideRow {
  code: string
  /** Whether this organisation's new version carries the rule; otherwise it is inherited. */
  override: boolean
  value: number | undefined
  unit: RuleUnit
}

export interface OverrideForm {
  organisationId: Id | undefined
  effectiveFrom: string
  note: string
  rows: OverrideRow[]
}

/**
 * The form for a new version of `organisationId`, pre-filled from the rules in force: rules the
 * organisation already overrides stay ticked (a new version replaces the whole override).
 */
export function overrideFormFrom(inForce: RuleSetInForce, effectiveFrom: string): OverrideForm {
  return {
    organisationId: inForce.organisationId,
    effectiveFrom,
    note: '',
    rows: RULE_CODES.map((code) => {
      const rule = inForce.rules.find((r) => r.code === code)
      return {
        code,
        override: rule?.source.organisationId === inForce.organisationId,
        value: rule?.value,
        unit: rule?.unit ?? 'CALENDAR_DAYS',
      }
    }),
  }
}

export function toVersionInput(form: OverrideForm): RuleSetVersionInput {
  return {
    organisationId: form.organisationId ?? 0,
    effectiveFrom: form.effectiveFrom,
    note: form.note.trim(),
    rules: form.rows
      .filter((row) => row.override)
      .map((row) => ({ code: row.code, value: Number(row.value), unit: row.unit })),
  }
}

/** Validates one row's value as it is typed; reads the row through `row()`. */
export function valueRule(row: () => OverrideRow | undefined): FormItemRule {
  return {
    trigger: ['change', 'blur'],
    validator: (_rule, value: unknown, callback) => {
      const current = row()
      const problem = current?.override ? ruleValueProblem(value, current.unit) : null
      if (problem && current) callback(new Error(valueMessage(problem, current.unit)))
      else callback()
    },
  }
}

export function effectiveFromRule(
  today: () => string,
  previous: () => string | undefined,
): FormItemRule {
  return {
    trigger: ['change', 'blur'],
    validator: (_rule, value: unknown, callback) => {
      const problem = effectiveFromProblem(String(value ?? ''), today(), previous())
      if (problem)
        callback(new Error(t(`rules.validation.effective.${problem}`, { date: previous() })))
      else callback()
    },
  }
}

/** "7 个工作日" / "7 working days". */
export function formatRuleValue(value: number, unit: RuleUnit): string {
  return t(`rules.unitValue.${unit}`, { n: value })
}
