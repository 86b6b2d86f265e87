import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { h, type Slots } from 'vue'
import { invalidateDicts } from '@/shared/composables/useDict'
import { i18n, setLocale } from '@/shared/i18n'
import CoverageGapsPage from './CoverageGapsPage.vue'
import { fakeApi, gapRow, json, signIn, type FakeCall } from './testing'
import type { CoverageCounts, CoverageGapReport, CoverageGapRow } from './types'

// ECharts needs a canvas: the chart is replaced by a list of its rows (clickable, like the bars).
// ECharts needs a canvas: the chart is replaced by a list of its rows (clickable, like the bars).
vi.mock('./CoverageGapChart.vue', () => ({
  __esModule: true,
  default: (props: { rows: CoverageGapRow[]; onSelect?: (row: CoverageGapRow) => void }) =>
    h(
      'ul',
      { class: 'chart-stub' },
      props.rows.map((row) =>
        h('li', { onClick: () => props.onSelect?.(row) }, row.organisationName ?? '本级直属'),
      ),
    ),
}))

const RouterLinkStub = {
  props: { to: { type: Object, required: true } },
  setup(props: Record<string, unknown>, { slots }: { slots: Slots }) {
    const href = `#stub:${JSON.stringify(props.to)}`
    return () =>
      h(
        'span',
        { 'data-to': JSON.stringify(props.to) },
        slots.default?.({ href, navigate: () => {} }),
      )
  },
}

function totalOf(rows: CoverageGapRow[]): CoverageCounts {
  const sum = gapRow(
    0,
    '',
    rows.reduce((n, r) => n + r.enterprises, 0),
    rows.reduce((n, r) => n + r.covered, 0),
  )
  return {
    enterprises: sum.enterprises,
    workers: sum.workers,
    covered: sum.covered,
    coveredWorkers: sum.coveredWorkers,
    nonPublic: sum.nonPublic,
    nonPublicCovered: sum.nonPublicCovered,
    smallAndMicro: sum.smallAndMicro,
    smallAndMicroCovered: sum.smallAndMicroCovered,
    coverageRate: sum.coverageRate,
    workerCoverageRate: sum.workerCoverageRate,
    nonPublicCoverageRate: sum.nonPublicCoverageRate,
    smallAndMicroCoverageRate: sum.smallAndMicroCoverageRate,
    withCommittee: rows.reduce((n, r) => n + r.withCommittee, 0),
    withCommitteeRate: sum.withCommitteeRate,
    inspectors: rows.reduce((n, r) => n + r.inspectors, 0),
    inspectorsPerThousandWorkers: sum.inspectorsPerThousandWorkers,
  }
}

const provinceRows = [
  gapRow(2, '福州市总工会', 10, 8),
  gapRow(3, '厦门市总工会', 4, 1),
  gapRow(4, '莆田市总工会', 0, 0),
  gapRow(null, null, 2, 2),
]
const fuzhouRows = [gapRow(21, '鼓楼区总工会', 6, 6), gapRow(22, '台江区总工会', 4, 2)]

const reports: Record<string, CoverageGapReport> = {
  '/organisations/1/coverage-gaps': {
    organisationId: 1,
    organisationName: '福建省总工会',
    total: totalOf(provinceRows),
    rows: provinceRows,
  },
  '/organisations/2/coverage-gaps': {
    organisationId: 2,
    organisationName: '福州市总工会',
    total: totalOf(fuzhouRows),
    rows: fuzhouRows,
  },
}

function answer(call: FakeCall): Response | undefined {
  const report = reports[call.path]
  if (report && call.method === 'GET') return json(200, report)
  return undefined
}

const PERMISSIONS = [
  'organisation:org:view',
  'organisation:enterprise:view',
  'organisation:enterprise:export',
]

function mountPage(permissions = PERMISSIONS) {
  const api = fakeApi(answer)
  const wrapper = mount(CoverageGapsPage, {
    global: { plugins: [signIn(permissions), i18n], stubs: { RouterLink: RouterLinkStub } },
    attachTo: document.body,
  })
  return { wrapper, ...api }
}

async function settle() {
  for (let i = 0; i < 3; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
  }
}

