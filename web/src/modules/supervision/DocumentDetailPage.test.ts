import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { fakeApi, json, signIn, type FakeCall } from '@/modules/organisations/testing'
import { i18n, setLocale } from '@/shared/i18n'
import DocumentDetailPage from './DocumentDetailPage.vue'
import type { DocumentDetail, DocumentStatus } from './types'

const ALL = [
  'supervision:document:view',
  'supervision:document:manage',
  'supervision:document:sign',
]

function doc(status: DocumentStatus, over: Partial<DocumentDetail> = {}): DocumentDetail {
  return {
    id: 8,
    organisationId: 3,
    documentType: 'HAZARD_RECTIFICATION_NOTICE',
    documentNo: status === 'DRAFT' ? '' : '鼓楼劳保〔2026〕1号',
    enterpriseId: 12,
    enterpriseName: '福州恒达机械有限公司',
    addressee: '福州恒达机械有限公司',
    title: '关于福州恒达机械有限公司事故隐患限期整改的通知',
    content: '经检查，你单位存在下列事故隐患',
    requestedActions: '立即整改',
    replyDue: '2026-12-10',
    status,
    hazards: [{ id: 5, code: 'YH-5', title: '配电箱未上锁', grade: 'GENERAL', status: 'NOTIFIED' }],
    ...over,
  }
}

const byTestId = (id: string) => document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`)
async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 100))
  await flushPromises()
}

function mountPage(
  d: DocumentDetail,
  permissions = ALL,
  answer?: (c: FakeCall) => Response | undefined,
) {
  const api = fakeApi((call) => {
    const own = answer?.(call)
    if (own) return own
    if (call.path === `/documents/${d.id}` && call.method === 'GET') return json(200, d)
    return undefined
  })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:p(.*)*', component: { render: () => null } }],
  })
  const wrapper = mount(DocumentDetailPage, {
    props: { id: d.id },
    global: { plugins: [signIn(permissions), i18n, router] },
    attachTo: document.body,
  })
  return { wrapper, ...api }
}

const actionIds = () =>
  [...document.body.querySelectorAll('[data-testid^="document-action-"]')]
    .map((b) => b.getAttribute('data-testid') ?? '')
    .filter((id) => id !== 'document-action-dialog')
    .map((id) => id.replace('document-action-', ''))

beforeEach(() => setLocale('zh-CN'))
afterEach(() => {
  document.body.innerHTML = ''
  vi.restoreAllMocks()
})

describe('DocumentDetailPage', () => {
  it('offers the actions of each state', async () => {
    for (const [status, expected] of [
      ['DRAFT', ['edit', 'issue', 'withdraw']],
      ['ISSUED', ['serve', 'withdraw']],
      ['SERVED', ['replyLink', 'refused', 'withdraw']],
      ['REPLIED', ['review', 'withdraw']],
      ['CLOSED', []],
    ] as [DocumentStatus, string[]][]) {
      const { wrapper } = mountPage(doc(status))
      await settle()
      expect(actionIds()).toEqual(expected)
      expect(byTestId('document-print')).not.toBeNull()
      wrapper.unmount()
      document.body.innerHTML = ''
    }
  })

  it('issuing needs the sign permission', async () => {
    const { wrapper } = mountPage(doc('DRAFT'), [
      'supervision:document:view',
      'supervision:document:manage',
    ])
    await settle()
    expect(actionIds()).toEqual(['edit', 'withdraw'])
    wrapper.unmount()
  })

  it('issues with the signer', async () => {
    const { wrapper, calls } = mountPage(doc('DRAFT'), ALL, (call) =>
      call.method === 'POST' ? json(200, doc('ISSUED')) : undefined,
    )
    await settle()
    byTestId('document-action-issue')?.click()
    await settle()
    byTestId('action-submit')?.click()
    await settle()
    const post = calls.find((c) => c.method === 'POST')
    expect(post?.path).toBe('/documents/8/issue')
    expect(post?.body).toEqual({ signedBy: '省总干部' })
    wrapper.unmount()
  })

  it('shows a new reply link once, in full, with a copy button', async () => {
    const { wrapper, calls } = mountPage(doc('SERVED'), ALL, (call) =>
      call.method === 'POST' && call.path === '/documents/8/reply-links'
        ? json(201, {
            url: '/#/reply/abcDEF_123',
            token: 'abcDEF_123',
            expiresAt: 1767000000000,
          })
        : undefined,
    )
    await settle()
    byTestId('document-action-replyLink')?.click()
    await settle()
    expect(calls.some((c) => c.path === '/documents/8/reply-links')).toBe(true)
    const input = byTestId('reply-link-url')
    const value = (
      input?.matches('input') ? input : input?.querySelector('input')
    ) as HTMLInputElement
    expect(value.value).toBe(`${location.origin}/#/reply/abcDEF_123`)
    expect(byTestId('reply-link-text')?.textContent).toBe(`${location.origin}/#/reply/abcDEF_123`)
    expect(byTestId('reply-link-copy')).not.toBeNull()
    wrapper.unmount()
  })

  it('prints in a new tab, and shows the reply received', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null)
    const { wrapper } = mountPage(
      doc('REPLIED', {
        replyReceivedAt: 1765000000000,
        replyDecision: 'RECTIFIED',
        replyContent: '已更换配电箱门锁并张贴警示标识',
        evidence: [{ id: 51, url: '/api/v1/files/51', thumbnailUrl: '/api/v1/files/51/thumbnail' }],
      }),
    )
    await settle()
    byTestId('document-print')?.click()
    expect(open).toHaveBeenCalledWith('/api/v1/documents/8/print', '_blank')
    const reply = byTestId('document-reply')?.textContent ?? ''
    expect(reply).toContain('已整改完毕')
    expect(reply).toContain('已更换配电箱门锁')
    expect(byTestId('document-evidence')).not.toBeNull()
    wrapper.unmount()
  })
})
