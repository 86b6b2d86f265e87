import { describe, expect, it } from 'vitest'
import {
  backTo,
  drillDown,
  drillTarget,
  formatPerThousand,
  formatRate,
  isLowRate,
  weakestFirst,
} from './coverageGaps'
import { gapRow } from './testing'

describe('formatRate', () => {
  it('shows a percentage with one decimal, and — without a rate', () => {
    expect(formatRate(0.4567)).toBe('45.7%')
    expect(formatRate(1)).toBe('100.0%')
    expect(formatRate(0)).toBe('0.0%')
    expect(formatRate(0.00049)).toBe('0.0%')
    expect(formatRate(null)).toBe('—')
    expect(formatRate(undefined)).toBe('—')
  })

  it('flags rates below 50 % as low, never null', () => {
    expect(isLowRate(0.4999)).toBe(true)
    expect(isLowRate(0.5)).toBe(false)
    expect(isLowRate(null)).toBe(false)
  })
})

describe('weakestFirst', () => {
  it('sorts ascending by rate, leaves out rows without enterprises, ties by uncovered count', () => {
    const rows = [
      gapRow(1, '甲街道', 10, 9),
      gapRow(2, '乙街道', 0, 0),
      gapRow(null, null, 4, 1),
      gapRow(3, '丙镇', 4, 2),
      gapRow(4, '丁镇', 20, 10),
    ]
    expect(weakestFirst(rows).map((r) => r.organisationName)).toEqual([
      null, // 本级直属 25 %
      '丁镇', // 50 %, 10 uncovered
      '丙镇', // 50 %, 2 uncovered
      '甲街道',
    ])
    expect(rows[0]?.organisationName).toBe('甲街道') // input untouched
  })
})

describe('drill-down', () => {
  const root = [{ id: 1, name: '南京市总工会' }]

  it('goes into a child row, not into the 本级直属 row', () => {
    const child = gapRow(5, '玄武区总工会', 3, 1)
    expect(drillTarget(child)).toEqual({ id: 5, name: '玄武区总工会' })
    expect(drillDown(root, child)).toEqual([...root, { id: 5, name: '玄武区总工会' }])
    const direct = gapRow(null, null, 3, 1)
    expect(drillTarget(direct)).toBeNull()
    expect(drillDown(root, direct)).toEqual(root)
  })

  it('goes back to a breadcrumb', () => {
    const path = [...root, { id: 5, name: '玄武区总工会' }, { id: 9, name: '某街道' }]
    expect(backTo(path, 0)).toEqual(root)
    expect(backTo(path, 1)).toEqual(path.slice(0, 2))
    expect(backTo(path, 7)).toEqual(path)
  })
})

describe('formatPerThousand', () => {
  it('shows two decimals, and a dash without workers', () => {
    expect(formatPerThousand(1.234)).toBe('1.23')
    expect(formatPerThousand(0)).toBe('0.00')
    expect(formatPerThousand(null)).toBe('—')
  })
})