beforeEach(() => {
  setLocale('zh-CN')
  invalidateDicts()
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('CoverageGapsPage', () => {
  it("shows the user's organisation: key figures, one table row per child, the chart", async () => {
    const { wrapper, calls } = mountPage()
    await settle()

    expect(calls.map((c) => c.path)).toContain('/organisations/1/coverage-gaps')
    expect(wrapper.get('[data-testid="gap-total-enterprises"]').text()).toBe('16')
    expect(wrapper.get('[data-testid="gap-total-rate"]').text()).toBe('68.8%') // 11 / 16
    expect(wrapper.get('[data-testid="gap-total-small-rate"]').text()).toBe('—')
    expect(wrapper.get('[data-testid="gap-breadcrumb"]').text()).toContain('福建省总工会')

    const trs = wrapper.findAll('[data-testid="gap-table"] .el-table__body tr')
    expect(trs).toHaveLength(4)
    const texts = trs.map((tr) => tr.text())
    expect(texts[0]).toContain('福州市总工会')
    expect(texts[0]).toContain('80.0%')
    expect(texts[1]).toContain('厦门市总工会')
    expect(texts[1]).toContain('25.0%')
    expect(trs[1]?.find('.low').text()).toBe('25.0%') // < 50 %: highlighted
    expect(trs[0]?.find('.low').exists()).toBe(false)
    expect(texts[2]).toContain('—') // no enterprises: no rate
    expect(texts[3]).toContain('本级直属')
    // The supervision network columns: committees among the covered, inspectors per 1,000 workers.
    expect(trs[0]?.get('[data-testid="gap-with-committee-rate"]').text()).toBe('50.0%') // 4 / 8
    expect(trs[0]?.get('[data-testid="gap-inspectors-per-thousand"]').text()).toBe('100.00')
    expect(trs[2]?.get('[data-testid="gap-inspectors-per-thousand"]').text()).toBe('—')
    expect(wrapper.get('[data-testid="gap-total-network"]').text()).toContain('16')

    // The chart gets the rows (it sorts them itself).
    expect(wrapper.findAll('.chart-stub li')).toHaveLength(4)

    const exportLink = wrapper.get('[data-testid="gap-export"]')
    expect(exportLink.attributes('href')).toBe('/api/v1/organisations/1/coverage-gaps/export')
    const link = wrapper.get('[data-testid="gap-uncovered"]').element.closest('[data-to]')
    const to = JSON.parse(link?.getAttribute('data-to') ?? '') as unknown
    expect(to).toEqual({
      name: 'enterprises',
      query: { organisationId: '1', organisationName: '福建省总工会', coverageType: 'NONE' },
    })
    wrapper.unmount()
  })

  it('drills down on a row click and goes back with the breadcrumbs', async () => {
    const { wrapper, calls } = mountPage()
    await settle()

    // The 本级直属 row does not drill.
    const rows = () => wrapper.findAll('[data-testid="gap-table"] .el-table__body tr')
    await rows()[3]?.trigger('click')
    await settle()
    expect(calls.filter((c) => c.path.endsWith('/coverage-gaps'))).toHaveLength(1)

    await rows()[0]?.trigger('click')
    await settle()
    expect(calls.at(-1)?.path).toBe('/organisations/2/coverage-gaps')
    expect(wrapper.get('[data-testid="gap-total-enterprises"]').text()).toBe('10')
    expect(rows()).toHaveLength(2)
    expect(rows()[1]?.text()).toContain('台江区总工会')
    const crumbs = wrapper.get('[data-testid="gap-breadcrumb"]')
    expect(crumbs.text()).toContain('福建省总工会')
    expect(crumbs.text()).toContain('福州市总工会')
    expect(wrapper.get('[data-testid="gap-export"]').attributes('href')).toContain(
      '/organisations/2/',
    )

    await crumbs.get('a.crumb-link').trigger('click')
    await settle()
    expect(calls.at(-1)?.path).toBe('/organisations/1/coverage-gaps')
    expect(rows()).toHaveLength(4)
    expect(wrapper.get('[data-testid="gap-breadcrumb"]').find('a.crumb-link').exists()).toBe(false)
    wrapper.unmount()
  })

  it('drills down from the chart, and hides the export without its permission', async () => {
    const { wrapper, calls } = mountPage(['organisation:org:view', 'organisation:enterprise:view'])
    await settle()
    expect(wrapper.find('[data-testid="gap-export"]').exists()).toBe(false)
    await wrapper.findAll('.chart-stub li')[0]?.trigger('click')
    await settle()
    expect(calls.at(-1)?.path).toBe('/organisations/2/coverage-gaps')
    wrapper.unmount()
  })
})
