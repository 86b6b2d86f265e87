import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fakeApi, json, signIn, type FakeCall } from '@/modules/organisations/testing'
import { i18n, setLocale } from '@/shared/i18n'
import NotificationBell from './NotificationBell.vue'
import { testRouter } from './testing'
import type { Notification } from './types'

function message(id: number, over: Partial<Notification> = {}): Notification {
  return {
    id,
    kind: 'MAJOR_HAZARD',
    title: `消息${id}`,
    body: '',
    entityType: 'hazard',
    entityId: id * 10,
    organisationId: 5,
    createdAt: 1_767_225_600_000,
    readAt: null,
    ...over,
  }
}

let unread = 3
function answer(call: FakeCall) {
  if (call.path === '/me/notifications/unread-count') return json(200, { count: unread })
  if (call.path === '/me/notifications' && call.method === 'GET')
    return json(200, {
      items: [message(2), message(1, { readAt: 1, kind: 'SOMETHING_NEW', entityType: '' })],
      total: 2,
      unread,
    })
  if (call.path === '/me/notifications/2/read' && call.method === 'POST') {
    unread -= 1
    return new Response(null, { status: 204 })
  }
  if (call.path === '/me/notifications/read-all') return json(200, { marked: unread })
  return undefined
}

const byTestId = (id: string) => document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`)
const allByTestId = (id: string) => [
  ...document.body.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`),
]

async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

async function mountBell() {
  const api = fakeApi(answer)
  const router = testRouter()
  await router.push('/')
  const wrapper = mount(NotificationBell, {
    global: { plugins: [signIn([]), i18n, router] },
    attachTo: document.body,
  })
  return { wrapper, router, ...api }
}

beforeEach(() => {
  setLocale('zh-CN')
  unread = 3
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('NotificationBell', () => {
  it('shows the unread count as a badge and asks again when the route changes', async () => {
    const { wrapper, router, calls } = await mountBell()
    await settle()
    expect(byTestId('inbox-badge')?.textContent).toContain('3')
    const asked = () => calls.filter((c) => c.path === '/me/notifications/unread-count').length
    expect(asked()).toBe(1)
    unread = 0
    await router.push('/inbox/todos')
    await settle()
    expect(asked()).toBe(2)
    expect(byTestId('inbox-badge')?.querySelector('.el-badge__content')?.textContent ?? '').toBe('')
    wrapper.unmount()
  })

  it('lists the latest messages and opens the entity of one, marking it read', async () => {
    const { wrapper, router, calls } = await mountBell()
    await settle()
    byTestId('inbox-bell')?.click()
    await settle()
    const items = allByTestId('inbox-dropdown-item')
    expect(items).toHaveLength(2)
    expect(items[0]?.textContent).toContain('消息2')
    expect(items[0]?.textContent).toContain('重大隐患')
    expect(items[1]?.textContent).toContain('SOMETHING_NEW') // an unknown kind shows as it is
    items[0]?.click()
    await settle()
    expect(calls.some((c) => c.method === 'POST' && c.path === '/me/notifications/2/read')).toBe(
      true,
    )
    expect(router.currentRoute.value.fullPath).toBe('/supervision/hazards/20')
    expect(byTestId('inbox-badge')?.textContent).toContain('2')
    wrapper.unmount()
  })

  it('closes the dropdown when the page changes', async () => {
    const { wrapper, router } = await mountBell()
    await settle()
    const popper = () => byTestId('inbox-dropdown')?.closest<HTMLElement>('.el-popper')
    byTestId('inbox-bell')?.click()
    await settle()
    expect(popper()?.style.display).not.toBe('none')
    await router.push('/inbox/todos')
    await settle()
    expect(popper()?.style.display).toBe('none')
    wrapper.unmount()
  })

  it('marks everything read from the dropdown', async () => {
    const { wrapper, calls } = await mountBell()
    await settle()
    byTestId('inbox-bell')?.click()
    await settle()
    byTestId('inbox-dropdown-read-all')?.click()
    await settle()
    expect(calls.some((c) => c.method === 'POST' && c.path === '/me/notifications/read-all')).toBe(
      true,
    )
    expect(byTestId('inbox-badge')?.querySelector('.el-badge__content')?.textContent ?? '').toBe('')
    wrapper.unmount()
  })
})
