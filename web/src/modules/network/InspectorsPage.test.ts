import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fakeApi, json, signIn, type FakeCall } from '@/modules/organisations/testing'
import { i18n, setLocale } from '@/shared/i18n'
import InspectorsPage from './InspectorsPage.vue'
import type { Inspector } from './types'

const ALL = [
  'organisation:org:view',
  'organisation:network:view',
  'organisation:inspector:manage',
  'organisation:inspector:appoint',
]

function inspector(id: number, over: Partial<Inspector>): Inspector {
  return {
    id,
    name: `检查员${id}`,
    gender: 'MALE',
    phone: '',
    homeOrganisationId: 5,
    homeOrganisationName: '新街口街道工会',
    appointingOrganisationId: null,
    appointingOrganisationName: null,
    certificateNo: '',
    employmentMode: 'PARTTIME',
    appointmentDate: '',
    termEnd: '',
    status: 'NOMINATED',
    nextStatuses: ['TRAINING'],
    notes: '',
    createdAt: 0,
    updatedAt: 0,
    ...over,
  }
}

const rows: Inspector[] = [
  inspector(1, { name: '王志强', status: 'PASSED', nextStatuses: ['APPOINTED'] }),
  inspector(2, {
    name: '李秀英',
    status: 'ACTIVE',
    nextStatuses: ['SUSPENDED', 'TERM_EXPIRED', 'REVOKED', 'RESIGNED'],
    certificateNo: 'JS-2025-0001',
    appointingOrganisationId: 3,
    appointingOrganisationName: '玄武区总工会',
  }),
  inspector(3, { name: '张伟', status: 'RETIRED', nextStatuses: [] }),
]

function answer(call: FakeCall): Response | undefined {
  if (call.path === '/lp-inspectors' && call.method === 'GET')
    return json(200, { items: rows, total: rows.length })
  if (call.path === '/lp-inspectors/2/transitions' && call.method === 'POST')
    return json(200, { ...rows[1], status: 'SUSPENDED', nextStatuses: ['ACTIVE', 'REVOKED'] })
  if (call.path === '/lp-inspectors/2/history')
    return json(200, [
      {
        id: 1,
        fromStatus: null,
        toStatus: 'NOMINATED',
        date: '2025-01-10',
        note: '',
        userId: 9,
        username: 'county_cadre',
        createdAt: 0,
      },
      {
        id: 2,
        fromStatus: 'NOMINATED',
        toStatus: 'TRAINING',
        date: '2025-03-10',
        note: '首期培训',
        userId: 9,
        username: 'county_cadre',
        createdAt: 0,
      },
    ])
  return undefined
}

const byTestId = (id: string) => document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`)

async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

function mountPage(permissions = ALL) {
  const api = fakeApi(answer)
  const wrapper = mount(InspectorsPage, {
    global: { plugins: [signIn(permissions), i18n] },
    attachTo: document.body,
  })
  return { wrapper, ...api }
}

function dialogOptions(): string[] {
  return [...document.body.querySelectorAll('[data-testid="transition-to"] .el-radio')].map(
    (radio) => radio.textContent?.trim() ?? '',
  )
}

beforeEach(() => setLocale('zh-CN'))
afterEach(() => {
  document.body.innerHTML = ''
})

describe('InspectorsPage', () => {
  it('lists inspectors with their status and offers a change only where W10 allows one', async () => {
    const { wrapper } = mountPage()
    await settle()
    const trs = wrapper.findAll('.el-table__body tr')
    expect(trs).toHaveLength(3)
    expect(trs[0]?.text()).toContain('考核合格')
    expect(trs[1]?.text()).toContain('在岗')
    expect(trs[1]?.text()).toContain('JS-2025-0001')
    expect(trs[2]?.text()).toContain('退出')
    // The retired inspector is in a final state: no 状态变更 button.
    expect(wrapper.findAll('[data-testid="transition-action"]')).toHaveLength(2)
    expect(trs[2]?.find('[data-testid="transition-action"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('an appointment asks for the appointing union and the certificate before anything is sent', async () => {
    const { wrapper, calls } = mountPage()
    await settle()
    await wrapper.findAll('[data-testid="transition-action"]')[0]?.trigger('click')
    await settle()
    expect(dialogOptions()).toEqual(['已任命'])
    expect(byTestId('transition-certificate')).not.toBeNull()
    expect(byTestId('transition-appointing')).not.toBeNull()
    byTestId('transition-submit')?.click()
    await settle()
    const errors = [...document.body.querySelectorAll('.el-form-item__error')].map((e) =>
      e.textContent?.trim(),
    )
    expect(errors).toContain('请输入证号')
    expect(errors).toContain('请选择任命单位')
    expect(calls.some((c) => c.method === 'POST')).toBe(false)
    wrapper.unmount()
  })

  it('suspends an active inspector with only the date and note, then shows the history', async () => {
    const { wrapper, calls } = mountPage()
    await settle()
    await wrapper.findAll('[data-testid="transition-action"]')[1]?.trigger('click')
    await settle()
    expect(dialogOptions()).toEqual(['暂停', '任期届满', '撤销资格', '辞任'])
    expect(byTestId('transition-certificate')).toBeNull()
    const suspend = [
      ...document.body.querySelectorAll<HTMLInputElement>('[data-testid="transition-to"] input'),
    ][0]
    suspend?.click()
    await settle()
    byTestId('transition-submit')?.click()
    await settle()
    const post = calls.find((c) => c.method === 'POST')
    expect(post?.path).toBe('/lp-inspectors/2/transitions')
    expect(post?.body).toMatchObject({ to: 'SUSPENDED' })
    expect(Object.keys(post?.body as object).sort()).toEqual(['date', 'to'])

    await wrapper.findAll('[data-testid="history-action"]')[1]?.trigger('click')
    await settle()
    const timeline = byTestId('history-timeline')?.textContent ?? ''
    expect(timeline).toContain('已提名')
    expect(timeline).toContain('首期培训')
    expect(timeline).toContain('county_cadre')
    wrapper.unmount()
  })

  it('a reader sees the list and the history but no change or add buttons', async () => {
    const { wrapper } = mountPage(['organisation:org:view', 'organisation:network:view'])
    await settle()
    expect(wrapper.findAll('.el-table__body tr')).toHaveLength(3)
    expect(wrapper.findAll('[data-testid="transition-action"]')).toHaveLength(0)
    expect(wrapper.findAll('[data-testid="history-action"]')).toHaveLength(3)
    expect(byTestId('list-add')).toBeNull()
    wrapper.unmount()
  })
})
