import { flushPromises, mount } from '@vue/test-utils'
import { ElMessageBox } from 'element-plus'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { fakeApi, json, signIn, type FakeCall } from '@/modules/organisations/testing'
import { hazardDetail } from '@/modules/supervision/testing'
import { i18n, setLocale } from '@/shared/i18n'
import ReportDetailPage from './ReportDetailPage.vue'
import { workerReport } from './testing'
import type { ReportStatus, WorkerReportDetail } from './types'

const MANAGE = ['reports:report:view', 'reports:report:manage']

const byTestId = (id: string) => document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`)

async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 100))
  await flushPromises()
}

function mountPage(
  report: WorkerReportDetail,
  permissions = MANAGE,
  answer?: (c: FakeCall) => Response | undefined,
) {
  const api = fakeApi((call) => {
    const own = answer?.(call)
    if (own) return own
    if (call.path === `/worker-reports/${report.id}` && call.method === 'GET')
      return json(200, report)
    if (call.method === 'POST' && call.path.startsWith(`/worker-reports/${report.id}/`))
      return json(200, report)
    return undefined
  })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:p(.*)*', component: { render: () => null } }],
  })
  const wrapper = mount(ReportDetailPage, {
    props: { id: report.id },
    global: { plugins: [signIn(permissions), i18n, router] },
    attachTo: document.body,
  })
  return { wrapper, router, ...api }
}

function actionIds(): string[] {
  return [...document.body.querySelectorAll('[data-testid^="report-action-"]')]
    .map((b) => b.getAttribute('data-testid') ?? '')
    .filter((id) => id !== 'report-action-dialog')
    .map((id) => id.replace('report-action-', ''))
}

function typeInto(testId: string, value: string) {
  const el = byTestId(testId)
  const input = (
    el?.tagName === 'TEXTAREA' || el?.tagName === 'INPUT'
      ? el
      : el?.querySelector('textarea, input')
  ) as HTMLInputElement
  input.value = value
  input.dispatchEvent(new Event('input'))
}

const posts = (calls: FakeCall[]) => calls.filter((c) => c.method === 'POST')

beforeEach(() => setLocale('zh-CN'))
afterEach(() => {
  document.body.innerHTML = ''
  vi.restoreAllMocks()
})

describe('ReportDetailPage actions', () => {
  const cases: [ReportStatus, string[]][] = [
    ['SUBMITTED', ['ACKNOWLEDGE', 'ACCEPT', 'MERGE', 'REJECT']],
    ['UNDER_REVIEW', ['ACCEPT', 'MERGE', 'REJECT']],
    ['ACCEPTED', []],
    ['DUPLICATE', []],
    ['REJECTED', []],
  ]
  it.each(cases)('in %s offers %j', async (status, expected) => {
    const { wrapper } = mountPage(workerReport({ status }))
    await settle()
    expect(byTestId('report-detail-status')?.textContent).toContain(
      i18n.global.t(`reports.status.${status}`),
    )
    expect(actionIds()).toEqual(expected)
    wrapper.unmount()
  })

  it('offers nothing and no reply box to a reader', async () => {
    const { wrapper } = mountPage(workerReport(), ['reports:report:view'])
    await settle()
    expect(actionIds()).toEqual([])
    expect(byTestId('report-message-input')).toBeNull()
    wrapper.unmount()
  })

  it('acknowledges after a confirmation', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
    const { wrapper, calls } = mountPage(workerReport())
    await settle()
    byTestId('report-action-ACKNOWLEDGE')?.click()
    await settle()
    expect(posts(calls)[0]).toMatchObject({
      path: '/worker-reports/7/transitions',
      body: { event: 'ACKNOWLEDGE' },
    })
    wrapper.unmount()
  })

  it('a rejection needs a reason of 5+ characters, then posts it', async () => {
    const { wrapper, calls } = mountPage(workerReport({ status: 'UNDER_REVIEW' }))
    await settle()
    byTestId('report-action-REJECT')?.click()
    await settle()
    expect(byTestId('report-action-dialog')?.textContent).toContain('职工会看到驳回理由')
    byTestId('action-submit')?.click()
    await settle()
    expect(posts(calls)).toEqual([])
    typeInto('reject-reason', '已拆除')
    await settle()
    byTestId('action-submit')?.click()
    await settle()
    expect(document.body.textContent).toContain('驳回理由至少 5 个字')
    expect(posts(calls)).toEqual([])
    typeInto('reject-reason', '该配电箱已于上周拆除')
    await settle()
    byTestId('action-submit')?.click()
    await settle()
    expect(posts(calls)[0]?.body).toEqual({ event: 'REJECT', reason: '该配电箱已于上周拆除' })
    wrapper.unmount()
  })

  it('opens a hazard prefilled from the report, with the grade chosen', async () => {
    const { wrapper, calls } = mountPage(workerReport())
    await settle()
    byTestId('report-action-ACCEPT')?.click()
    await settle()
    const title = byTestId('accept-title') as HTMLInputElement
    expect((title.tagName === 'INPUT' ? title : title.querySelector('input'))?.value).toBe(
      '配电箱门没有锁',
    )
    typeInto('accept-title', '')
    await settle()
    byTestId('action-submit')?.click()
    await settle()
    expect(document.body.textContent).toContain('请输入隐患标题')
    expect(posts(calls)).toEqual([])

    typeInto('accept-title', '二号车间配电箱未上锁')
    byTestId('accept-grade-MAJOR')?.querySelector('input')?.click()
    await settle()
    byTestId('action-submit')?.click()
    await settle()
    expect(posts(calls)[0]?.body).toEqual({
      event: 'ACCEPT',
      grade: 'MAJOR',
      category: 'UNSAFE_CONDITION',
      title: '二号车间配电箱未上锁',
      description: '配电箱门没有锁\n旁边堆着纸箱',
    })
    wrapper.unmount()
  })

  it('merges into a hazard of the same enterprise', async () => {
    const { wrapper, calls } = mountPage(workerReport(), MANAGE, (call) =>
      call.path === '/hazards'
        ? json(200, {
            items: [
              hazardDetail({ id: 5, code: 'YH-5', title: '配电箱未上锁', status: 'RECTIFYING' }),
              hazardDetail({ id: 6, code: 'YH-6', title: '已驳回的', status: 'REJECTED' }),
              hazardDetail({ id: 8, code: 'YH-8', title: '已销号的', status: 'CLOSED' }),
            ],
            total: 3,
          })
        : undefined,
    )
    await settle()
    byTestId('report-action-MERGE')?.click()
    await settle()
    const query = calls.find((c) => c.path === '/hazards')?.query
    expect(query?.get('enterpriseId')).toBe('12')
    byTestId('action-submit')?.click()
    await settle()
    expect(posts(calls)).toEqual([])
    // Choose the first option of the select.
    byTestId('merge-hazard')?.click()
    await settle()
    const options = [...document.body.querySelectorAll('.el-select-dropdown__item')]
    expect(options.map((o) => o.textContent)).toEqual(['YH-5 配电箱未上锁（整改中）'])
    ;(options[0] as HTMLElement).click()
    await settle()
    byTestId('action-submit')?.click()
    await settle()
    expect(posts(calls)[0]?.body).toEqual({ event: 'MERGE', hazardId: 5 })
    wrapper.unmount()
  })
})

describe('ReportDetailPage content', () => {
  it('shows photos, the timeline with the worker as actor, the thread and the linked hazard', async () => {
    const { wrapper, router } = mountPage(
      workerReport({ status: 'ACCEPTED', hazardId: 5, hazardCode: 'YH-2026-0005' }),
    )
    await settle()
    expect(byTestId('report-photos')?.querySelectorAll('.el-image')).toHaveLength(1)
    expect(byTestId('report-timeline')?.textContent).toContain('职工提交')
    expect(byTestId('report-timeline')?.textContent).toContain('操作人：职工')
    expect(byTestId('report-timeline')?.textContent).toContain('2026-11-29 10:00')
    expect(byTestId('report-messages')?.textContent).toContain('配电箱在东侧门口')
    expect(byTestId('report-hazard-link')?.textContent).toContain('YH-2026-0005')
    byTestId('report-hazard-link')?.click()
    await settle()
    expect(router.currentRoute.value.path).toBe('/supervision/hazards/5')
    wrapper.unmount()
  })

  it('sends a reply, not an empty one', async () => {
    const { wrapper, calls } = mountPage(workerReport())
    await settle()
    byTestId('report-message-send')?.click()
    await settle()
    expect(byTestId('report-message-error')?.textContent).toContain('请输入回复内容')
    expect(posts(calls)).toEqual([])
    typeInto('report-message-input', '收到，我们明天去现场')
    await settle()
    byTestId('report-message-send')?.click()
    await settle()
    expect(posts(calls)[0]).toMatchObject({
      path: '/worker-reports/7/messages',
      body: { body: '收到，我们明天去现场' },
    })
    wrapper.unmount()
  })
})

describe('the named reporter', () => {
  const named = workerReport({ anonymity: 'NAMED' })
  const reporterAnswer = (call: FakeCall) =>
    call.path === '/worker-reports/7/reporter'
      ? json(200, { name: '王师傅', phone: '13912345678' })
      : undefined

  it('is hidden without reports:reporter:view', async () => {
    const { wrapper } = mountPage(named, MANAGE, reporterAnswer)
    await settle()
    expect(byTestId('report-show-reporter')).toBeNull()
    wrapper.unmount()
  })

  it('is never offered for an anonymous report', async () => {
    const { wrapper } = mountPage(workerReport(), [...MANAGE, 'reports:reporter:view'])
    await settle()
    expect(byTestId('report-show-reporter')).toBeNull()
    wrapper.unmount()
  })

  it('is shown after the warning that the view is recorded, and not fetched when cancelled', async () => {
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockRejectedValueOnce('cancel')
    const { wrapper, calls } = mountPage(
      named,
      [...MANAGE, 'reports:reporter:view'],
      reporterAnswer,
    )
    await settle()
    byTestId('report-show-reporter')?.click()
    await settle()
    expect(confirm.mock.calls[0]?.[1]).toBe('查看将被记录')
    expect(calls.some((c) => c.path.endsWith('/reporter'))).toBe(false)

    confirm.mockResolvedValueOnce('confirm' as never)
    byTestId('report-show-reporter')?.click()
    await settle()
    expect(calls.filter((c) => c.path.endsWith('/reporter'))).toHaveLength(1)
    expect(byTestId('reporter-name')?.textContent).toBe('王师傅')
    expect(byTestId('reporter-phone')?.textContent).toBe('13912345678')
    wrapper.unmount()
  })
})
