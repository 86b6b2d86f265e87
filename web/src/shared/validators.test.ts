import type { FormItemRule } from 'element-plus'
import { describe, expect, it } from 'vitest'
import { setLocale } from './i18n'
import {
  passwordMessage,
  passwordProblem,
  passwordRule,
  patternRule,
  PHONE_PATTERN,
  requiredRule,
  ROLE_CODE_PATTERN,
  USERNAME_PATTERN,
} from './validators'

/** Runs a rule's validator the way async-validator does; resolves to the message or null. */
function runRule(rule: FormItemRule, value: unknown): Promise<string | null> {
  return new Promise((resolve) => {
    rule.validator?.(
      rule,
      value,
      (err?: string | Error) => {
        resolve(err ? (typeof err === 'string' ? err : err.message) : null)
      },
      {},
      {},
    )
  })
}

describe('password rule (8–64 characters, a letter and a digit)', () => {
  it.each([
    ['', 'length'],
    ['abc123', 'length'],
    ['abcdefg1', null],
    ['12345678', 'letter'],
    ['abcdefgh', 'digit'],
    ['Ankang@2026', null],
    ['密码密码密码密码1a', null],
    ['a1' + 'x'.repeat(62), null],
    ['a1' + 'x'.repeat(63), 'length'],
  ])('%j → %s', (value, problem) => {
    expect(passwordProblem(value)).toBe(problem)
  })

  it('gives localised messages', async () => {
    setLocale('zh-CN')
    expect(passwordMessage('short1')).toBe('密码长度须为 8–64 个字符')
    expect(await runRule(passwordRule(), '12345678')).toBe('密码须包含至少一个字母')
    expect(await runRule(passwordRule(), 'Ankang@2026')).toBeNull()
    setLocale('en')
    expect(await runRule(passwordRule(), 'abcdefgh')).toBe('The password must contain a digit')
    setLocale('zh-CN')
  })
})

describe('other rules', () => {
  it('required rejects blanks and empty arrays', async () => {
    const rule = requiredRule('用户名')
    expect(await runRule(rule, '  ')).toBe('请输入用户名')
    expect(await runRule(requiredRule('角色', true), [])).toBe('请选择角色')
    expect(await runRule(rule, 'admin')).toBeNull()
  })

  it('patterns match the server: mobile numbers, usernames, role codes', async () => {
    expect(PHONE_PATTERN.test('13912345678')).toBe(true)
    expect(PHONE_PATTERN.test('12912345678')).toBe(false)
    expect(PHONE_PATTERN.test('1391234567')).toBe(false)
    expect(USERNAME_PATTERN.test('city_cadre')).toBe(true)
    expect(USERNAME_PATTERN.test('9lives')).toBe(false)
    expect(USERNAME_PATTERN.test('ab')).toBe(false)
    expect(ROLE_CODE_PATTERN.test('LP_CADRE')).toBe(true)
    expect(ROLE_CODE_PATTERN.test('lp_cadre')).toBe(false)
    const rule = patternRule(PHONE_PATTERN, 'validation.phone')
    expect(await runRule(rule, '')).toBeNull()
    expect(await runRule(rule, '0551-1234')).toBe('请输入 11 位手机号码')
  })
})
