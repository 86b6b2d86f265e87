import { describe, expect, it } from 'vitest'
import {
  changeOf,
  comparable,
  chinaMonth,
  defaultPeriod,
  formatChange,
  formatFen,
  formatShare,
  formatValue,
  kindOf,
  periodFromQuery,
  toneOf,
  valueOf,
} from './figures'
import { litRegions, regionOf } from './regions'
import { dashboards } from './testing'
import type { Indicator } from './types'

const zh = { flat: '持平', points: '个百分点' }

describe('formatValue', () => {
  it('writes ratios as percentages, averages with one decimal, counts grouped, nothing as —', () => {
    expect(formatValue('RATIO', 0.7512)).toBe('75.1%')
    expect(formatValue('RATIO', 1)).toBe('100.0%')
    expect(formatValue('RATIO', 0)).toBe('0.0%')
    expect(formatValue('AVERAGE', 5.25)).toBe('5.3')
    expect(formatValue('COUNT', 1234567)).toBe('1,234,567')
    expect(formatValue('STOCK', 0)).toBe('0')
    expect(formatValue('RATIO', null)).toBe('—')
    expect(formatValue('COUNT', undefined)).toBe('—')
  })
})

describe('changeOf and formatChange', () => {
  it('gives counts a relative change in %', () => {
    const up = changeOf('COUNT', 1200, 1000)
    expect(up).toEqual({ direction: 'up', percent: 20, delta: 200 })
    expect(formatChange(up, zh)).toBe('▲ 20.0%')
    expect(formatChange(changeOf('COUNT', 400, 500), zh)).toBe('▼ 20.0%')
    expect(formatChange(changeOf('COUNT', 1, 3), zh)).toBe('▼ 66.7%')
    expect(formatChange(changeOf('COUNT', 7, 7), zh)).toBe('持平')
  })

  it('gives ratios the difference in percentage points, not a percentage of a percentage', () => {
    const c = changeOf('RATIO', 0.75, 0.7)
    expect(c).toEqual({ direction: 'up', points: 5 })
    expect(formatChange(c, zh)).toBe('▲ 5.0个百分点')
    expect(formatChange(changeOf('RATIO', 0.8, 0.823), { flat: '=', points: ' pp' })).toBe(
      '▼ 2.3 pp',
    )
    expect(formatChange(changeOf('RATIO', 0.5, 0.5), zh)).toBe('持平')
  })

  it('writes the plain difference when the previous value is 0', () => {
    expect(changeOf('COUNT', 5, 0)).toEqual({ direction: 'up', delta: 5 })
    expect(formatChange(changeOf('COUNT', 5, 0), zh)).toBe('▲ 5')
    expect(formatChange(changeOf('COUNT', 0, 0), zh)).toBe('持平')
  })

  it('compares averages like counts', () => {
    expect(formatChange(changeOf('AVERAGE', 6, 8), zh)).toBe('▼ 25.0%')
  })

  it('has no change for stocks or missing values', () => {
    expect(changeOf('STOCK', 3, 99)).toBeNull()
    expect(changeOf('RATIO', null, 0.5)).toBeNull()
    expect(changeOf('COUNT', 3, undefined)).toBeNull()
    expect(formatChange(null, zh)).toBe('')
  })

  it('colours a change by whether a rise is good news', () => {
    expect(toneOf(changeOf('RATIO', 0.8, 0.7), 'good')).toBe('good')
    expect(toneOf(changeOf('RATIO', 0.6, 0.7), 'good')).toBe('bad')
    expect(toneOf(changeOf('AVERAGE', 6, 8), 'bad')).toBe('good')
    expect(toneOf(changeOf('COUNT', 6, 8), 'neutral')).toBe('neutral')
    expect(toneOf(changeOf('COUNT', 8, 8), 'good')).toBe('neutral')
    expect(toneOf(null, 'good')).toBe('neutral')
  })
})

