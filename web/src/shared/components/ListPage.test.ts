import { flushPromises, mount } from '@vue/test-utils'
import { ElFormItem, ElInput } from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { h } from 'vue'
import { useAuthStore } from '@/modules/auth/store'
import { ApiError } from '../http'
import { i18n, setLocale } from '../i18n'
import type { Page } from '../types'
import { requiredRule } from '../validators'
import ListPage from './ListPage.vue'
import type { ListColumn, ListForm } from './listPage'

interface Row {
  id: number
  username: string
  displayName: string
}
interface Model {
  username: string
}

const rows: Row[] = [
  { id: 1, username: 'zhangsan', displayName: '张三' },
  { id: 2, username: 'lisi', displayName: '李四' },
]
const columns: ListColumn<Row>[] = [
  { prop: 'username', label: '用户名' },
  { prop: 'displayName', label: '姓名', formatter: (r) => `【${r.displayName}】` },
]
const permissions = {
  create: 'system:user:create',
  update: 'system:user:update',
  delete: 'system:user:delete',
  export: 'system:user:export',
}

function signIn(keys: string[]) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().setMe({
    user: {
      id: 9,
      username: 'admin',
      displayName: '管理员',
      organisationId: 1,
      organisationName: '省总工会',
      mustChangePassword: false,
    },
    permissions: keys,
    dataScope: 'SUBTREE',
    csrfToken: 't',
  })
  return pinia
}

// The form slot, written as a render function (string templates need the runtime compiler).
const formSlot = ({ model }: { model: Model }) =>
  h(ElFormItem, { label: '用户名', prop: 'username' }, () =>
    h(ElInput, {
      modelValue: model.username,
      'onUpdate:modelValue': (v: string) => (model.username = v),
      'data-testid': 'field-username',
    }),
  )

function mountList(
  keys: string[],
  save: ListForm<Row, Model>['save'] = vi.fn(async () => undefined),
  answer: Pick<Page<Row>, 'total' | 'totalCapped'> = { total: 42 },
) {
  const fetcher = vi.fn(async (): Promise<Page<Row>> => ({
    items: rows.map((r) => ({ ...r })),
    ...answer,
  }))
  const form: ListForm<Row, Model> = {
    create: () => ({ username: '' }),
    edit: (row) => ({ username: row.username }),
    rules: { username: [requiredRule('用户名')] },
    save,
  }
  // VTU cannot infer a generic component's type parameters, hence the casts.
  const wrapper = mount(ListPage, {
    props: {
      fetcher,
      columns,
      exportPath: '/users/export',
      permissions,
      form,
      remove: vi.fn(async () => undefined),
      rowLabel: (r: Row) => r.displayName,
    } as never,
    slots: { form: formSlot as never },
    global: { plugins: [signIn(keys), i18n] },
    attachTo: document.body,
  })
  return { wrapper, fetcher, save }
}

const byTestId = (id: string) => document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`)

async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150)) // form errors show after a 100 ms debounce
  await flushPromises()
}

beforeEach(() => setLocale('zh-CN'))
afterEach(() => {
  document.body.innerHTML = ''
})

describe('ListPage', () => {
  it('loads the first page and renders columns, formatters and the total', async () => {
    const { wrapper, fetcher } = mountList(Object.values(permissions))
    await flushPromises()
    expect(fetcher).toHaveBeenCalledWith({ keyword: undefined, page: 1, pageSize: 20 })
    const text = wrapper.text()
    expect(text).toContain('zhangsan')
    expect(text).toContain('【李四】')
    expect(wrapper.find('.el-pagination__total').text()).toContain('42')
    expect(wrapper.findAll('[data-testid="list-edit"]')).toHaveLength(2)
    wrapper.unmount()
  })

  it('says 10,000+ when the server stopped counting, and still pages', async () => {
    const { wrapper } = mountList(Object.values(permissions), undefined, {
      total: 10001,
      totalCapped: true,
    })
    await flushPromises()
    expect(wrapper.find('.el-pagination__total').exists()).toBe(false)
    expect(wrapper.find('.list-total-capped').text()).toBe('共 10,000+ 条（请用筛选缩小范围）')
    expect(wrapper.find('.el-pager').text()).toContain('501')
    setLocale('en')
    await flushPromises()
    expect(wrapper.find('.list-total-capped').text()).toBe(
      'Total 10,000+ (narrow it down with the filters)',
    )
    wrapper.unmount()
  })

  it('hides add, export, edit and delete without the permission keys', async () => {
    const { wrapper } = mountList(['system:user:view'])
    await flushPromises()
    expect(byTestId('list-add')).toBeNull()
    expect(byTestId('list-export')).toBeNull()
    expect(wrapper.find('[data-testid="list-edit"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="list-delete"]').exists()).toBe(false)
    expect(wrapper.text()).not.toContain('操作')
    wrapper.unmount()
  })

  it('searches by keyword from page 1 and exports with the same filters', async () => {
    const { wrapper, fetcher } = mountList(Object.values(permissions))
    await flushPromises()
    await wrapper.find('input[data-testid="list-keyword"]').setValue('张')
    await wrapper.find('[data-testid="list-search"]').trigger('click')
    await flushPromises()
    expect(fetcher).toHaveBeenLastCalledWith({ keyword: '张', page: 1, pageSize: 20 })
    expect(byTestId('list-export')?.getAttribute('href')).toBe(
      '/api/v1/users/export?keyword=%E5%BC%A0',
    )
    wrapper.unmount()
  })

  it('validates the add dialog, shows server field errors, then saves and reloads', async () => {
    const save = vi
      .fn<(m: Model, row: Row | null) => Promise<unknown>>()
      .mockRejectedValueOnce(
        new ApiError(400, {
          code: 'invalid_input',
          message: '输入有误',
          fields: { username: '用户名已存在' },
        }),
      )
      .mockResolvedValueOnce(undefined)
    const { wrapper, fetcher } = mountList(Object.values(permissions), save)
    await flushPromises()

    byTestId('list-add')?.click()
    await settle()
    expect(byTestId('field-username')).not.toBeNull()

    // Empty submit: client-side rule, nothing sent.
    byTestId('dialog-submit')?.click()
    await settle()
    expect(document.body.querySelector('.el-form-item__error')?.textContent).toContain(
      '请输入用户名',
    )
    expect(save).not.toHaveBeenCalled()

    // Server rejects the value: its message appears under the field.
    const input = byTestId('field-username') as HTMLInputElement
    input.value = 'zhangsan'
    input.dispatchEvent(new Event('input'))
    await settle()
    byTestId('dialog-submit')?.click()
    await settle()
    expect(save).toHaveBeenCalledWith({ username: 'zhangsan' }, null)
    expect(document.body.querySelector('.el-form-item__error')?.textContent).toContain(
      '用户名已存在',
    )

    // Accepted: dialog closes and the list reloads.
    const loadsBefore = fetcher.mock.calls.length
    byTestId('dialog-submit')?.click()
    await settle()
    expect(save).toHaveBeenCalledTimes(2)
    expect(fetcher.mock.calls.length).toBe(loadsBefore + 1)
    expect(wrapper.emitted('saved')).toEqual([['create']])
    wrapper.unmount()
  })
})
