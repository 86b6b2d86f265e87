import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { h, type Slots } from 'vue'
import { invalidateDicts } from '@/shared/composables/useDict'
import { i18n, setLocale } from '@/shared/i18n'
import { dictionaryAnswer, fakeApi, json, signIn, type FakeCall } from './testing'
import type { UncoveredTownship } from './uncovered'
import UncoveredTownshipsPage from './UncoveredTownshipsPage.vue'

const RouterLinkStub = {
  props: { to: { type: Object, required: true } },
  setup(props: Record<string, unknown>, { slots }: { slots: Slots }) {
    return () =>
      h(
        'span',
        { 'data-to': JSON.stringify(props.to) },
        slots.default?.({ href: '#', navigate: () => {} }),
      )
  },
}

const townships: UncoveredTownship[] = [
  {
    organisationId: 31,
    organisationName: '新街口街道工会',
    parentName: '玄武区总工会',
    enterprises: 12,
    workers: 340,
    nonPublic: 11,
    smallAndMicro: 10,
    candidates: [
      {
        organisationId: 90,
        name: '新街口联合工会',
        orgType: 'JOINT_BASE_UNION',
        coveredEnterprises: 25,
      },
      {
        organisationId: 91,
        name: '玄武区商贸区域工会联合会',
        orgType: 'REGIONAL_FED',
        coveredEnterprises: 3,
      },
    ],
  },
  {
    organisationId: 32,
    organisationName: '梅园新村街道工会',
    parentName: '玄武区总工会',
    enterprises: 4,
    workers: 50,
    nonPublic: 4,
    smallAndMicro: 4,
    candidates: [],
  },
]

function answer(call: FakeCall): Response | undefined {
  if (call.path === '/organisations/1/uncovered-townships') {
    return json(200, { items: townships, total: 2 })
  }
  return dictionaryAnswer(call)
}

async function settle() {
  for (let i = 0; i < 3; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
  }
}

function mountPage(permissions: string[]) {
  const api = fakeApi(answer)
  const wrapper = mount(UncoveredTownshipsPage, {
    global: { plugins: [signIn(permissions), i18n], stubs: { RouterLink: RouterLinkStub } },
    attachTo: document.body,
  })
  return { wrapper, ...api }
}

beforeEach(() => {
  setLocale('zh-CN')
  invalidateDicts()
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('UncoveredTownshipsPage', () => {
  it("lists the user's organisation's townships with the least loaded candidate first", async () => {
    const { wrapper, calls } = mountPage([
      'organisation:enterprise:view',
      'organisation:enterprise:export',
    ])
    await settle()
    const call = calls.find((c) => c.path === '/organisations/1/uncovered-townships')
    expect(call?.query.get('page')).toBe('1')

    const rows = wrapper.findAll('.el-table__body tr')
    expect(rows).toHaveLength(2)
    expect(rows[0]?.text()).toContain('新街口街道工会')
    expect(rows[0]?.text()).toContain('340')
    const tags = rows[0]?.findAll('[data-testid="uncovered-candidate"]') ?? []
    expect(tags.map((tag) => tag.text().split(' ')[0])).toEqual([
      '玄武区商贸区域工会联合会',
      '新街口联合工会',
    ])
    expect(tags[0]?.text()).toContain('已覆盖 3 家')
    expect(rows[1]?.find('[data-testid="uncovered-no-candidate"]').exists()).toBe(true)

    const link = rows[1]?.get('[data-testid="uncovered-view"]').element.closest('[data-to]')
    expect(JSON.parse(link?.getAttribute('data-to') ?? '')).toEqual({
      name: 'enterprises',
      query: {
        organisationId: '32',
        organisationName: '梅园新村街道工会',
        coverageType: 'NONE',
        status: 'ACTIVE',
      },
    })
    expect(wrapper.get('[data-testid="list-export"]').attributes('href')).toContain(
      '/api/v1/organisations/1/uncovered-enterprises/export',
    )
    wrapper.unmount()
  })

  it('hides the export without its permission', async () => {
    const { wrapper } = mountPage(['organisation:enterprise:view'])
    await settle()
    expect(wrapper.findAll('.el-table__body tr')).toHaveLength(2)
    expect(wrapper.find('[data-testid="list-export"]').exists()).toBe(false)
    wrapper.unmount()
  })
})
