import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setLocale } from '../i18n'
import {
  click,
  el,
  host,
  json,
  publicReport,
  removeHosts,
  stubFetch,
  toastText,
  type,
  type Call,
} from '../testing'
import type { PublicReport } from '../types'
import StatusPage from './StatusPage.vue'

const RECEIPT = '12345678901234567890'

function mountPage(answer: (call: Call) => Response | undefined) {
  const calls = stubFetch(answer)
  const wrapper = mount(StatusPage, { attachTo: host() })
  return { wrapper, calls }
}

function found(report: PublicReport) {
  return (call: Call) => {
    if (call.path === '/public/reports/lookup') {
      const { receipt } = call.body as { receipt: string }
      return receipt === RECEIPT
        ? json(200, report)
        : json(404, {
            code: 'not_found',
            message: '回执码不正确',
            fields: { receipt: '回执码不正确' },
          })
    }
    return undefined
  }
}

async function lookUp(receipt = '1234 5678 9012 3456 7890') {
  await type('status-receipt', receipt)
  await click('lookup')
}

beforeEach(() => setLocale('zh-CN'))
afterEach(() => {
  removeHosts()
  vi.unstubAllGlobals()
  localStorage.clear()
})

describe('looking up a receipt', () => {
  it('asks for a numeric keypad and checks the length before sending', async () => {
    const { wrapper, calls } = mountPage(found(publicReport()))
    expect(el('status-receipt')?.getAttribute('inputmode')).toBe('numeric')
    await lookUp('1234 5678')
    expect(calls).toEqual([])
    expect(document.body.textContent).toContain('回执码是 20 位数字')
    wrapper.unmount()
  })

  it('sends the digits only, in a POST body with the public CSRF header, and keeps them nowhere else', async () => {
    const { wrapper, calls } = mountPage(found(publicReport()))
    await lookUp('1234-5678-9012-3456-7890')
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({
      method: 'POST',
      path: '/public/reports/lookup',
      body: { receipt: RECEIPT },
    })
    expect(calls[0]?.headers['X-CSRF-Token']).toBe('public')
    expect(el('status-label')?.textContent).toContain('已提交，待受理')
    expect(JSON.stringify({ ...localStorage })).not.toContain(RECEIPT)
    expect(location.href).not.toContain(RECEIPT)
    expect(document.body.innerHTML).not.toContain(RECEIPT)
    wrapper.unmount()
  })

  it('answers a wrong receipt with 回执码不正确', async () => {
    const { wrapper } = mountPage(found(publicReport()))
    await lookUp('0000 0000 0000 0000 0000')
    expect(document.body.textContent).toContain('回执码不正确')
    expect(el('status')).toBeNull()
    wrapper.unmount()
  })

  it('tells how long to wait after too many wrong receipts', async () => {
    const { wrapper } = mountPage(() =>
      json(429, { code: 'rateLimited', message: 'x' }, { 'Retry-After': '45' }),
    )
    await lookUp()
    expect(document.body.textContent).toContain('提交太频繁，请稍后再试（45 秒后可再试）')
    wrapper.unmount()
  })
})

describe('the status', () => {
  const stepStates = () =>
    [...document.body.querySelectorAll('[data-test^="step-"]')].map(
      (s) => `${s.getAttribute('data-test')?.slice(5)}:${s.getAttribute('data-state')}`,
    )

  it.each<[string, string, string[]]>([
    [
      'SUBMITTED',
      '已提交，待受理',
      ['submitted:active', 'acknowledged:todo', 'accepted:todo', 'resolved:todo'],
    ],
    [
      'UNDER_REVIEW',
      '已受理，核实中',
      ['submitted:done', 'acknowledged:active', 'accepted:todo', 'resolved:todo'],
    ],
    [
      'ACCEPTED',
      '已立案为隐患',
      ['submitted:done', 'acknowledged:done', 'accepted:active', 'resolved:todo'],
    ],
    [
      'DUPLICATE',
      '已合并到正在处理的案件',
      ['submitted:done', 'acknowledged:done', 'merged:active', 'resolved:todo'],
    ],
    [
      'RESOLVED',
      '隐患已整改',
      ['submitted:done', 'acknowledged:done', 'accepted:done', 'resolved:done'],
    ],
    ['REJECTED', '已驳回', ['submitted:done', 'acknowledged:done', 'rejected:failed']],
  ])('%s reads “%s” with its steps and the server’s outcome', async (status, label, steps) => {
    const outcome = `结果说明 ${status}`
    const { wrapper } = mountPage(found(publicReport({ status, outcome })))
    await lookUp()
    expect(el('status-label')?.textContent?.trim()).toBe(label)
    expect(stepStates()).toEqual(steps)
    expect(el('outcome')?.textContent?.trim()).toBe(outcome)
    wrapper.unmount()
  })

  it('reads outcome codes too, and shows the server’s category label', async () => {
    const { wrapper } = mountPage(
      found(
        publicReport({ status: 'ACCEPTED', outcome: 'RESOLVED', categoryLabel: '设备设施不安全' }),
      ),
    )
    await lookUp()
    expect(el('outcome')?.textContent?.trim()).toBe('已整改')
    expect(stepStates().at(-1)).toBe('resolved:done')
    expect(el('status')?.parentElement?.textContent).toContain('设备设施不安全')
    wrapper.unmount()
  })

  it('shows the reason of a rejection', async () => {
    const { wrapper } = mountPage(
      found(publicReport({ status: 'REJECTED', rejectReason: '该配电箱已停用并拆除' })),
    )
    await lookUp()
    expect(el('reject-reason')?.textContent).toContain('该配电箱已停用并拆除')
    wrapper.unmount()
  })

  it('shows the thread and sends a message with the receipt in the body', async () => {
    const report = publicReport({
      status: 'UNDER_REVIEW',
      messages: [
        {
          author: 'UNION',
          from: '鼓楼区总工会',
          body: '请问配电箱在哪一侧？',
          at: '2026-11-29 11:00',
        },
      ],
      unreadFromUnion: 1,
    })
    const { wrapper, calls } = mountPage((call) => {
      if (call.path === '/public/reports/messages')
        return json(200, {
          ...report,
          messages: [
            ...report.messages,
            {
              author: 'WORKER',
              body: (call.body as { body: string }).body,
              at: '2026-11-29T04:00:00Z',
            },
          ],
          unreadFromUnion: 0,
        })
      return found(report)(call)
    })
    await lookUp()
    expect(el('message-list')?.textContent).toContain('请问配电箱在哪一侧？')
    expect(el('message-list')?.textContent).toContain('鼓楼区总工会 · 2026-11-29 11:00')
    expect(el('unread')?.textContent).toContain('1')

    await click('send')
    expect(document.body.textContent).toContain('请输入内容')
    expect(calls.filter((c) => c.path === '/public/reports/messages')).toEqual([])

    await type('message-input', '东侧，靠近二号门')
    await click('send')
    const post = calls.find((c) => c.path === '/public/reports/messages')
    expect(post?.body).toEqual({ receipt: RECEIPT, body: '东侧，靠近二号门' })
    expect(post?.headers['X-CSRF-Token']).toBe('public')
    const bubbles = [...(el('message-list')?.querySelectorAll('[data-author]') ?? [])]
    expect(bubbles.map((b) => b.getAttribute('data-author'))).toEqual(['UNION', 'WORKER'])
    expect(el('unread')).toBeNull()
    expect(toastText()).toContain('已发送')
    wrapper.unmount()
  })
})
