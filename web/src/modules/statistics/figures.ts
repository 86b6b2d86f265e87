// Pure logic of the statistics pages: which figures are shown, how values and changes are written, the
// default period. No Vue, no I/O: tested in figures.test.ts.
import { shanghaiToday } from '@/shared/date'
import type { Indicator, IndicatorKind, Period, Values } from './types'

/** Whether a rise is good news (green), bad news (red) or neither (grey). */
export type Tone = 'good' | 'bad' | 'neutral'

export interface FigureDef {
  code: string
  /** Used when the catalogue (GET /statistics/indicators) has not answered. */
  kind: IndicatorKind
  rise: Tone
}

/** The dashboard's key figures, in display order. */
export const KEY_FIGURES: readonly FigureDef[] = [
  { code: 'E01', kind: 'STOCK', rise: 'neutral' },
  { code: 'C01', kind: 'RATIO', rise: 'good' },
  { code: 'O08', kind: 'RATIO', rise: 'good' },
  { code: 'O03', kind: 'STOCK', rise: 'good' },
  { code: 'SV03', kind: 'COUNT', rise: 'neutral' },
  { code: 'SV04', kind: 'COUNT', rise: 'neutral' },
  { code: 'SV06', kind: 'RATIO', rise: 'good' },
  { code: 'SV07', kind: 'RATIO', rise: 'good' },
  { code: 'H02', kind: 'STOCK', rise: 'bad' },
  { code: 'H03', kind: 'STOCK', rise: 'bad' },
  { code: 'SV11', kind: 'COUNT', rise: 'neutral' },
  { code: 'R02', kind: 'AVERAGE', rise: 'bad' },
]

/** Columns of the child breakdown (table, export). */
export const CHILD_COLUMNS: readonly string[] = [
  'E01',
  'C01',
  'O08',
  'O03',
  'SV03',
  'SV04',
  'SV06',
  'SV07',
  'H02',
  'H03',
  'SV11',
]

/** Indicators the child chart can rank by. */
export const CHART_CODES: readonly string[] = ['SV03', 'C01', 'SV06', 'H03', 'SV11']

/** The trend chart's series. */
export const TREND_CODES: readonly string[] = ['SV03', 'SV05', 'SV11']

/** Columns of the breakdown by ownership / size / industry (current values, no period). */
export const BREAKDOWN_COLUMNS: readonly string[] = ['E01', 'E02', 'E03', 'C01', 'E09', 'O08']

/** Columns of the enterprise list. */
export const ENTERPRISE_COLUMNS: readonly string[] = ['SV03', 'H01', 'H03', 'SV11']

const STATIC_KINDS: Record<string, IndicatorKind> = {
  ...Object.fromEntries(KEY_FIGURES.map((f) => [f.code, f.kind])),
  C02: 'RATIO',
  C03: 'RATIO',
  E02: 'STOCK',
  E03: 'STOCK',
  E09: 'STOCK',
  H01: 'STOCK',
  O01: 'STOCK',
  O04: 'STOCK',
  O05: 'STOCK',
}

