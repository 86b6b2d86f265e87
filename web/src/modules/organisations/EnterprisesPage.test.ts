import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invalidateDicts } from '@/shared/composables/useDict'
import { i18n, setLocale } from '@/shared/i18n'
import EnterprisesPage from './EnterprisesPage.vue'
import { dictionaryAnswer, fakeApi, json, signIn, type FakeCall } from './testing'
import type { Enterprise } from './types'

const ALL = [
  'organisation:org:view',
  'organisation:enterprise:view',
  'organisation:enterprise:create',
  'organisation:enterprise:update',
  'organisation:enterprise:delete',
  'organisation:enterprise:export',
]

function row(id: number, over: Partial<Enterprise>): Enterprise {
  return {
    id,
    creditCode: '91350100M000100Y43',
    name: `企业${id}`,
    organisationId: 3,
    organisationName: '鼓楼区总工会',
    industrySection: 'C',
    industryDivision: '36',
    economicComponent: '11',
    registrationType: null,
    sizeClass: 'LARGE',
    headcount: 1200,
    address: null,
    adminDivisionCode: null,
    status: 'ACTIVE',
    coverage: null,
    createdAt: 0,
    updatedAt: 0,
    ...over,
  }
}

const rows: Enterprise[] = [
  row(1, {
    name: '福建某某集团有限公司',
    economicComponent: '11',
    coverage: {
      coverageType: 'OWN_UNION',
      unionOrganisationId: 31,
      unionOrganisationName: '某某集团工会委员会',
      since: '2020-01-01',
      until: null,
      supervisingOrganisationId: null,
      supervisingOrganisationName: null,
    },
  }),
  row(2, {
    name: '福州某某电子有限公司',
    creditCode: '91110000802100433B',
    economicComponent: '21',
    industrySection: 'F',
    industryDivision: null,
    sizeClass: 'SMALL',
    headcount: 45,
  }),
]

function answer(call: FakeCall): Response | undefined {
  if (call.path === '/enterprises' && call.method === 'GET')
    return json(200, { items: rows, total: rows.length })
  return dictionaryAnswer(call)
}

