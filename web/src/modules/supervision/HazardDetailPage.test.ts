import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { fakeApi, json, signIn, type FakeCall } from '@/modules/organisations/testing'
import { i18n, setLocale } from '@/shared/i18n'
import HazardDetailPage from './HazardDetailPage.vue'
import { FakePhotoUpload, hazardDetail } from './testing'
import type { HazardDetail, HazardStatus } from './types'

const MANAGE = [
  'supervision:hazard:view',
  'supervision:hazard:manage',
  'supervision:document:view',
  'supervision:document:manage',
]

const byTestId = (id: string) => document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`)

async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 100))
  await flushPromises()
}

function mountPage(
  hazard: HazardDetail,
  permissions = MANAGE,
  answer?: (c: FakeCall) => Response | undefined,
) {
  const api = fakeApi((call) => {
    const own = answer?.(call)
    if (own) return own
    if (call.path === `/hazards/${hazard.id}` && call.method === 'GET') return json(200, hazard)
    return undefined
  })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:p(.*)*', component: { render: () => null } }],
  })
  const wrapper = mount(HazardDetailPage, {
    props: { id: hazard.id },
    global: {
      plugins: [signIn(permissions), i18n, router],
      stubs: { PhotoUpload: FakePhotoUpload },
    },
    attachTo: document.body,
  })
  return { wrapper, ...api }
}

function actionIds(): string[] {
  return [...document.body.querySelectorAll('[data-testid^="hazard-action-"]')].map(
    (b) => b.getAttribute('data-testid')?.replace('hazard-action-', '') ?? '',
  )
}

beforeEach(() => setLocale('zh-CN'))
afterEach(() => {
  document.body.innerHTML = ''
})

describe('HazardDetailPage action buttons', () => {
  const cases: [HazardStatus, boolean, string[]][] = [
    ['REPORTED', false, ['TRIAGE', 'REJECT']],
    ['TRIAGED', false, ['ISSUE_NOTICE']],
    ['TRIAGED', true, ['RECOMMEND_EVACUATION', 'ISSUE_NOTICE']],
    ['EVACUATION_RECOMMENDED', true, ['ISSUE_NOTICE']],
    ['NOTIFIED', false, ['ENTERPRISE_ACCEPT', 'ENTERPRISE_DISPUTE', 'REPORT_RECTIFIED']],
    ['RECTIFYING', false, ['REPORT_RECTIFIED']],
    ['OVERDUE_REPLY', false, ['ENTERPRISE_ACCEPT', 'ENTERPRISE_DISPUTE', 'ESCALATE']],
    ['DISPUTED', false, ['ACCEPT_DISPUTE', 'MAINTAIN_POSITION']],
    ['PENDING_VERIFICATION', false, ['RECHECK']],
    ['OVERDUE_RECTIFICATION', false, ['REPORT_RECTIFIED', 'ESCALATE']],
    ['ESCALATED', false, ['AUTHORITY_ORDERS', 'AUTHORITY_CLOSES']],
    ['REJECTED', false, []],
    ['CLOSED', false, []],
  ]
  it.each(cases)(
    'in %s (immediate danger %s) shows %j',
    async (status, immediateDanger, expected) => {
      const { wrapper } = mountPage(hazardDetail({ status, immediateDanger }))
      await settle()
      expect(byTestId('hazard-detail-status')?.textContent).toContain(
        i18n.global.t(`supervision.hazardStatus.${status}`),
      )
      expect(actionIds()).toEqual(expected)
      wrapper.unmount()
    },
  )

  it('shows no buttons to a reader', async () => {
    const { wrapper } = mountPage(hazardDetail({ status: 'REPORTED' }), ['supervision:hazard:view'])
    await settle()
    expect(byTestId('hazard-detail-code')?.textContent).toBe('YH-2026-0005')
    expect(actionIds()).toEqual([])
    wrapper.unmount()
  })

  it('shows the timeline, photos and the major badge', async () => {
    const { wrapper } = mountPage(hazardDetail({ grade: 'MAJOR', status: 'TRIAGED' }))
    await settle()
    expect(byTestId('hazard-timeline')?.textContent).toContain('现场检查发现')
    expect(byTestId('hazard-photos')?.querySelectorAll('img, .el-image')).not.toHaveLength(0)
    expect(byTestId('major-badge')?.textContent).toContain('重大')
    wrapper.unmount()
  })

  it('a reject needs a reason before anything is sent, then posts it', async () => {
    const hazard = hazardDetail({ status: 'REPORTED' })
    const { wrapper, calls } = mountPage(hazard, MANAGE, (call) =>
      call.method === 'POST' ? json(200, { ...hazard, status: 'REJECTED' }) : undefined,
    )
    await settle()
    byTestId('hazard-action-REJECT')?.click()
    await settle()
    byTestId('transition-submit')?.click()
    await settle()
    expect(document.body.textContent).toContain('请输入理由')
    expect(calls.some((c) => c.method === 'POST')).toBe(false)
    const el = byTestId('transition-comment')
    const input = (
      el?.tagName === 'TEXTAREA' ? el : el?.querySelector('textarea')
    ) as HTMLTextAreaElement
    input.value = '不属于事故隐患'
    input.dispatchEvent(new Event('input'))
    await settle()
    byTestId('transition-submit')?.click()
    await settle()
    const post = calls.find((c) => c.method === 'POST')
    expect(post?.path).toBe('/hazards/5/transitions')
    expect(post?.body).toEqual({ event: 'REJECT', comment: '不属于事故隐患' })
    wrapper.unmount()
  })
})

describe('the recheck dialog', () => {
  async function openRecheck() {
    const hazard = hazardDetail({ status: 'PENDING_VERIFICATION' })
    const api = mountPage(hazard, MANAGE, (call) =>
      call.method === 'POST' ? json(200, { ...hazard, status: 'CLOSED' }) : undefined,
    )
    await settle()
    byTestId('hazard-action-RECHECK')?.click()
    await settle()
    return api
  }

  it('will not send a PASSED recheck without an evidence photo', async () => {
    const { wrapper, calls } = await openRecheck()
    byTestId('transition-result-PASSED')?.querySelector('input')?.click()
    await settle()
    byTestId('transition-submit')?.click()
    await settle()
    expect(document.body.textContent).toContain('复查合格须上传至少一张佐证照片')
    expect(calls.some((c) => c.method === 'POST')).toBe(false)

    // One photo is enough: the error goes and the recheck is sent with it.
    byTestId('transition-evidence-fake-add')?.click()
    await settle()
    expect(document.body.textContent).not.toContain('复查合格须上传至少一张佐证照片')
    byTestId('transition-submit')?.click()
    await settle()
    const post = calls.find((c) => c.method === 'POST')
    expect(post?.body).toMatchObject({
      event: 'RECHECK',
      result: 'PASSED',
      evidenceFileIds: [42],
      verifiers: '省总干部',
    })
    wrapper.unmount()
  })

  it('sends a FAILED recheck without a photo', async () => {
    const { wrapper, calls } = await openRecheck()
    byTestId('transition-result-FAILED')?.querySelector('input')?.click()
    await settle()
    byTestId('transition-submit')?.click()
    await settle()
    const post = calls.find((c) => c.method === 'POST')
    expect(post?.body).toMatchObject({ event: 'RECHECK', result: 'FAILED' })
    expect(post?.body).not.toHaveProperty('evidenceFileIds')
    wrapper.unmount()
  })

  it('shows the server field errors under the inputs', async () => {
    const hazard = hazardDetail({ status: 'PENDING_VERIFICATION' })
    const { wrapper } = mountPage(hazard, MANAGE, (call) =>
      call.method === 'POST'
        ? json(400, {
            code: 'invalid_input',
            message: '提交的内容有误',
            fields: { verifiedOn: '复查日期不能晚于今天' },
          })
        : undefined,
    )
    await settle()
    byTestId('hazard-action-RECHECK')?.click()
    await settle()
    byTestId('transition-result-FAILED')?.querySelector('input')?.click()
    await settle()
    byTestId('transition-submit')?.click()
    await settle()
    expect(document.body.textContent).toContain('复查日期不能晚于今天')
    wrapper.unmount()
  })
})
