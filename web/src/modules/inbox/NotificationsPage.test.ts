import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fakeApi, json, signIn, type FakeCall } from '@/modules/organisations/testing'
import { i18n, setLocale } from '@/shared/i18n'
import NotificationsPage from './NotificationsPage.vue'
import { testRouter } from './testing'
import type { Notification } from './types'

function message(id: number, over: Partial<Notification> = {}): Notification {
  return {
    id,
    kind: 'DEADLINE_REMINDER',
    title: `整改期限将至 ${id}`,
    body: `YH-${id}`,
    entityType: 'document',
    entityId: id + 100,
    organisationId: 5,
    createdAt: 1_767_225_600_000,
    readAt: null,
    ...over,
  }
}

let messages: Notification[] = []
function answer(call: FakeCall) {
  const unread = messages.filter((m) => m.readAt === null).length
  if (call.path === '/me/notifications' && call.method === 'GET') {
    const items =
      call.query.get('unread') === 'true' ? messages.filter((m) => m.readAt === null) : messages
    return json(200, { items, total: items.length, unread })
  }
  const read = /^\/me\/notifications\/(\d+)\/read$/.exec(call.path)
  if (read && call.method === 'POST') {
    const found = messages.find((m) => m.id === Number(read[1]))
    if (found) found.readAt = 5
    return new Response(null, { status: 204 })
  }
  if (call.path === '/me/notifications/read-all' && call.method === 'POST') {
    for (const m of messages) m.readAt ??= 5
    return json(200, { marked: unread })
  }
  return undefined
}

const byTestId = (id: string) => document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`)

async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

async function mountPage() {
  const api = fakeApi(answer)
  const router = testRouter()
  await router.push('/inbox/notifications')
  const wrapper = mount(NotificationsPage, {
    global: { plugins: [signIn([]), i18n, router] },
    attachTo: document.body,
  })
  await settle()
  return { wrapper, router, ...api }
}

beforeEach(() => {
  setLocale('zh-CN')
  messages = [message(3), message(2, { readAt: 1 }), message(1, { entityType: '', entityId: null })]
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('NotificationsPage', () => {
  it('lists the messages with their state and kind and filters to the unread ones', async () => {
    const { wrapper, calls } = await mountPage()
    const rows = wrapper.findAll('.el-table__body tr')
    expect(rows).toHaveLength(3)
    expect(rows[0]?.text()).toContain('未读')
    expect(rows[0]?.text()).toContain('期限提醒')
    expect(rows[0]?.text()).toContain('YH-3')
    expect(rows[1]?.text()).toContain('已读')
    expect(byTestId('inbox-unread-note')?.textContent).toContain('未读 2 条')
    // Only messages that point somewhere can be opened.
    expect(rows[0]?.find('[data-testid="inbox-open"]').exists()).toBe(true)
    expect(rows[2]?.find('[data-testid="inbox-open"]').exists()).toBe(false)

    const unreadOnly = [
      ...document.body.querySelectorAll<HTMLInputElement>('[data-testid="filter-unread"] input'),
    ][1]
    unreadOnly?.click()
    await settle()
    expect(calls.at(-1)?.query.get('unread')).toBe('true')
    expect(wrapper.findAll('.el-table__body tr')).toHaveLength(2)
    wrapper.unmount()
  })

  it('marks one message read without opening it, then all of them', async () => {
    const { wrapper, router, calls } = await mountPage()
    await wrapper.findAll('[data-testid="inbox-mark-read"]')[0]?.trigger('click')
    await settle()
    expect(calls.some((c) => c.method === 'POST' && c.path === '/me/notifications/3/read')).toBe(
      true,
    )
    expect(router.currentRoute.value.fullPath).toBe('/inbox/notifications')
    expect(byTestId('inbox-unread-note')?.textContent).toContain('未读 1 条')

    byTestId('inbox-read-all')?.click()
    await settle()
    expect(calls.some((c) => c.method === 'POST' && c.path === '/me/notifications/read-all')).toBe(
      true,
    )
    expect(byTestId('inbox-unread-note')?.textContent).toContain('未读 0 条')
    expect(wrapper.findAll('[data-testid="inbox-mark-read"]')).toHaveLength(0)
    wrapper.unmount()
  })

  it('clicking a message marks it read and opens its document', async () => {
    const { wrapper, router, calls } = await mountPage()
    await wrapper.findAll('[data-testid="inbox-message"]')[0]?.trigger('click')
    await settle()
    expect(calls.some((c) => c.method === 'POST' && c.path === '/me/notifications/3/read')).toBe(
      true,
    )
    expect(router.currentRoute.value.fullPath).toBe('/supervision/documents/103')
    wrapper.unmount()
  })
})
