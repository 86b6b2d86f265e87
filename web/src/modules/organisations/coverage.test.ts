import type { FormItemRule } from 'element-plus'
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { invalidateDicts } from '@/shared/composables/useDict'
import { i18n, setLocale } from '@/shared/i18n'
import { coverageFormFor, coverageRules, toCoverageInput, unionFieldShown } from './coverage'
import CoverageDialog from './CoverageDialog.vue'
import { dictionaryAnswer, fakeApi, json, signIn } from './testing'
import type { Coverage, CoverageForm, Enterprise } from './types'

function check(rule: FormItemRule | undefined, value: unknown): Promise<string | null> {
  return new Promise((resolve) => {
    void rule?.validator?.(
      {} as never,
      value,
      (err?: string | Error) => resolve(err ? (err instanceof Error ? err.message : err) : null),
      {},
      {},
    )
  })
}

const current: Coverage = {
  coverageType: 'OWN_UNION',
  unionOrganisationId: 31,
  unionOrganisationName: '某某公司工会',
  since: '2024-03-01',
  until: null,
  supervisingOrganisationId: null,
  supervisingOrganisationName: null,
}

function enterprise(coverage: Coverage | null): Enterprise {
  return {
    id: 5,
    creditCode: '91350100M000100Y43',
    name: '福州某某有限公司',
    organisationId: 3,
    organisationName: '鼓楼区总工会',
    industrySection: 'C',
    industryDivision: '36',
    economicComponent: '21',
    registrationType: null,
    sizeClass: 'SMALL',
    headcount: 120,
    address: null,
    adminDivisionCode: null,
    status: 'ACTIVE',
    coverage,
    createdAt: 0,
    updatedAt: 0,
  }
}

beforeEach(() => {
  setLocale('zh-CN')
  invalidateDicts()
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('coverage logic', () => {
  it('shows and requires the union for every type but NONE', async () => {
    expect(unionFieldShown('OWN_UNION')).toBe(true)
    expect(unionFieldShown('ORGANISER_ONLY')).toBe(true)
    expect(unionFieldShown('')).toBe(true) // not chosen yet: the type itself is required
    expect(unionFieldShown('NONE')).toBe(false)

    const model: CoverageForm = { ...coverageFormFor(enterprise(null), '2026-11-29') }
    const rules = coverageRules(() => model, null)
    model.coverageType = 'REGIONAL_FEDERATION'
    expect(await check(rules.unionOrganisationId?.[0], undefined)).toBe('请选择所属工会')
    expect(await check(rules.unionOrganisationId?.[0], '')).toBe('请选择所属工会')
    expect(await check(rules.unionOrganisationId?.[0], 12)).toBeNull()
    model.coverageType = 'NONE'
    expect(await check(rules.unionOrganisationId?.[0], undefined)).toBeNull()
  })

  it('refuses a start date before the current coverage', async () => {
    const model = coverageFormFor(enterprise(current), '2026-11-29')
    const since = coverageRules(() => model, current.since).since
    expect(await check(since?.[1], '2024-02-29')).toBe(
      '起始日期不能早于当前记录的起始日期 2024-03-01',
    )
    expect(await check(since?.[1], '2024-03-01')).toBeNull()
  })

  it('starts from the current coverage, dated today', () => {
    expect(coverageFormFor(enterprise(current), '2026-11-29')).toEqual({
      coverageType: 'OWN_UNION',
      unionOrganisationId: 31,
      unionOrganisationName: '某某公司工会',
      supervisingOrganisationId: undefined,
      supervisingOrganisationName: '',
      since: '2026-11-29',
    })
    expect(coverageFormFor(enterprise(null), '2026-11-29').coverageType).toBe('')
  })

  it('sends no union for NONE and leaves out empty optional ids', () => {
    const base: CoverageForm = {
      coverageType: 'NONE',
      unionOrganisationId: 31,
      unionOrganisationName: 'x',
      supervisingOrganisationId: undefined,
      supervisingOrganisationName: '',
      since: '2026-11-29',
    }
    expect(toCoverageInput(base)).toEqual({ coverageType: 'NONE', since: '2026-11-29' })
    expect(
      toCoverageInput({ ...base, supervisingOrganisationId: 4, coverageType: 'OWN_UNION' }),
    ).toEqual({
      coverageType: 'OWN_UNION',
      unionOrganisationId: 31,
      supervisingOrganisationId: 4,
      since: '2026-11-29',
    })
    const cleared = { ...base, supervisingOrganisationId: '' as unknown as undefined }
    expect(toCoverageInput(cleared)).toEqual({ coverageType: 'NONE', since: '2026-11-29' })
  })
})

describe('CoverageDialog', () => {
  const byTestId = (id: string) => document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`)

  async function settle() {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 150))
    await flushPromises()
  }

  function mountDialog(row: Enterprise) {
    const api = fakeApi((call) => {
      if (call.path === '/enterprises/5/coverage-history')
        return json(200, row.coverage ? [row.coverage] : [])
      if (call.path === '/enterprises/5/coverage' && call.method === 'PUT')
        return json(200, { ...row, coverage: { ...current, coverageType: 'NONE' } })
      return dictionaryAnswer(call)
    })
    const wrapper = mount(CoverageDialog, {
      props: { enterprise: row, modelValue: true },
      global: {
        plugins: [signIn(['organisation:org:view', 'organisation:enterprise:update']), i18n],
      },
      attachTo: document.body,
    })
    return { wrapper, ...api }
  }

  it('requires the type and the union, hides the union for NONE and saves without it', async () => {
    const { wrapper, calls } = mountDialog(enterprise(null))
    await settle()
    expect(byTestId('field-unionOrganisationId')).not.toBeNull()
    expect(calls.some((c) => c.path === '/enterprises/5/coverage-history')).toBe(true)

    byTestId('coverage-submit')?.click()
    await settle()
    const errors = [...document.body.querySelectorAll('.el-form-item__error')].map((e) =>
      e.textContent?.trim(),
    )
    expect(errors).toEqual(['请选择覆盖方式', '请选择所属工会'])
    expect(calls.some((c) => c.method === 'PUT')).toBe(false)

    // VTU exposes <script setup> state on vm.
    const vm = wrapper.vm as unknown as { model: CoverageForm }
    vm.model.coverageType = 'NONE'
    await nextTick()
    await settle()
    expect(byTestId('field-unionOrganisationId')).toBeNull()

    byTestId('coverage-submit')?.click()
    await settle()
    const put = calls.find((c) => c.method === 'PUT')
    expect(put?.path).toBe('/enterprises/5/coverage')
    expect(put?.body).toEqual({ coverageType: 'NONE', since: vm.model.since })
    expect(wrapper.emitted('saved')).toHaveLength(1)
    expect(wrapper.emitted('update:modelValue')).toEqual([[false]])
    wrapper.unmount()
  })

  it('shows the history with the type label and 至今 for the current one', async () => {
    const { wrapper } = mountDialog(enterprise(current))
    await settle()
    const history = byTestId('coverage-history')?.textContent ?? ''
    expect(history).toContain('独立建会')
    expect(history).toContain('某某公司工会')
    expect(history).toContain('2024-03-01')
    expect(history).toContain('至今')
    wrapper.unmount()
  })
})
