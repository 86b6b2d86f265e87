import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n, setLocale } from '@/shared/i18n'
import { fakeApi, json, signIn, type FakeCall } from '@/modules/organisations/testing'
import { resetCatalogue } from './catalogue'
import { dashboards } from './testing'
import type { DashboardChild, MapRegion } from './types'
import WallPage from './WallPage.vue'

vi.mock('./ChildrenChart.vue', () => ({
  __esModule: true,
  default: (props: { rows: DashboardChild[]; limit: number }) =>
    h(
      'ol',
      { class: 'ranking-stub', 'data-limit': props.limit },
      props.rows.map((r) => h('li', r.name)),
    ),
}))
vi.mock('./TrendChart.vue', () => ({ __esModule: true, default: () => h('div', 'trend') }))
vi.mock('./ChinaMap.vue', () => ({
  __esModule: true,
  default: (props: { regions: MapRegion[] }) =>
    h('div', { class: 'map-stub' }, props.regions.map((r) => r.region).join(',')),
}))

let served = 0
function answer(call: FakeCall): Response | undefined {
  if (call.method === 'GET' && call.path === '/statistics/dashboard') {
    served++
    const d = dashboards()[Number(call.query.get('organisationId'))]!
    // The second answer has one more hazard found: the wall must show it after the refresh.
    return json(200, { ...d, values: { ...d.values, SV03: (d.values.SV03 ?? 0) + served - 1 } })
  }
  return undefined
}

async function settle() {
  for (let i = 0; i < 4; i++) {
    await flushPromises()
    await vi.advanceTimersByTimeAsync(0)
  }
}

beforeEach(() => {
  setLocale('zh-CN')
  resetCatalogue()
  served = 0
  vi.useFakeTimers({ now: new Date(Date.UTC(2026, 10, 29, 8, 0, 0)) })
})
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

describe('WallPage', () => {
  it('shows the figures, the ranking and the map, and refreshes every 60 s', async () => {
    const { calls } = fakeApi(answer)
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/statistics/wall', name: 'statistics-wall', component: WallPage },
        {
          path: '/statistics/dashboard',
          name: 'statistics-dashboard',
          component: { render: () => null },
        },
      ],
    })
    await router.push({ path: '/statistics/wall', query: { organisationId: '1' } })
    const wrapper = mount(WallPage, {
      global: { plugins: [signIn(['statistics:dashboard:view']), i18n, router] },
      attachTo: document.body,
    })
    await settle()
    const dashboardCalls = () => calls.filter((c) => c.path === '/statistics/dashboard')
    expect(dashboardCalls()).toHaveLength(1)
    expect(wrapper.get('[data-testid="stat-wall-organisation"]').text()).toBe('江苏省总工会')
    expect(wrapper.get('[data-testid="stat-wall-figure-SV03"]').text()).toContain('400')
    expect(wrapper.get('[data-testid="stat-wall-figure-SV06"]').text()).toContain('▲ 5.0个百分点')
    expect(wrapper.get('[data-testid="stat-wall-figure-E01"]').text()).toContain('现值')
    expect(wrapper.findAll('.ranking-stub li').map((li) => li.text())).toEqual([
      '南京市总工会',
      '无锡市总工会',
      '江苏省总工会',
    ])
    expect(wrapper.get('.map-stub').text()).toBe('江苏')
    const refreshed = wrapper.get('[data-testid="stat-wall-refreshed"]').text()
    expect(refreshed).toMatch(/^更新于 \d\d:00:00$/)
    expect(wrapper.get('[data-testid="stat-wall-back"]').attributes('href')).toContain(
      '/statistics/dashboard?organisationId=1',
    )

    await vi.advanceTimersByTimeAsync(59_000)
    expect(dashboardCalls()).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1_000)
    await settle()
    expect(dashboardCalls()).toHaveLength(2)
    expect(wrapper.get('[data-testid="stat-wall-figure-SV03"]').text()).toContain('401')
    expect(wrapper.get('[data-testid="stat-wall-refreshed"]').text()).toMatch(/^更新于 \d\d:01:00$/)

    wrapper.unmount()
    await vi.advanceTimersByTimeAsync(120_000)
    expect(dashboardCalls()).toHaveLength(2) // no refresh after leaving the page
  })
})
