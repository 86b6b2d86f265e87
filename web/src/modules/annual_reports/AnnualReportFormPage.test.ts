import { flushPromises, mount } from '@vue/test-utils'
import { ElMessageBox } from 'element-plus'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { fakeApi, json, signIn, type FakeCall } from '@/modules/organisations/testing'
import { i18n, setLocale } from '@/shared/i18n'
import AnnualReportFormPage from './AnnualReportFormPage.vue'
import { annualReport } from './testing'
import type { AnnualReport } from './types'

const EDIT = ['statistics:annual:view', 'statistics:annual:edit']
const byTestId = (id: string) => document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`)

async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 50))
  await flushPromises()
}

async function mountPage(report: AnnualReport, answer?: (call: FakeCall) => Response | undefined) {
  const api = fakeApi((call) => {
    const own = answer?.(call)
    if (own) return own
    if (call.path === `/statistical-reports/${report.id}`) return json(200, report)
    return undefined
  })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      {
        path: '/statistics/annual-reports/:id',
        component: AnnualReportFormPage,
        props: (route) => ({ id: Number(route.params.id) }),
      },
      { path: '/:p(.*)*', component: { render: () => null } },
    ],
  })
  await router.push(`/statistics/annual-reports/${report.id}`)
  mount(
    { template: '<router-view />' },
    { global: { plugins: [signIn(EDIT), i18n, router] }, attachTo: document.body },
  )
  return api
}

async function typeInto(testId: string, value: string) {
  const el = byTestId(testId)
  const input = (el?.tagName === 'INPUT' ? el : el?.querySelector('input')) as HTMLInputElement
  input.value = value
  input.dispatchEvent(new Event('input'))
  await settle()
}

beforeEach(() => setLocale('zh-CN'))
afterEach(() => {
  document.body.innerHTML = ''
  vi.restoreAllMocks()
})

describe('AnnualReportFormPage', () => {
  it('checks a manual value as it is typed and uses it instead of the system value', async () => {
    await mountPage(annualReport())
    await settle()
    expect(byTestId('annual-value-SV03')?.textContent?.trim()).toBe('20')
    expect(byTestId('annual-check-SV03')?.dataset.check).toBe('PASSED')

    await typeInto('annual-manual-SV03', '2.5')
    expect(byTestId('annual-manual-error-SV03')?.textContent).toContain('整数')
    expect(byTestId('annual-value-SV03')?.textContent?.trim()).toBe('20')

    await typeInto('annual-manual-SV03', '11')
    expect(byTestId('annual-manual-error-SV03')).toBeNull()
    expect(byTestId('annual-value-SV03')?.textContent?.trim()).toBe('11')
    expect(byTestId('annual-check-SV03')?.dataset.check).toBe('FAILED')
    expect(byTestId('annual-failing')?.textContent).toContain('1 项指标小于下级合计')
    expect(byTestId('annual-unsaved')).not.toBeNull()
    expect(byTestId('annual-check-E01')).toBeNull() // not additive: no check
  })

  it('saves only the changed items and shows the server field errors beside them', async () => {
    const report = annualReport()
    const { calls } = await mountPage(report, (call) =>
      call.method === 'PUT'
        ? json(400, {
            code: 'invalid_input',
            message: '输入有误',
            fields: { 'items[O01].manualValue': '请填写不小于 0 的整数' },
          })
        : undefined,
    )
    await settle()
    await typeInto('annual-manual-O01', '9')
    byTestId('annual-save')?.click()
    await settle()
    const put = calls.find((call) => call.method === 'PUT')
    expect(put?.path).toBe('/statistical-reports/7')
    expect(put?.body).toEqual({ items: [{ code: 'O01', manualValue: 9 }] })
    expect(byTestId('annual-manual-error-O01')?.textContent).toContain('请填写不小于 0 的整数')
    await typeInto('annual-manual-O01', '8')
    expect(byTestId('annual-manual-error-O01')).toBeNull()
  })

  it('asks for a note when a check fails before submitting', async () => {
    const report = annualReport({ failedChecks: 1 })
    const { calls } = await mountPage(report, (call) =>
      call.method === 'POST' ? json(200, { ...report, status: 'SUBMITTED' }) : undefined,
    )
    const promptSpy = vi
      .spyOn(ElMessageBox, 'prompt')
      .mockResolvedValue({ value: ' 街道数据重复 ', action: 'confirm' } as never)
    await settle()
    byTestId('annual-submit')?.click()
    await settle()
    expect(promptSpy).toHaveBeenCalled()
    const post = calls.find((call) => call.method === 'POST')
    expect(post?.path).toBe('/statistical-reports/7/submit')
    expect(post?.body).toEqual({ note: '街道数据重复' })
    expect(byTestId('annual-status')?.dataset.status).toBe('SUBMITTED')
  })

  it('offers the actions the server allows: review for the level above, nothing on a locked report', async () => {
    await mountPage(annualReport({ status: 'SUBMITTED', actions: { edit: false, review: true } }))
    await settle()
    expect(byTestId('annual-approve')).not.toBeNull()
    expect(byTestId('annual-return')).not.toBeNull()
    expect(byTestId('annual-save')).toBeNull()
    expect(byTestId('annual-manual-O01')).toBeNull()
    document.body.innerHTML = ''

    await mountPage(annualReport({ status: 'APPROVED', actions: { edit: false, review: false } }))
    await settle()
    expect(byTestId('annual-locked')).not.toBeNull()
    expect(byTestId('annual-approve')).toBeNull()
    expect(byTestId('annual-submit')).toBeNull()
    expect(byTestId('annual-export')).not.toBeNull()
  })
})