describe('kindOf', () => {
  it("takes the catalogue's kind, else this page's, else a count", () => {
    const catalogue = new Map<string, Indicator>([
      [
        'E01',
        {
          code: 'E01',
          name: '企业数',
          nameEn: 'Enterprises',
          unit: '家',
          kind: 'COUNT',
          numerator: null,
          denominator: null,
          definition: '',
          definitionEn: '',
        },
      ],
    ])
    expect(kindOf('E01', catalogue)).toBe('COUNT')
    expect(kindOf('E01')).toBe('STOCK')
    expect(kindOf('C01')).toBe('RATIO')
    expect(kindOf('R02')).toBe('AVERAGE')
    expect(kindOf('H03')).toBe('STOCK')
    expect(kindOf('XX9')).toBe('COUNT')
  })
})

describe('comparable', () => {
  it('compares flows that have a previous value, never stocks', () => {
    const previous = { SV03: 5, SV06: 0.5 }
    expect(comparable('COUNT', previous, 'SV03')).toBe(true)
    expect(comparable('RATIO', previous, 'SV06')).toBe(true)
    // A ratio of stocks (C01 = E03 / E01) has no previous value in the answer.
    expect(comparable('RATIO', previous, 'C01')).toBe(false)
    expect(comparable('STOCK', { H03: 2 }, 'H03')).toBe(false)
  })
})

describe('periods', () => {
  it('uses China time: 16:30 UTC on 31 December is already January in Beijing', () => {
    expect(chinaMonth(new Date(Date.UTC(2026, 11, 31, 16, 30)))).toBe('2027-01')
    expect(defaultPeriod(new Date(Date.UTC(2026, 10, 29, 12)))).toEqual({
      from: '2026-01',
      to: '2026-11',
    })
  })

  it('reads a period from the route, swapping reversed ends and ignoring bad months', () => {
    const now = new Date(Date.UTC(2026, 10, 29, 12))
    expect(periodFromQuery('2025-03', '2025-06', now)).toEqual({ from: '2025-03', to: '2025-06' })
    expect(periodFromQuery('2025-06', '2025-03', now)).toEqual({ from: '2025-03', to: '2025-06' })
    expect(periodFromQuery('2025-13', '2025-06', now)).toEqual({ from: '2026-01', to: '2026-11' })
    expect(periodFromQuery(undefined, undefined, now)).toEqual({ from: '2026-01', to: '2026-11' })
  })
})

describe('values', () => {
  it('recomputes union coverage from the counts when a row does not carry it', () => {
    expect(valueOf({ E01: 4, E03: 3 }, 'C01')).toBe(0.75)
    expect(valueOf({ E01: 0, E03: 0 }, 'C01')).toBeNull()
    expect(valueOf({ E01: 4, E03: 3, C01: null }, 'C01')).toBeNull()
    expect(valueOf({ SV03: 7 }, 'SV03')).toBe(7)
    expect(valueOf({}, 'SV03')).toBeNull()
  })

  it('writes fen as yuan and shares of counts', () => {
    expect(formatFen(12_345_600)).toBe('123,456.00')
    expect(formatFen(5)).toBe('0.05')
    expect(formatShare(2, 3)).toBe('66.7%')
    expect(formatShare(1, 0)).toBe('—')
  })
})

describe('regionOf', () => {
  it('finds the map region an organisation name starts with', () => {
    expect(regionOf('江苏省总工会')).toBe('江苏')
    expect(regionOf('内蒙古自治区总工会')).toBe('内蒙古')
    expect(regionOf('广西壮族自治区总工会')).toBe('广西')
    expect(regionOf('陕西省总工会')).toBe('陕西')
    expect(regionOf('南京市总工会')).toBeNull()
    expect(regionOf('')).toBeNull()
  })

  it('lights the province itself, child provinces above it, and nothing below it', () => {
    const lines = (v: Record<string, unknown>) => [`E01 ${String(v.E01)}`]
    const all = dashboards()
    expect(litRegions(all[1]!, lines)).toEqual([
      { region: '江苏', name: '江苏省总工会', lines: ['E01 1200'] },
    ])
    expect(litRegions(all[2]!, lines)).toEqual([])
    const nation = {
      ...all[1]!,
      organisation: { id: 0, name: '中华全国总工会', level: 0, hasChildren: true },
      children: [
        { ...all[1]!.children[0]!, organisationId: 1, name: '江苏省总工会' },
        { ...all[1]!.children[1]!, organisationId: 5, name: '浙江省总工会' },
      ],
    }
    expect(litRegions(nation, lines).map((r) => r.region)).toEqual(['江苏', '浙江'])
  })
})
