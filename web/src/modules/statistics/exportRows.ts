// The rows of the .xlsx exports: the dashboard's current view and the coverage and capacity report.
import type { Cell, Sheet } from './exportSheet'
import { codeCell, valueCell } from './exportSheet'
import { CHILD_COLUMNS, KEY_FIGURES, changeOf, comparable, formatChange, kindOf } from './figures'
import type { CapacityRow, CoverageCapacity, Dashboard, DashboardChild, Indicator } from './types'

/** vue-i18n's `t`, or anything that answers a key the same way. */
export type Translate = (key: string, params?: Record<string, unknown>) => string

export function childName(child: DashboardChild, t: Translate): string {
  return child.organisationId === null ? t('statistics.direct') : child.name
}

/** Indicator label: this page's short Chinese/English name, else the catalogue's, else the code. */
export function indicatorLabel(
  code: string,
  t: Translate,
  catalogue?: ReadonlyMap<string, Indicator>,
  locale: string = 'zh-CN',
): string {
  const key = `statistics.indicators.${code}`
  const own = t(key)
  if (own !== key) return own
  const entry = catalogue?.get(code)
  if (entry) return locale === 'en' ? entry.nameEn || entry.name : entry.name
  return code
}

/** Key figures (code, name, this period, previous period, change) and the child table. */
export function dashboardSheets(
  d: Dashboard,
  t: Translate,
  options: { catalogue?: ReadonlyMap<string, Indicator>; locale?: string; exportedAt: string },
): Sheet[] {
  const { catalogue, locale } = options
  const label = (code: string) => indicatorLabel(code, t, catalogue, locale)
  const title = t('statistics.export.title', {
    name: d.organisation.name,
    from: d.period.from,
    to: d.period.to,
  })
  const subtitle = t('statistics.export.subtitle', {
    prevFrom: d.previousPeriod.from,
    prevTo: d.previousPeriod.to,
    time: options.exportedAt,
  })
  const words = { flat: t('statistics.flat'), points: t('statistics.units.points') }
  const figures: Cell[][] = KEY_FIGURES.map((f) => {
    const kind = kindOf(f.code, catalogue)
    const current = d.values[f.code]
    const compared = comparable(kind, d.previousValues, f.code)
    const previous = compared ? d.previousValues[f.code] : null
    const change = compared ? changeOf(kind, current, previous) : null
    return [
      f.code,
      label(f.code),
      valueCell(kind, current),
      compared ? valueCell(kind, previous) : t('statistics.current'),
      formatChange(change, words),
    ]
  })
  const children: Cell[][] = d.children.map((child) => [
    childName(child, t),
    ...CHILD_COLUMNS.map((code) => codeCell(code, child.values[code], catalogue)),
  ])
  children.push([
    d.organisation.name,
    ...CHILD_COLUMNS.map((code) => codeCell(code, d.values[code], catalogue)),
  ])
  return [
    {
      name: t('statistics.export.figuresSheet'),
      title,
      subtitle,
      header: [
        t('statistics.export.code'),
        t('statistics.export.indicator'),
        t('statistics.export.currentValue'),
        t('statistics.export.previousValue'),
        t('statistics.export.change'),
      ],
      rows: figures,
    },
    {
      name: t('statistics.export.childrenSheet'),
      title,
      subtitle,
      header: [t('statistics.export.organisation'), ...CHILD_COLUMNS.map(label)],
      rows: children,
    },
  ]
}

/** The name of a coverage-capacity row: its level's name, or its organisation's. */
export function levelName(row: CapacityRow, t: Translate): string {
  if (row.name) return row.name
  if (row.level === undefined || row.level === null) return ''
  const key = `statistics.capacity.levels.${row.level}`
  const known = t(key)
  return known !== key ? known : t('statistics.capacity.levelN', { n: row.level })
}

/** Columns of the coverage and capacity report, the same in the table and the export. */
export const CAPACITY_COLUMNS: readonly {
  key: string
  label: string
  cell: (row: CapacityRow) => Cell
}[] = [
  { key: 'organisations', label: 'organisations', cell: (r) => r.organisations },
  { key: 'withDepartment', label: 'withDepartment', cell: (r) => r.withDepartment },
  { key: 'enterprises', label: 'enterprises', cell: (r) => r.enterprises },
  { key: 'covered', label: 'covered', cell: (r) => r.covered },
  {
    key: 'coverageRate',
    label: 'coverageRate',
    cell: (r) => valueCell('RATIO', r.enterprises ? r.covered / r.enterprises : null),
  },
  { key: 'nonPublic', label: 'nonPublic', cell: (r) => r.nonPublic },
  { key: 'nonPublicCovered', label: 'nonPublicCovered', cell: (r) => r.nonPublicCovered },
  {
    key: 'nonPublicRate',
    label: 'nonPublicRate',
    cell: (r) => valueCell('RATIO', r.nonPublic ? r.nonPublicCovered / r.nonPublic : null),
  },
  { key: 'smallAndMicro', label: 'smallAndMicro', cell: (r) => r.smallAndMicro },
  {
    key: 'smallAndMicroCovered',
    label: 'smallAndMicroCovered',
    cell: (r) => r.smallAndMicroCovered,
  },
  {
    key: 'smallAndMicroRate',
    label: 'smallAndMicroRate',
    cell: (r) =>
      valueCell('RATIO', r.smallAndMicro ? r.smallAndMicroCovered / r.smallAndMicro : null),
  },
  { key: 'committees', label: 'committees', cell: (r) => r.committees },
  { key: 'inspectors', label: 'inspectors', cell: (r) => r.inspectors },
  { key: 'fulltimeCadres', label: 'fulltimeCadres', cell: (r) => r.fulltimeCadres },
  { key: 'parttimeCadres', label: 'parttimeCadres', cell: (r) => r.parttimeCadres },
  {
    key: 'budgetPlanned',
    label: 'budgetPlanned',
    cell: (r) => ({ value: r.budgetPlannedFen / 100, numFmt: '#,##0.00' }),
  },
  {
    key: 'budgetSpent',
    label: 'budgetSpent',
    cell: (r) => ({ value: r.budgetSpentFen / 100, numFmt: '#,##0.00' }),
  },
]

/** One sheet: the levels (with 其中：县以下 and 合计), then the organisations below. */
export function capacitySheets(
  report: CoverageCapacity,
  t: Translate,
  options: { organisationName: string; year: number; exportedAt: string },
): Sheet[] {
  const line = (name: string, row: CapacityRow): Cell[] => [
    name,
    ...CAPACITY_COLUMNS.map((c) => c.cell(row)),
  ]
  const rows: Cell[][] = [[t('statistics.capacity.byLevel')]]
  for (const row of report.levels) rows.push(line(levelName(row, t), row))
  if (report.belowCounty) rows.push(line(t('statistics.capacity.belowCounty'), report.belowCounty))
  if (report.total) rows.push(line(t('statistics.capacity.total'), report.total))
  if (report.children.length > 0) {
    rows.push([t('statistics.capacity.byChild')])
    for (const row of report.children) rows.push(line(levelName(row, t), row))
  }
  return [
    {
      name: t('statistics.capacity.sheet'),
      title: `${options.organisationName} ${t('statistics.capacity.title')}`,
      subtitle: t('statistics.capacity.subtitle', {
        name: options.organisationName,
        year: options.year,
        time: options.exportedAt,
      }),
      header: [
        t('statistics.capacity.level'),
        ...CAPACITY_COLUMNS.map((c) => t(`statistics.capacity.${c.label}`)),
      ],
      rows,
    },
  ]
}
