import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { fakeApi, json, signIn, type FakeCall } from '@/modules/organisations/testing'
import { i18n, setLocale } from '@/shared/i18n'
import ReportListPage from './ReportListPage.vue'
import { workerReport } from './testing'

const rows = [
  workerReport({ id: 1, code: 'ZG-1', status: 'SUBMITTED', overdue: true, unreadMessages: 2 }),
  workerReport({ id: 2, code: 'ZG-2', status: 'ACCEPTED', anonymity: 'NAMED', hazardId: 5 }),
]

const byTestId = (id: string) => document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`)
async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 100))
  await flushPromises()
}

function mountPage(permissions = ['reports:report:view', 'reports:entry:view']) {
  const api = fakeApi((call: FakeCall) => {
    if (call.path === '/worker-reports' && call.method === 'GET')
      return json(200, { items: rows, total: 41, page: 1, pageSize: 20 })
    if (call.path === '/enterprises')
      return json(200, { items: [{ id: 12, name: '福州恒达机械有限公司' }], total: 1 })
    return undefined
  })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:p(.*)*', component: { render: () => null } }],
  })
  const wrapper = mount(ReportListPage, {
    global: { plugins: [signIn(permissions), i18n, router] },
    attachTo: document.body,
  })
  return { wrapper, router, ...api }
}

beforeEach(() => setLocale('zh-CN'))
afterEach(() => {
  document.body.innerHTML = ''
})

describe('ReportListPage', () => {
  it('lists reports with status, overdue, unread messages and the hour of submission', async () => {
    const { wrapper, calls } = mountPage()
    await settle()
    expect(calls[0]?.path).toBe('/worker-reports')
    expect(calls[0]?.query.get('page')).toBe('1')
    const trs = wrapper.findAll('.el-table__body tr')
    expect(trs).toHaveLength(2)
    expect(trs[0]?.text()).toContain('待受理')
    expect(trs[0]?.text()).toContain('2026-11-29 10:00')
    expect(trs[0]?.text()).toContain('物的不安全状态')
    expect(trs[0]?.find('[data-testid="overdue-badge"]').exists()).toBe(true)
    expect(trs[0]?.find('[data-testid="unread-badge"]').text()).toContain('2')
    expect(trs[0]?.find('[data-testid="named-badge"]').exists()).toBe(false)
    expect(trs[1]?.text()).toContain('已立案')
    expect(trs[1]?.find('[data-testid="overdue-badge"]').exists()).toBe(false)
    expect(trs[1]?.find('[data-testid="unread-badge"]').exists()).toBe(false)
    expect(trs[1]?.find('[data-testid="named-badge"]').exists()).toBe(true)
    expect(wrapper.find('.el-pagination__total').text()).toContain('41')
    wrapper.unmount()
  })

  it('sends the filters as the server reads them, to the list and to the export', async () => {
    const { wrapper, calls } = mountPage()
    await settle()
    const list = wrapper.findComponent({ name: 'ListPage' }) as unknown as {
      vm: { list: { filters: Record<string, unknown>; search: () => Promise<void> } }
    }
    Object.assign(list.vm.list.filters, {
      keyword: '配电箱',
      status: ['SUBMITTED', 'UNDER_REVIEW'],
      anonymity: 'NAMED',
      enterpriseId: 12,
      overdue: true,
      submittedRange: ['2026-11-01', '2026-11-30'],
    })
    byTestId('list-search')?.click()
    await settle()
    const last = calls.filter((c) => c.path === '/worker-reports').at(-1)
    expect(Object.fromEntries(last?.query ?? [])).toEqual({
      q: '配电箱',
      status: 'SUBMITTED,UNDER_REVIEW',
      anonymity: 'NAMED',
      enterpriseId: '12',
      overdue: 'true',
      submittedFrom: '2026-11-01',
      submittedTo: '2026-11-30',
      page: '1',
      pageSize: '20',
    })
    expect(byTestId('list-export')?.getAttribute('href')).toBe(
      '/api/v1/worker-reports/export?q=%E9%85%8D%E7%94%B5%E7%AE%B1&status=SUBMITTED%2CUNDER_REVIEW&anonymity=NAMED&enterpriseId=12&overdue=true&submittedFrom=2026-11-01&submittedTo=2026-11-30',
    )
    wrapper.unmount()
  })

  it('opens the detail page and links to the QR codes only with reports:entry:view', async () => {
    const { wrapper, router } = mountPage(['reports:report:view'])
    await settle()
    expect(byTestId('report-entry-points')).toBeNull()
    byTestId('report-code')?.click()
    await settle()
    expect(router.currentRoute.value.path).toBe('/reports/1')
    wrapper.unmount()
  })
})
