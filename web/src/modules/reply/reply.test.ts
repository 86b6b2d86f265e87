import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { RouteLocationNormalized } from 'vue-router'
import { createMemoryHistory, createRouter } from 'vue-router'
import { authGuard } from '@/app/guards'
import { i18n, setLocale } from '@/shared/i18n'
import { replyBody } from './api'
import ReplyPage from './ReplyPage.vue'
import { replyRules, shanghaiToday } from './replyRules'
import type { PublicDocument, ReplyForm } from './types'
import routes from './routes'

function form(patch: Partial<ReplyForm> = {}): ReplyForm {
  return {
    decision: '',
    content: '',
    plan: '',
    rectificationDeadline: '',
    contact: '',
    evidenceFileIds: [],
    ...patch,
  }
}

/** The first message the rules of `field` give for `value`, or null. */
async function check(f: ReplyForm, field: keyof ReplyForm, value: unknown): Promise<string | null> {
  for (const rule of replyRules(f, '2026-11-29')[field] ?? []) {
    const message = await new Promise<string | null>((resolve) => {
      const validator = rule.validator as (r: unknown, v: unknown, cb: (e?: Error) => void) => void
      validator(rule, value, (error) => resolve(error ? error.message : null))
    })
    if (message) return message
  }
  return null
}

const DOCUMENT: PublicDocument = {
  documentNo: '玄武区总工会劳保〔2026〕3号',
  documentType: 'HAZARD_RECTIFICATION_NOTICE',
  documentTypeLabel: '隐患整改通知书',
  organisationName: '玄武区总工会',
  addressee: '南京玄武精密机械有限公司',
  title: '关于配电箱隐患的整改通知',
  content: '经检查，你单位存在下列事故隐患。',
  requestedActions: '立即停用二号车间配电箱。',
  signedBy: '张伟',
  issuedOn: '2026-11-20',
  servedOn: '2026-11-21',
  replyDue: '2026-11-28',
  status: 'SERVED',
  hazards: [
    {
      code: 'YH-2026-1',
      title: '配电箱未接地',
      description: '',
      location: '二号车间',
      grade: 'MAJOR',
      rectificationDeadline: '2026-12-05',
    },
  ],
  linkExpiresAt: 0,
}

beforeEach(() => {
  setActivePinia(createPinia())
  setLocale('zh-CN')
})
afterEach(() => vi.unstubAllGlobals())

describe('reply rules', () => {
  it('ask for what the chosen decision needs, as the server does', async () => {
    setLocale('zh-CN')
    expect(await check(form(), 'decision', '')).toBe('请选择回复意见')
    const accept = form({ decision: 'ACCEPT' })
    expect(await check(accept, 'plan', ' ')).toBe('请填写整改方案')
    expect(await check(accept, 'rectificationDeadline', '')).toBe('请填写整改完成期限')
    expect(await check(accept, 'rectificationDeadline', '2026-11-28')).toBe('整改期限不能早于今天')
    expect(await check(accept, 'rectificationDeadline', '2026-12-01')).toBeNull()
    expect(await check(accept, 'content', '')).toBeNull()
    const rectified = form({ decision: 'RECTIFIED' })
    expect(await check(rectified, 'evidenceFileIds', [])).toBe('请上传至少一张整改后的照片')
    expect(await check(rectified, 'evidenceFileIds', [7])).toBeNull()
    expect(await check(rectified, 'plan', '')).toBeNull()
    const dispute = form({ decision: 'DISPUTE' })
    expect(await check(dispute, 'content', '')).toBe('请写明异议理由')
    expect(await check(dispute, 'content', 'x'.repeat(5001))).toBe('最多 5000 个字')
  })

  it('send only the fields of the decision', () => {
    expect(
      replyBody(
        form({ decision: 'DISPUTE', content: ' 理由 ', plan: '方案', evidenceFileIds: [1] }),
      ),
    ).toEqual({
      decision: 'DISPUTE',
      content: '理由',
      contact: '',
    })
    expect(
      replyBody(
        form({
          decision: 'ACCEPT',
          plan: '方案',
          rectificationDeadline: '2026-12-01',
          contact: '王',
        }),
      ),
    ).toEqual({
      decision: 'ACCEPT',
      content: '',
      contact: '王',
      plan: '方案',
      rectificationDeadline: '2026-12-01',
    })
    expect(replyBody(form({ decision: 'RECTIFIED', evidenceFileIds: [3, 4] }))).toEqual({
      decision: 'RECTIFIED',
      content: '',
      contact: '',
      evidenceFileIds: [3, 4],
    })
  })

  it('count days in Asia/Shanghai', () => {
    expect(shanghaiToday(new Date('2026-11-28T16:30:00Z'))).toBe('2026-11-29')
  })
})

describe('reply route', () => {
  it('is standalone and opens without looking up a session', async () => {
    const fetchMock = vi.fn()
    vi.stubGlobal('fetch', fetchMock)
    const route = routes.standalone?.[0]
    expect(route?.path).toBe('/reply/:token')
    const to = {
      name: 'document-reply',
      fullPath: '/reply/abc',
      path: '/reply/abc',
      meta: route?.meta ?? {},
    }
    expect(await authGuard(to as RouteLocationNormalized)).toBe(true)
    expect(fetchMock).not.toHaveBeenCalled()
  })
})

async function mountPage(answer: () => Response) {
  const fetchMock = vi.fn(async (_url: string) => answer())
  vi.stubGlobal('fetch', fetchMock)
  const router = createRouter({ history: createMemoryHistory(), routes: routes.standalone ?? [] })
  await router.push('/reply/tok123')
  await router.isReady()
  const wrapper = mount(ReplyPage, { global: { plugins: [ElementPlus, i18n, router] } })
  await flushPromises()
  return { wrapper, fetchMock }
}

describe('ReplyPage', () => {
  it('shows the document and its hazards with deadlines', async () => {
    const { wrapper, fetchMock } = await mountPage(
      () => new Response(JSON.stringify(DOCUMENT), { status: 200 }),
    )
    expect(String(fetchMock.mock.calls[0]?.[0] ?? '')).toContain('/api/v1/public/document-replies/tok123')
    expect(wrapper.get('[data-testid="reply-document-no"]').text()).toBe(
      '玄武区总工会劳保〔2026〕3号',
    )
    const hazard = wrapper.get('[data-testid="reply-hazard"]').text()
    expect(hazard).toContain('配电箱未接地')
    expect(hazard).toContain('2026-12-05')
    expect(wrapper.get('[data-testid="reply-due"]').text()).toContain('2026-11-28')
    expect(wrapper.find('[data-testid="reply-submit"]').exists()).toBe(true)
    for (const decision of ['ACCEPT', 'RECTIFIED', 'DISPUTE'])
      expect(wrapper.find(`[data-testid="reply-decision-${decision}"]`).exists()).toBe(true)
  })

  it('says clearly when the link was used, expired or revoked (410) or is unknown (404)', async () => {
    const used = await mountPage(
      () =>
        new Response(JSON.stringify({ code: 'gone', message: '该回复链接已使用过' }), {
          status: 410,
        }),
    )
    expect(used.wrapper.get('[data-testid="reply-error"]').text()).toContain('该回复链接已使用过')
    expect(used.wrapper.get('[data-testid="reply-error"]').text()).toContain('回复链接已失效')
    const unknown = await mountPage(
      () => new Response(JSON.stringify({ code: 'not_found', message: 'x' }), { status: 404 }),
    )
    expect(unknown.wrapper.get('[data-testid="reply-error"]').text()).toContain('回复链接无效')
  })
})
