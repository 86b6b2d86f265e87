/**
 * 国民经济行业分类 (GB/T 4754-2017): the divisions (大类, two digits) each section (门类, A–T)
 * covers, as in the API contract.
 */
export const SECTION_DIVISIONS: Readonly<Record<string, readonly [number, number]>> = {
  A: [1, 5],
  B: [6, 12],
  C: [13, 43],
  D: [44, 46],
  E: [47, 50],
  F: [51, 52],
  G: [53, 60],
  H: [61, 62],
  I: [63, 65],
  J: [66, 69],
  K: [70, 70],
  L: [71, 72],
  M: [73, 75],
  N: [76, 79],
  O: [80, 82],
  P: [83, 83],
  Q: [84, 85],
  R: [86, 90],
  S: [91, 96],
  T: [97, 97],
}

export const INDUSTRY_SECTIONS: readonly string[] = Object.keys(SECTION_DIVISIONS)

const two = (n: number) => String(n).padStart(2, '0')

/** `13–43` for C, `70` for K; empty for an unknown section. */
export function divisionRangeText(section: string): string {
  const range = SECTION_DIVISIONS[section]
  if (!range) return ''
  return range[0] === range[1] ? two(range[0]) : `${two(range[0])}–${two(range[1])}`
}

export type DivisionProblem = 'format' | 'range'

/**
 * Checks an optional division against its section: empty is fine; otherwise two digits inside
 * the section's range. With no (or an unknown) section only the format is checked: the section
 * field reports its own problem.
 */
export function divisionProblem(
  section: string | null | undefined,
  division: string | null | undefined,
): DivisionProblem | null {
  const value = (division ?? '').trim()
  if (value === '') return null
  if (!/^\d{2}$/.test(value)) return 'format'
  const range = section ? SECTION_DIVISIONS[section] : undefined
  if (!range) return null
  const n = Number(value)
  return n >= range[0] && n <= range[1] ? null : 'range'
}

/** The 行业 cell: `C 制造业 · 36` (label omitted when it is only the code again). */
export function industryText(
  section: string | null | undefined,
  division: string | null | undefined,
  sectionLabel: (code: string) => string,
): string {
  if (!section) return division ?? ''
  const label = sectionLabel(section)
  const head = label && label !== section ? `${section} ${label}` : section
  return division ? `${head} · ${division}` : head
}

/** 经济成分 codes starting with 2 are 非公有 (private, HK/Macao/Taiwan, foreign). */
export function isNonPublic(economicComponent: string | null | undefined): boolean {
  return typeof economicComponent === 'string' && economicComponent.startsWith('2')
}