const byTestId = (id: string) => document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`)

async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150)) // form errors show after a 100 ms debounce
  await flushPromises()
}

function mountPage(permissions = ALL) {
  const api = fakeApi(answer)
  const wrapper = mount(EnterprisesPage, {
    global: { plugins: [signIn(permissions), i18n] },
    attachTo: document.body,
  })
  return { wrapper, ...api }
}

function type(testId: string, value: string) {
  const input = byTestId(testId) as HTMLInputElement
  input.value = value
  input.dispatchEvent(new Event('input'))
}

beforeEach(() => {
  setLocale('zh-CN')
  invalidateDicts()
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('EnterprisesPage', () => {
  it('lists enterprises with labels, the 非公 tag and the coverage', async () => {
    const { wrapper, calls } = mountPage()
    await settle()

    const list = calls.find((c) => c.path === '/enterprises')
    expect(list?.query.get('page')).toBe('1')
    expect(list?.query.get('pageSize')).toBe('20')

    const trs = wrapper.findAll('.el-table__body tr')
    expect(trs).toHaveLength(2)
    const [first, second] = trs.map((tr) => tr.text())
    expect(first).toContain('福建某某集团有限公司')
    expect(first).toContain('91350100M000100Y43')
    expect(first).toContain('鼓楼区总工会')
    expect(first).toContain('C 制造业 · 36')
    expect(first).toContain('国有经济')
    expect(first).toContain('大型')
    expect(first).toContain('1200')
    expect(first).toContain('独立建会 · 某某集团工会委员会')
    expect(first).not.toContain('非公')

    expect(second).toContain('私有经济')
    expect(second).toContain('非公')
    expect(second).toContain('F') // no label for F in the test dictionary: the code
    expect(second).toContain('小型')
    expect(second).toContain('未录入')
    expect(trs[1]?.find('[data-testid="tag-non-public"]').exists()).toBe(true)
    expect(trs[0]?.find('[data-testid="tag-non-public"]').exists()).toBe(false)

    expect(wrapper.findAll('[data-testid="coverage-action"]')).toHaveLength(2)
    expect(wrapper.findAll('[data-testid="list-edit"]')).toHaveLength(2)
    expect(wrapper.findAll('[data-testid="list-delete"]')).toHaveLength(2)
    expect(byTestId('list-add')).not.toBeNull()
    wrapper.unmount()
  })

  it('starts with the filters given as props (route query), and reset clears them', async () => {
    const api = fakeApi(answer)
    const wrapper = mount(EnterprisesPage, {
      props: { organisationId: 3, organisationName: '鼓楼区总工会', coverageType: 'NONE' },
      global: { plugins: [signIn(ALL), i18n] },
      attachTo: document.body,
    })
    await settle()
    const first = api.calls.find((c) => c.path === '/enterprises')
    expect(first?.query.get('organisationId')).toBe('3')
    expect(first?.query.get('coverageType')).toBe('NONE')
    byTestId('list-reset')?.click()
    await settle()
    const last = api.calls.filter((c) => c.path === '/enterprises').at(-1)
    expect(last?.query.get('organisationId')).toBeNull()
    expect(last?.query.get('coverageType')).toBeNull()
    wrapper.unmount()
  })

  it('exports with the current filters', async () => {
    const { wrapper, calls } = mountPage()
    await settle()
    await wrapper.find('input[data-testid="list-keyword"]').setValue('某某')
    await wrapper.find('[data-testid="list-search"]').trigger('click')
    await settle()
    expect(calls.at(-1)?.query.get('keyword')).toBe('某某')
    expect(byTestId('list-export')?.getAttribute('href')).toBe(
      '/api/v1/enterprises/export?keyword=%E6%9F%90%E6%9F%90',
    )
    wrapper.unmount()
  })

  it('hides writing actions from a read-only user', async () => {
    const { wrapper } = mountPage(['organisation:org:view', 'organisation:enterprise:view'])
    await settle()
    expect(wrapper.findAll('.el-table__body tr')).toHaveLength(2)
    expect(byTestId('list-add')).toBeNull()
    expect(byTestId('list-export')).toBeNull()
    expect(wrapper.find('[data-testid="coverage-action"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('checks the credit code and the division while typing in the add dialog', async () => {
    const { wrapper } = mountPage()
    await settle()
    byTestId('list-add')?.click()
    await settle()

    const errorOf = (testId: string) =>
      byTestId(testId)
        ?.closest('.el-form-item')
        ?.querySelector('.el-form-item__error')
        ?.textContent?.trim() ?? null

    type('field-creditCode', '91350100M000100Y44')
    await settle()
    expect(errorOf('field-creditCode')).toBe('统一社会信用代码校验位不正确，请核对')
    type('field-creditCode', '91350100M000100Y43')
    await settle()
    expect(errorOf('field-creditCode')).toBeNull()

    // No section yet: only the format counts.
    type('field-industryDivision', '05')
    await settle()
    expect(errorOf('field-industryDivision')).toBeNull()

    // Choosing section C checks the division again: 05 is outside 13–43. (The filter's
    // dropdown has the same option; the dialog's is rendered last.)
    const option = [...document.body.querySelectorAll<HTMLElement>('.el-select-dropdown__item')]
      .filter((el) => el.textContent?.trim() === 'C 制造业')
      .at(-1)
    expect(option).toBeDefined()
    option?.click()
    await settle()
    expect(errorOf('field-industryDivision')).toBe('门类 C 的行业大类须在 13–43 之间')
    type('field-industryDivision', '36')
    await settle()
    expect(errorOf('field-industryDivision')).toBeNull()
    wrapper.unmount()
  })
})