/** An indicator's kind: the catalogue's when known, else what this page knows, else a count. */
export function kindOf(code: string, catalogue?: ReadonlyMap<string, Indicator>): IndicatorKind {
  const kind = catalogue?.get(code)?.kind
  const known: readonly string[] = ['COUNT', 'STOCK', 'RATIO', 'AVERAGE']
  if (kind !== undefined && known.includes(kind)) return kind as IndicatorKind
  return STATIC_KINDS[code] ?? 'COUNT'
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

const countFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

/** A value as shown: ratios as percentages with one decimal, averages with one decimal, counts grouped. */
export function formatValue(kind: IndicatorKind, value: number | null | undefined): string {
  if (!isNumber(value)) return '—'
  switch (kind) {
    case 'RATIO':
      return `${(Math.round(value * 1000) / 10).toFixed(1)}%`
    case 'AVERAGE':
      return (Math.round(value * 10) / 10).toFixed(1)
    default:
      return countFormat.format(value)
  }
}

export interface Change {
  direction: 'up' | 'down' | 'flat'
  /** Ratios: the difference in percentage points (one decimal). */
  points?: number
  /** Counts and averages: the relative change in % (one decimal), when the previous value is not 0. */
  percent?: number
  /** Counts and averages: the plain difference (used when the previous value is 0). */
  delta?: number
}

/**
 * The change from the previous period. None for stocks (the platform knows only their current value, so a
 * comparison would always be 0) and when either value is missing.
 */
export function changeOf(
  kind: IndicatorKind,
  current: number | null | undefined,
  previous: number | null | undefined,
): Change | null {
  if (kind === 'STOCK' || !isNumber(current) || !isNumber(previous)) return null
  if (kind === 'RATIO') {
    const points = Math.round((current - previous) * 1000) / 10
    return { direction: points > 0 ? 'up' : points < 0 ? 'down' : 'flat', points: Math.abs(points) }
  }
  const delta = Math.round((current - previous) * 10) / 10
  const direction = delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat'
  if (previous === 0) return { direction, delta: Math.abs(delta) }
  const percent = Math.round((Math.abs(current - previous) / Math.abs(previous)) * 1000) / 10
  return { direction, percent, delta: Math.abs(delta) }
}

/** Words the change text needs, from i18n. */
export interface ChangeWords {
  flat: string
  /** Unit after percentage points, e.g. "个百分点" / " pp". */
  points: string
}

/** "▲ 12.5%", "▼ 2.0个百分点", "▲ 5" (previous 0), "持平". */
export function formatChange(change: Change | null, words: ChangeWords): string {
  if (!change) return ''
  if (change.direction === 'flat') return words.flat
  const arrow = change.direction === 'up' ? '▲' : '▼'
  if (change.points !== undefined) return `${arrow} ${change.points.toFixed(1)}${words.points}`
  if (change.percent !== undefined) return `${arrow} ${change.percent.toFixed(1)}%`
  return `${arrow} ${countFormat.format(change.delta ?? 0)}`
}

/**
 * Whether a figure has a previous value to compare with: the API gives previous values for flows only, a stock
 * (and a ratio of stocks) is its current value.
 */
export function comparable(kind: IndicatorKind, previousValues: Values, code: string): boolean {
  return kind !== 'STOCK' && code in previousValues
}

/** Whether a change is good or bad news for this figure. */
export function toneOf(change: Change | null, rise: Tone): Tone {
  if (!change || change.direction === 'flat' || rise === 'neutral') return 'neutral'
  const good = change.direction === 'up' ? rise === 'good' : rise === 'bad'
  return good ? 'good' : 'bad'
}

/** `YYYY-MM` of `date` in China time. */
export function chinaMonth(date: Date): string {
  return shanghaiToday(date.getTime()).slice(0, 7)
}

/** January of the current year to the current month, China time (the API's default). */
export function defaultPeriod(now: Date = new Date()): Period {
  const to = chinaMonth(now)
  return { from: `${to.slice(0, 4)}-01`, to }
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

/** The period from a route query, or the default when absent or malformed (from after to: swapped). */
export function periodFromQuery(from: unknown, to: unknown, now: Date = new Date()): Period {
  if (typeof from !== 'string' || typeof to !== 'string' || !MONTH.test(from) || !MONTH.test(to)) {
    return defaultPeriod(now)
  }
  return from <= to ? { from, to } : { from: to, to: from }
}

/** C01 for a row whose values carry its counts (E03 / E01); null when there are no enterprises. */
export function coverageRate(values: Values): number | null {
  const all = values.E01
  const covered = values.E03
  if (!isNumber(all) || !isNumber(covered) || all === 0) return null
  return covered / all
}

/** A value of a row, with C01 recomputed from E03 / E01 when the row does not carry it. */
export function valueOf(values: Values, code: string): number | null {
  const value = values[code]
  if (isNumber(value)) return value
  if (code === 'C01' && value === undefined) return coverageRate(values)
  return null
}

/** Fen as yuan with two decimals, grouped ("12,345.60"). */
export function formatFen(fen: number | null | undefined): string {
  if (!isNumber(fen)) return '—'
  return (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
}

/** A plain percentage of two counts ("66.7%"), "—" when the denominator is 0. */
export function formatShare(part: number, whole: number): string {
  if (!isNumber(part) || !isNumber(whole) || whole === 0) return '—'
  return formatValue('RATIO', part / whole)
}
