import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n, setLocale } from '@/shared/i18n'
import { fakeApi, json, signIn, type FakeCall } from '@/modules/organisations/testing'
import { resetCatalogue } from './catalogue'
import type * as ExportSheet from './exportSheet'
import type { Sheet } from './exportSheet'
import { cellText } from './exportSheet'
import DashboardPage from './DashboardPage.vue'
import { dashboards } from './testing'
import type { DashboardChild, MapRegion, TrendPoint } from './types'

// ECharts needs a canvas: each chart is replaced by a list of what it was given (bars stay clickable).
vi.mock('./ChildrenChart.vue', () => ({
  __esModule: true,
  default: (props: {
    rows: DashboardChild[]
    code: string
    onSelect?: (row: DashboardChild) => void
  }) =>
    h(
      'ul',
      { class: 'children-chart-stub', 'data-code': props.code },
      props.rows.map((row) => h('li', { onClick: () => props.onSelect?.(row) }, row.name)),
    ),
}))
vi.mock('./TrendChart.vue', () => ({
  __esModule: true,
  default: (props: { points: TrendPoint[] }) =>
    h('div', { class: 'trend-stub' }, props.points.map((p) => p.month).join(',')),
}))
vi.mock('./ChinaMap.vue', () => ({
  __esModule: true,
  default: (props: { regions: MapRegion[] }) =>
    h(
      'div',
      { class: 'map-stub' },
      props.regions.map((r) => `${r.region}|${r.name}|${r.lines.join(';')}`),
    ),
}))
// The workbook itself is tested in exportRows.test.ts; here: what the page hands to it.
const exported: { sheets: Sheet[]; filename: string }[] = []
vi.mock('./exportSheet', async (importOriginal) => ({
  ...(await importOriginal<typeof ExportSheet>()),
  exportXlsx: vi.fn(async (sheets: Sheet[], filename: string) => {
    exported.push({ sheets, filename })
  }),
}))

function answer(call: FakeCall): Response | undefined {
  if (call.method !== 'GET') return undefined
  if (call.path === '/statistics/dashboard') {
    const d = dashboards({ from: call.query.get('from') ?? '', to: call.query.get('to') ?? '' })[
      Number(call.query.get('organisationId'))
    ]
    return d ? json(200, d) : json(404, { code: 'not_found', message: '组织不存在' })
  }
  if (call.path === '/statistics/indicators') {
    return json(200, {
      items: [
        {
          code: 'E01',
          name: '企业数',
          nameEn: 'Enterprises',
          unit: '家',
          kind: 'COUNT',
          numerator: null,
          denominator: null,
          definition: '辖区内在册企业数',
          definitionEn: 'Registered enterprises',
        },
      ],
    })
  }
  if (call.path === '/statistics/breakdown') {
    const by = call.query.get('by')
    return json(200, {
      by,
      rows: [
        {
          key: by === 'size' ? 'SMALL' : '21',
          label: by === 'size' ? '小型' : '私有经济',
          labelEn: by === 'size' ? 'Small' : 'Private',
          values: { E01: 80, E02: 900, E03: 60, E09: 20, SV03: 12, H01: 3 },
        },
      ],
    })
  }
  if (call.path === '/statistics/enterprises') {
    return json(200, {
      items: [
        {
          id: 501,
          name: '南京钟山精密机械有限公司',
          creditCode: '91320102MA0000001X',
          organisationName: '玄武区总工会',
          covered: true,
          values: { SV03: 4, H01: 1, H03: 0, SV11: 2 },
        },
      ],
      total: 1,
    })
  }
  return undefined
}

async function settle() {
  for (let i = 0; i < 4; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
  }
}

async function mountPage(query: Record<string, string> = {}) {
  const api = fakeApi(answer)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/statistics/dashboard', name: 'statistics-dashboard', component: DashboardPage },
      { path: '/statistics/wall', name: 'statistics-wall', component: { render: () => null } },
    ],
  })
  await router.push({ path: '/statistics/dashboard', query })
  await router.isReady()
  const wrapper = mount(DashboardPage, {
    global: { plugins: [signIn(['statistics:dashboard:view']), i18n, router] },
    attachTo: document.body,
  })
  await settle()
  return { wrapper, router, ...api }
}

