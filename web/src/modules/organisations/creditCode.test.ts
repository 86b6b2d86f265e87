import { describe, expect, it } from 'vitest'
import { checkCreditCode, creditCodeCheckChar, creditCodeProblem } from './creditCode'

// Real codes of registered organisations (published on their licences).
const VALID = [
  '91350100M000100Y43',
  '91110000802100433B',
  '91310000MA1FL1MMXL',
  '91440300708461136T',
  '9144030071526726XG',
]

describe('checkCreditCode', () => {
  it.each(VALID)('accepts %s', (code) => {
    expect(checkCreditCode(code)).toBe(true)
    expect(creditCodeProblem(code)).toBeNull()
  })

  it('computes the check character from the first 17', () => {
    expect(VALID.map((code) => creditCodeCheckChar(code.slice(0, 17)))).toEqual(
      VALID.map((code) => code.slice(-1)),
    )
  })

  it.each(VALID)('rejects %s with any other last character', (code) => {
    const others = '0123456789ABCDEFGHJKLMNPQRTUWXY'.replace(code.slice(-1), '')
    for (const ch of others) {
      const changed = code.slice(0, -1) + ch
      expect(checkCreditCode(changed)).toBe(false)
      expect(creditCodeProblem(changed)).toBe('checksum')
    }
  })

  it('rejects letters outside the charset (O, I, S, V, Z)', () => {
    expect(creditCodeProblem('91350100O000100Y43')).toBe('charset')
    for (const ch of 'IOSVZ') {
      expect(checkCreditCode(`9131000${ch}MA1FL1MMXL`.slice(0, 18))).toBe(false)
    }
  })

  it('rejects codes of the wrong length', () => {
    expect(creditCodeProblem('91110000802100433')).toBe('length') // 17 characters
    expect(checkCreditCode('91110000802100433')).toBe(false)
    expect(creditCodeProblem('91110000802100433BB')).toBe('length')
    expect(creditCodeProblem('')).toBe('length')
  })

  it('accepts lower case and surrounding spaces, as the server stores upper case', () => {
    expect(checkCreditCode(' 91310000ma1fl1mmxl ')).toBe(true)
  })
})
