import type { FormItemRule } from 'element-plus'
import { i18n } from './i18n'

export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 64

export type PasswordProblem = 'length' | 'letter' | 'digit'

/** The contract's password rule: 8–64 characters with at least a letter and a digit. */
export function passwordProblem(value: string): PasswordProblem | null {
  const length = [...value].length
  if (length < PASSWORD_MIN || length > PASSWORD_MAX) return 'length'
  if (!/[A-Za-z]/.test(value)) return 'letter'
  if (!/[0-9]/.test(value)) return 'digit'
  return null
}

const problemKey = {
  length: 'validation.passwordLength',
  letter: 'validation.passwordLetter',
  digit: 'validation.passwordDigit',
} as const

/** Localised message for a password, or null when it satisfies the rule. */
export function passwordMessage(value: string): string | null {
  const problem = passwordProblem(value)
  return problem ? i18n.global.t(problemKey[problem]) : null
}

type Trigger = FormItemRule['trigger']
/** Validate as the user types ('change' fires on every keystroke for el-input) and on blur. */
export const TYPING: Trigger = ['blur', 'change']

export function requiredRule(field: string, select = false): FormItemRule {
  return {
    required: true,
    trigger: select ? 'change' : TYPING,
    validator: (_rule, value: unknown, callback) => {
      const empty =
        value === undefined ||
        value === null ||
        (typeof value === 'string' && value.trim() === '') ||
        (Array.isArray(value) && value.length === 0)
      if (empty) {
        const key = select ? 'validation.select' : 'validation.required'
        callback(new Error(i18n.global.t(key, { field })))
      } else callback()
    },
  }
}

export function maxLengthRule(field: string, max: number): FormItemRule {
  return {
    trigger: TYPING,
    validator: (_rule, value: unknown, callback) => {
      if (typeof value === 'string' && [...value].length > max)
        callback(new Error(i18n.global.t('validation.maxLength', { field, max })))
      else callback()
    },
  }
}

export function passwordRule(): FormItemRule {
  return {
    trigger: TYPING,
    validator: (_rule, value: unknown, callback) => {
      const message = passwordMessage(typeof value === 'string' ? value : '')
      if (message) callback(new Error(message))
      else callback()
    },
  }
}

// The shapes the server accepts (it stays the authority; these only give early feedback).
/** 3–32 letters, digits, '.', '_' or '-', starting with a letter. */
export const USERNAME_PATTERN = /^[A-Za-z][A-Za-z0-9._-]{2,31}$/
/** An 11-digit mainland mobile number; empty is fine. */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
/** Role codes: 2–32 capital letters, digits or '_', starting with a letter. */
export const ROLE_CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,31}$/
/** Dictionary item codes: 1–32 letters, digits or '_'. */
export const DICT_CODE_PATTERN = /^[A-Za-z0-9_]{1,32}$/

export function patternRule(pattern: RegExp, messageKey: string): FormItemRule {
  return {
    trigger: TYPING,
    validator: (_rule, value: unknown, callback) => {
      if (typeof value === 'string' && value !== '' && !pattern.test(value))
        callback(new Error(i18n.global.t(messageKey)))
      else callback()
    },
  }
}
