/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from `0-9 A-H J-N P-R T-U W-Y` (no I, O, S, V,
 * Z); the last is a check character over the first 17 with weights 3^i mod 31. The server does
 * the same check; this one only gives feedback while typing.
 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
export const CREDIT_CODE_LENGTH = 18

const WEIGHTS: readonly number[] = Array.from({ length: CREDIT_CODE_LENGTH - 1 }, (_, i) => {
  let w = 1
  for (let k = 0; k < i; k++) w = (w * 3) % 31
  return w
})

export type CreditCodeProblem = 'length' | 'charset' | 'checksum'

/** Upper case without surrounding spaces: the form the server stores. */
export function normaliseCreditCode(code: string): string {
  return code.trim().toUpperCase()
}

/** The check character for the first 17 characters, or null when one is not in the charset. */
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0
  for (let i = 0; i < CREDIT_CODE_LENGTH - 1; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17.charAt(i))
    if (value < 0) return null
    sum += value * (WEIGHTS[i] ?? 0)
  }
  return CREDIT_CODE_CHARSET.charAt((31 - (sum % 31)) % 31)
}

/** What is wrong with a code (after normalising), or null when it is valid. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  const value = normaliseCreditCode(code)
  if (value.length !== CREDIT_CODE_LENGTH) return 'length'
  for (const ch of value) if (!CREDIT_CODE_CHARSET.includes(ch)) return 'charset'
  return creditCodeCheckChar(value.slice(0, -1)) === value.slice(-1) ? null : 'checksum'
}

/** True when `code` is a well-formed 统一社会信用代码 with the right check character. */
export function checkCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null
}
