import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { fakeApi, json, type FakeCall } from '@/modules/organisations/testing'
import { i18n, setLocale } from '@/shared/i18n'
import ReplyPage from './ReplyPage.vue'
import { FakePhotoUpload } from './testing'

const TOKEN = 'tok_ABC-123'
const VIEW = {
  documentNo: '玄武区总工会劳保〔2026〕1号',
  documentType: 'HAZARD_RECTIFICATION_NOTICE',
  documentTypeLabel: '隐患整改通知书',
  organisationName: '玄武区总工会',
  addressee: '南京玄武家具制造有限公司',
  title: '关于南京玄武家具制造有限公司事故隐患限期整改的通知',
  content: '经检查，你单位存在下列事故隐患',
  requestedActions: '立即整改',
  signedBy: '张伟',
  issuedOn: '2026-11-29',
  servedOn: '2026-11-29',
  replyDue: '2026-12-10',
  status: 'SERVED',
  hazards: [
    {
      code: 'YH-1',
      title: '消防通道堵塞',
      description: '',
      location: '成品仓库',
      grade: 'GENERAL',
      rectificationDeadline: '2026-12-20',
    },
  ],
  linkExpiresAt: 1767000000000,
}

const byTestId = (id: string) => document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`)
async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 100))
  await flushPromises()
}
function type(testId: string, value: string) {
  const el = byTestId(testId)
  const input = (
    el?.matches('input, textarea') ? el : el?.querySelector('input, textarea')
  ) as HTMLInputElement
  input.value = value
  input.dispatchEvent(new Event('input'))
}

function mountPage(answer: (c: FakeCall) => Response | undefined) {
  setActivePinia(createPinia())
  const api = fakeApi(answer)
  const wrapper = mount(ReplyPage, {
    props: { token: TOKEN },
    global: { plugins: [i18n], stubs: { PhotoUpload: FakePhotoUpload, LanguageSwitch: true } },
    attachTo: document.body,
  })
  return { wrapper, ...api }
}

beforeEach(() => setLocale('zh-CN'))
afterEach(() => {
  document.body.innerHTML = ''
})

describe('ReplyPage', () => {
  it('shows the document and sends 已整改完毕 only with an evidence photo', async () => {
    const { wrapper, calls } = mountPage((call) => {
      if (call.path === `/public/document-replies/${TOKEN}` && call.method === 'GET')
        return json(200, VIEW)
      if (call.path === `/public/document-replies/${TOKEN}` && call.method === 'POST')
        return json(200, { status: 'REPLIED', documentNo: VIEW.documentNo })
      return undefined
    })
    await settle()
    expect(byTestId('reply-title')?.textContent).toBe(VIEW.title)
    expect(byTestId('reply-hazards')?.textContent).toContain('消防通道堵塞')

    byTestId('reply-decision-RECTIFIED')?.querySelector('input')?.click()
    await settle()
    type('reply-content', '已清理消防通道，设置禁止堆放标识')
    type('reply-contact', '李经理 13912345678')
    await settle()
    byTestId('reply-submit')?.click()
    await settle()
    expect(document.body.textContent).toContain('请上传至少一张佐证照片')
    expect(calls.some((c) => c.method === 'POST')).toBe(false)

    byTestId('reply-evidence-fake-add')?.click()
    await settle()
    byTestId('reply-submit')?.click()
    await settle()
    const post = calls.find((c) => c.method === 'POST')
    expect(post?.body).toEqual({
      decision: 'RECTIFIED',
      content: '已清理消防通道，设置禁止堆放标识',
      contact: '李经理 13912345678',
      evidenceFileIds: [42],
    })
    expect(byTestId('reply-done')).not.toBeNull()
    wrapper.unmount()
  })

  it("shows the server's reason when the link is used or expired", async () => {
    const { wrapper } = mountPage(() =>
      json(410, { code: 'gone', message: '该回复链接已使用，每个链接只能回复一次' }),
    )
    await settle()
    expect(byTestId('reply-error')?.textContent).toContain('该回复链接已使用')
    expect(byTestId('reply-submit')).toBeNull()
    wrapper.unmount()
  })
})
