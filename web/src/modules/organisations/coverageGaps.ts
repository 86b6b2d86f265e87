// Pure helpers of the coverage-gap page (建会覆盖分析): formatting, chart order, drill-down.
import type { Id } from '@/shared/types'
import type { CoverageGapRow } from './types'

/** Rates below this are highlighted as weak. */
export const LOW_RATE = 0.5

/** A 0–1 rate as a percentage with one decimal (`0.4567` → `45.7%`); `—` when null. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—'
  return `${(rate * 100).toFixed(1)}%`
}

/** Inspectors per 1,000 workers with two decimals; `—` when null. */
export function formatPerThousand(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  return value.toFixed(2)
}

export function isLowRate(rate: number | null | undefined): boolean {
  return rate !== null && rate !== undefined && rate < LOW_RATE
}

/** The organisation a row drills down to; null for the 本级直属 row. */
export function drillTarget(row: CoverageGapRow): { id: Id; name: string } | null {
  if (row.direct || row.organisationId === null) return null
  return { id: row.organisationId, name: row.organisationName ?? String(row.organisationId) }
}

/**
 * Rows for the bar chart, weakest coverage first. Rows without enterprises (rate null) have no
 * bar and are left out; ties keep the larger number of uncovered enterprises first, then the name.
 */
export function weakestFirst(rows: readonly CoverageGapRow[]): CoverageGapRow[] {
  return rows
    .filter((row) => row.coverageRate !== null)
    .sort(
      (a, b) =>
        (a.coverageRate ?? 0) - (b.coverageRate ?? 0) ||
        b.enterprises - b.covered - (a.enterprises - a.covered) ||
        (a.organisationName ?? '').localeCompare(b.organisationName ?? ''),
    )
}

/** One breadcrumb: an organisation of the drill-down path. */
export interface Crumb {
  id: Id
  name: string
}

/** The path after drilling into `row` from the last organisation of `path` (unchanged for 本级直属). */
export function drillDown(path: readonly Crumb[], row: CoverageGapRow): Crumb[] {
  const target = drillTarget(row)
  if (!target) return [...path]
  return [...path, target]
}

/** The path after clicking breadcrumb `index` (that organisation becomes the last). */
export function backTo(path: readonly Crumb[], index: number): Crumb[] {
  if (index < 0 || index >= path.length) return [...path]
  return path.slice(0, index + 1)
}