const dashboardCalls = (calls: FakeCall[]) =>
  calls.filter((c) => c.path === '/statistics/dashboard')
const figure = (wrapper: Awaited<ReturnType<typeof mountPage>>['wrapper'], code: string) => ({
  value: wrapper.get(`[data-testid="stat-figure-${code}"] [data-test="value"]`).text(),
  change: wrapper.find(`[data-testid="stat-figure-${code}"] [data-test="change"]`),
  text: wrapper.get(`[data-testid="stat-figure-${code}"]`).text(),
})
const childRows = (wrapper: Awaited<ReturnType<typeof mountPage>>['wrapper']) =>
  wrapper.findAll('[data-testid="stat-children"] .el-table__body tr')

beforeEach(() => {
  setLocale('zh-CN')
  resetCatalogue()
  exported.length = 0
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(Date.UTC(2026, 10, 29, 8)) })
})
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

describe('DashboardPage', () => {
  it("opens on the user's organisation for January to this month, with figures and changes", async () => {
    const { wrapper, calls } = await mountPage()
    const first = dashboardCalls(calls)[0]
    expect(first?.query.get('organisationId')).toBe('1')
    expect(first?.query.get('from')).toBe('2026-01')
    expect(first?.query.get('to')).toBe('2026-11')

    expect(figure(wrapper, 'E01').value).toBe('1,200')
    expect(figure(wrapper, 'C01').value).toBe('75.0%')
    expect(figure(wrapper, 'SV06').change.text()).toBe('▲ 5.0个百分点')
    expect(figure(wrapper, 'SV06').change.classes()).toContain('good')
    expect(figure(wrapper, 'SV03').change.text()).toBe('▼ 20.0%')
    // A ratio whose previous denominator was 0 has nothing to compare with.
    expect(figure(wrapper, 'SV07').change.text()).toBe('上期无可比数据')
    expect(figure(wrapper, 'R02').text).toContain('5.3')
    expect(figure(wrapper, 'R02').text).toContain('小时')
    // A stock (and a ratio of stocks) shows its current value, not a comparison.
    for (const code of ['E01', 'C01', 'H03']) {
      expect(figure(wrapper, code).change.exists()).toBe(false)
      expect(figure(wrapper, code).text).toContain('现值')
    }
    // The catalogue's definition is the card's tooltip.
    expect(wrapper.get('[data-testid="stat-figure-E01"]').attributes('title')).toBe(
      '辖区内在册企业数',
    )

    expect(wrapper.get('[data-testid="stat-crumb-current"]').text()).toBe('江苏省总工会')
    const rows = childRows(wrapper)
    expect(rows.map((r) => r.find('td').text())).toEqual([
      '南京市总工会',
      '无锡市总工会',
      '本级直属',
    ])
    expect(rows[0]?.text()).toContain('700')
    expect(wrapper.find('.trend-stub').text().split(',')).toHaveLength(12)
    // The province is lit on the map of China with its own figures.
    expect(wrapper.get('.map-stub').text()).toBe(
      '江苏|江苏省总工会|企业数：1,200;建会覆盖率：75.0%;发现隐患：400;逾期未整改：3',
    )
    // The first breakdown tab has loaded.
    const breakdown = calls.find((c) => c.path === '/statistics/breakdown')
    expect(breakdown?.query.get('by')).toBe('ownership')
    expect(wrapper.get('[data-testid="stat-breakdown-ownership"]').text()).toContain('私有经济')
    expect(wrapper.get('[data-testid="stat-breakdown-ownership"]').text()).toContain('75.0%') // 60 / 80
    wrapper.unmount()
  })

  it('drills down to a city, then to a county without children (its enterprises), and back up', async () => {
    const { wrapper, calls, router } = await mountPage()

    // The 本级直属 row does not drill.
    await childRows(wrapper)[2]?.trigger('click')
    await settle()
    expect(dashboardCalls(calls)).toHaveLength(1)

    await childRows(wrapper)[0]?.trigger('click')
    await settle()
    expect(router.currentRoute.value.query.organisationId).toBe('2')
    expect(dashboardCalls(calls).at(-1)?.query.get('organisationId')).toBe('2')
    expect(wrapper.get('[data-testid="stat-crumb-1"]').text()).toBe('江苏省总工会')
    expect(wrapper.get('[data-testid="stat-crumb-current"]').text()).toBe('南京市总工会')
    expect(figure(wrapper, 'E01').value).toBe('700')
    expect(figure(wrapper, 'SV03').change.text()).toBe('▲ 100.0%')
    expect(wrapper.find('.map-stub').exists()).toBe(false) // a city: no province to light

    // From the chart this time: 玄武区总工会 has no children, so its enterprises are shown.
    await wrapper.findAll('.children-chart-stub li')[0]?.trigger('click')
    await settle()
    expect(dashboardCalls(calls).at(-1)?.query.get('organisationId')).toBe('21')
    expect(wrapper.find('[data-testid="stat-children"]').exists()).toBe(false)
    const list = calls.filter((c) => c.path === '/statistics/enterprises').at(-1)
    expect(list?.query.get('organisationId')).toBe('21')
    expect(list?.query.get('from')).toBe('2026-01')
    expect(wrapper.get('[data-testid="stat-enterprise-table"]').text()).toContain(
      '南京钟山精密机械有限公司',
    )
    expect(wrapper.get('[data-testid="stat-breadcrumb"]').text()).toContain('南京市总工会')

    await wrapper.get('[data-testid="stat-crumb-1"]').trigger('click')
    await settle()
    expect(dashboardCalls(calls).at(-1)?.query.get('organisationId')).toBe('1')
    expect(childRows(wrapper)).toHaveLength(3)
    expect(wrapper.find('[data-testid="stat-crumb-1"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('reads the months from the route and exports the view it shows', async () => {
    const { wrapper, calls } = await mountPage({
      organisationId: '2',
      from: '2025-04',
      to: '2025-09',
    })
    const call = dashboardCalls(calls)[0]
    expect([
      call?.query.get('organisationId'),
      call?.query.get('from'),
      call?.query.get('to'),
    ]).toEqual(['2', '2025-04', '2025-09'])
    await wrapper.get('[data-testid="stat-export"]').trigger('click')
    await settle()
    expect(exported).toHaveLength(1)
    expect(exported[0]?.filename).toBe('统计驾驶舱-南京市总工会-2025-04_2025-09.xlsx')
    const [figures, children] = exported[0]!.sheets
    expect(figures?.title).toContain('2025-04 至 2025-09')
    expect(figures?.rows.map((r) => cellText(r[0] ?? null))).toHaveLength(12)
    expect(figures?.rows[0]?.map(cellText)).toEqual(['E01', '企业数', '700', '现值', ''])
    expect(figures?.rows[4]?.map(cellText)).toEqual(['SV03', '发现隐患', '300', '150', '▲ 100.0%'])
    expect(children?.rows.map((r) => r[0])).toEqual(['玄武区总工会', '南京市总工会'])
    wrapper.unmount()
  })

  it('puts the months picked in the route and loads them', async () => {
    const { wrapper, calls, router } = await mountPage()
    wrapper
      .findComponent({ name: 'ElDatePicker' })
      .vm.$emit('update:modelValue', ['2025-03', '2025-08'])
    await settle()
    expect(router.currentRoute.value.query).toMatchObject({ from: '2025-03', to: '2025-08' })
    const last = dashboardCalls(calls).at(-1)
    expect([last?.query.get('from'), last?.query.get('to')]).toEqual(['2025-03', '2025-08'])
    wrapper.unmount()
  })

  it('loads a breakdown tab when it is opened', async () => {
    const { wrapper, calls } = await mountPage()
    const tabs = wrapper.findAll('[data-testid="stat-breakdown-tabs"] .el-tabs__item')
    expect(tabs.map((t) => t.text())).toEqual(['按经济类型', '按企业规模', '按行业', '企业清单'])
    await tabs[1]?.trigger('click')
    await settle()
    expect(
      calls.filter((c) => c.path === '/statistics/breakdown').map((c) => c.query.get('by')),
    ).toEqual(['ownership', 'size'])
    expect(wrapper.get('[data-testid="stat-breakdown-size"]').text()).toContain('小型')
    wrapper.unmount()
  })
})
