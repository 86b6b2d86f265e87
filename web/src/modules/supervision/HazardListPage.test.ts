import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { fakeApi, json, signIn, type FakeCall } from '@/modules/organisations/testing'
import { i18n, setLocale } from '@/shared/i18n'
import HazardListPage from './HazardListPage.vue'
import { FakePhotoUpload, hazardDetail } from './testing'

const MANAGE = ['supervision:hazard:view', 'supervision:hazard:manage']

const rows = [
  hazardDetail({ id: 1, code: 'YH-1', title: '配电箱未上锁', status: 'RECTIFYING' }),
  hazardDetail({
    id: 2,
    code: 'YH-2',
    title: '涉爆粉尘除尘系统未设锁气卸灰',
    grade: 'MAJOR',
    status: 'OVERDUE_RECTIFICATION',
    rectificationDeadline: '2026-11-01',
  }),
]

const byTestId = (id: string) => document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`)
async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 100))
  await flushPromises()
}

function mountPage(permissions = MANAGE, answer?: (c: FakeCall) => Response | undefined) {
  const api = fakeApi((call) => {
    const own = answer?.(call)
    if (own) return own
    if (call.path === '/hazards' && call.method === 'GET')
      return json(200, { items: rows, total: 41 })
    if (call.path === '/enterprises')
      return json(200, { items: [{ id: 12, name: '福州恒达机械有限公司' }], total: 1 })
    return undefined
  })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:p(.*)*', component: { render: () => null } }],
  })
  const wrapper = mount(HazardListPage, {
    global: {
      plugins: [signIn(permissions), i18n, router],
      stubs: { PhotoUpload: FakePhotoUpload },
    },
    attachTo: document.body,
  })
  return { wrapper, router, ...api }
}

beforeEach(() => setLocale('zh-CN'))
afterEach(() => {
  document.body.innerHTML = ''
})

describe('HazardListPage', () => {
  it('lists hazards with coloured status, the MAJOR badge and overdue highlighted', async () => {
    const { wrapper, calls } = mountPage()
    await settle()
    expect(calls[0]?.query.get('page')).toBe('1')
    expect(calls[0]?.query.get('pageSize')).toBe('20')
    const trs = wrapper.findAll('.el-table__body tr')
    expect(trs).toHaveLength(2)
    expect(trs[0]?.text()).toContain('整改中')
    expect(trs[0]?.find('[data-testid="major-badge"]').exists()).toBe(false)
    expect(trs[0]?.find('[data-testid="overdue-badge"]').exists()).toBe(false)
    expect(trs[1]?.text()).toContain('逾期未整改')
    expect(trs[1]?.find('[data-testid="major-badge"]').text()).toBe('重大')
    expect(trs[1]?.find('[data-testid="overdue-badge"]').exists()).toBe(true)
    expect(trs[1]?.find('[data-testid="hazard-status"]').classes()).toContain('el-tag--danger')
    expect(wrapper.find('.el-pagination__total').text()).toContain('41')
    expect(byTestId('list-export')?.getAttribute('href')).toBe('/api/v1/hazards/export')
    wrapper.unmount()
  })

  it('a reader has export but no 登记隐患', async () => {
    const { wrapper } = mountPage(['supervision:hazard:view'])
    await settle()
    expect(byTestId('hazard-create')).toBeNull()
    expect(byTestId('list-export')).not.toBeNull()
    wrapper.unmount()
  })
})
