import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fakeApi, json, signIn, type FakeCall } from '@/modules/organisations/testing'
import { i18n, setLocale } from '@/shared/i18n'
import InboxSummaryCard from './InboxSummaryCard.vue'
import { useInboxStore } from './store'
import { testRouter } from './testing'

function answer(call: FakeCall) {
  if (call.path === '/me/todos')
    return json(200, {
      items: [
        {
          id: 1,
          kind: 'TRIAGE_HAZARD',
          title: '研判隐患：某化工厂',
          entityType: 'hazard',
          entityId: 8,
          organisationId: 5,
          organisationName: '新街口街道工会',
          dueDate: '2025-12-31',
          overdue: true,
          createdAt: 0,
        },
      ],
      total: 12,
    })
  return undefined
}

beforeEach(() => setLocale('zh-CN'))
afterEach(() => {
  document.body.innerHTML = ''
})

describe('InboxSummaryCard', () => {
  it('shows how many to-dos await the user, the soonest with its due date, and the unread messages', async () => {
    const { calls } = fakeApi(answer)
    const router = testRouter()
    await router.push('/')
    const pinia = signIn([])
    useInboxStore().set(4)
    const wrapper = mount(InboxSummaryCard, { global: { plugins: [pinia, i18n, router] } })
    await flushPromises()
    expect(calls[0]?.query.get('pageSize')).toBe('5')
    expect(wrapper.find('[data-testid="home-todo-count"]').text()).toContain('12')
    expect(wrapper.find('[data-testid="home-unread-count"]').text()).toContain('4')
    const soonest = wrapper.find('[data-testid="home-todo"]')
    expect(soonest.text()).toContain('研判隐患：某化工厂')
    expect(soonest.find('.due').classes()).toContain('overdue')
    await soonest.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/supervision/hazards/8')
    wrapper.unmount()
  })
})
