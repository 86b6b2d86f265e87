import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fakeApi, json, signIn, type FakeCall } from '@/modules/organisations/testing'
import { i18n, setLocale } from '@/shared/i18n'
import TodosPage from './TodosPage.vue'
import { testRouter } from './testing'
import type { Todo } from './types'

function todo(id: number, over: Partial<Todo> = {}): Todo {
  return {
    id,
    kind: 'RECHECK_HAZARD',
    title: `复查隐患整改 ${id}`,
    entityType: 'hazard',
    entityId: id * 10,
    organisationId: 5,
    organisationName: '新街口街道工会',
    dueDate: '2026-01-08',
    overdue: false,
    createdAt: 1_767_225_600_000,
    ...over,
  }
}

const todos = [
  todo(1, { dueDate: '2025-12-31', overdue: true }),
  todo(2),
  todo(3, { dueDate: '', kind: 'INSPECTION_PLAN', entityType: 'inspection', entityId: 4 }),
]
function answer(call: FakeCall) {
  if (call.path === '/me/todos' && call.method === 'GET')
    return json(200, { items: todos, total: todos.length })
  return undefined
}

async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

beforeEach(() => setLocale('zh-CN'))
afterEach(() => {
  document.body.innerHTML = ''
})

describe('TodosPage', () => {
  it('shows due dates with the overdue ones in red, and opens a to-do on its entity page', async () => {
    const { calls } = fakeApi(answer)
    const router = testRouter()
    await router.push('/inbox/todos')
    const wrapper = mount(TodosPage, {
      global: { plugins: [signIn([]), i18n, router] },
      attachTo: document.body,
    })
    await settle()
    expect(calls[0]?.query.get('page')).toBe('1')
    const rows = wrapper.findAll('.el-table__body tr')
    expect(rows).toHaveLength(3)
    const due = rows[0]?.find('[data-testid="todo-due"]')
    expect(due?.classes()).toContain('overdue')
    expect(due?.text()).toContain('已逾期')
    expect(rows[1]?.find('[data-testid="todo-due"]').classes()).not.toContain('overdue')
    expect(rows[1]?.text()).toContain('复查整改')
    expect(rows[2]?.text()).toContain('无期限')
    expect(rows[2]?.text()).toContain('INSPECTION_PLAN')

    await rows[2]?.find('[data-testid="todo-title"]').trigger('click')
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/supervision/inspections/4')
    await wrapper.findAll('.el-table__body tr')[0]?.trigger('click')
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/supervision/hazards/10')
    wrapper.unmount()
  })
})
