// Fixtures for this module's tests (only tests import this file): answers shaped like ADR 0013's contract.
import type { CapacityRow, Dashboard, DashboardChild, Values } from './types'

export function values(over: Values = {}): Values {
  return {
    E01: 120,
    E03: 90,
    E09: 45,
    C01: 0.75,
    O08: 0.5,
    O03: 30,
    SV03: 40,
    SV04: 2,
    SV05: 32,
    SV06: 0.8,
    SV07: 0.9,
    H01: 8,
    H02: 1,
    H03: 3,
    SV11: 12,
    R02: 5.25,
    ...over,
  }
}

export function child(
  id: number | null,
  name: string,
  hasChildren: boolean,
  over: Values = {},
  level: number | null = 2,
): DashboardChild {
  return { organisationId: id, name, level, hasChildren, values: values(over) }
}

/** Previous values as the API gives them: flows only (a stock, and a ratio of stocks, has no past value). */
export function flows(over: Values = {}): Values {
  const all = values(over)
  const codes = ['SV03', 'SV04', 'SV05', 'SV06', 'SV07', 'SV11', 'R02']
  return Object.fromEntries(codes.map((code) => [code, all[code]]))
}

function trend(to: string, scale = 1): Dashboard['trend'] {
  const [y, m] = to.split('-').map(Number) as [number, number]
  const out: Dashboard['trend'] = []
  for (let i = 11; i >= 0; i--) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1))
    const month = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
    out.push({
      month,
      values: { SV03: (12 - i) * scale, SV04: 0, SV05: (11 - i) * scale, SV11: i },
    })
  }
  return out
}

/** Dashboards of a small tree: 江苏省总工会 (1) → 南京市总工会 (2) → 玄武区总工会 (21, a leaf). */
export function dashboards(period = { from: '2026-01', to: '2026-11' }): Record<number, Dashboard> {
  const previousPeriod = { from: '2025-02', to: '2025-12' }
  const base = { period, previousPeriod, generatedAt: Date.UTC(2026, 10, 29, 8, 0) }
  return {
    1: {
      ...base,
      organisation: { id: 1, name: '江苏省总工会', level: 1, hasChildren: true },
      values: values({ E01: 1200, SV03: 400 }),
      previousValues: flows({ SV03: 500, SV06: 0.75, R02: 5.25, SV07: null }),
      children: [
        child(2, '南京市总工会', true, { E01: 700, SV03: 300 }),
        child(3, '无锡市总工会', true, { E01: 500, SV03: 100 }),
        child(null, '江苏省总工会', false, { E01: 0, SV03: 0, C01: null }, null),
      ],
      trend: trend(period.to, 10),
      breadcrumbs: [{ id: 1, name: '江苏省总工会' }],
    },
    2: {
      ...base,
      organisation: { id: 2, name: '南京市总工会', level: 2, hasChildren: true },
      values: values({ E01: 700, SV03: 300 }),
      previousValues: flows({ SV03: 150 }),
      children: [child(21, '玄武区总工会', false, { E01: 300, SV03: 120 }, 3)],
      trend: trend(period.to, 5),
      breadcrumbs: [
        { id: 1, name: '江苏省总工会' },
        { id: 2, name: '南京市总工会' },
      ],
    },
    21: {
      ...base,
      organisation: { id: 21, name: '玄武区总工会', level: 3, hasChildren: false },
      values: values({ E01: 300, SV03: 120 }),
      previousValues: flows({ SV03: 100 }),
      children: [],
      trend: trend(period.to, 2),
      breadcrumbs: [
        { id: 1, name: '江苏省总工会' },
        { id: 2, name: '南京市总工会' },
        { id: 21, name: '玄武区总工会' },
      ],
    },
  }
}

export function capacityRow(over: Partial<CapacityRow> = {}): CapacityRow {
  return {
    organisations: 10,
    withDepartment: 4,
    enterprises: 200,
    covered: 150,
    nonPublic: 160,
    nonPublicCovered: 100,
    smallAndMicro: 120,
    smallAndMicroCovered: 60,
    committees: 40,
    inspectors: 55,
    fulltimeCadres: 6,
    parttimeCadres: 14,
    budgetPlannedFen: 12_345_600,
    budgetSpentFen: 10_000_050,
    ...over,
  }
}
