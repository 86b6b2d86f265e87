import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { fakeApi, json, signIn, type FakeCall } from '@/modules/organisations/testing'
import { i18n, setLocale } from '@/shared/i18n'
import HazardFormDialog from './HazardFormDialog.vue'
import { FakePhotoUpload } from './testing'

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

async function mountDialog(answer: (c: FakeCall) => Response | undefined) {
  const api = fakeApi(answer)
  const wrapper = mount(HazardFormDialog, {
    props: {
      modelValue: false,
      // As the inspection page opens it: the enterprise is known.
      preset: { enterpriseId: 12, enterpriseName: '福州恒达机械有限公司', inspectionId: 77 },
    },
    global: {
      plugins: [signIn(['supervision:hazard:manage']), i18n],
      stubs: { PhotoUpload: FakePhotoUpload },
    },
    attachTo: document.body,
  })
  await wrapper.setProps({ modelValue: true })
  await nextTick()
  await settle()
  return { wrapper, ...api }
}

beforeEach(() => setLocale('zh-CN'))
afterEach(() => {
  document.body.innerHTML = ''
})

describe('HazardFormDialog', () => {
  it('validates as you type and hints at the major-hazard criteria', async () => {
    const { wrapper, calls } = await mountDialog(() => undefined)
    type('hazard-field-title', 'x')
    await settle()
    type('hazard-field-title', '')
    await settle()
    expect(document.body.textContent).toContain('请输入隐患名称')
    type('hazard-field-title', '配电箱未上锁')
    await settle()
    expect(document.body.textContent).not.toContain('请输入隐患名称')

    expect(byTestId('major-hint')).toBeNull()
    byTestId('hazard-field-grade')?.querySelectorAll('input')[1]?.click()
    await settle()
    expect(byTestId('major-hint')?.textContent).toContain('工贸重大隐患判定')

    byTestId('hazard-submit')?.click()
    await settle()
    expect(document.body.textContent).toContain('请选择类别')
    expect(document.body.textContent).toContain('请输入判定依据')
    expect(document.body.textContent).toContain('请输入部位')
    expect(document.body.textContent).not.toContain('请选择企业')
    expect(calls.some((c) => c.method === 'POST')).toBe(false)
    wrapper.unmount()
  })

  it('sends the hazard with its photos and shows the server field errors under the inputs', async () => {
    const { wrapper, calls } = await mountDialog((call) =>
      call.method === 'POST'
        ? json(400, {
            code: 'invalid_input',
            message: '提交的内容有误',
            fields: { foundOn: '发现日期不能晚于今天' },
          })
        : undefined,
    )
    type('hazard-field-title', '配电箱未上锁')
    type('hazard-field-location', '二号车间')
    // Pick a category through the model the select binds.
    const category = wrapper
      .findAllComponents({ name: 'ElSelect' })
      .find((c) => c.attributes('data-testid') === 'hazard-field-category')
    category?.vm.$emit('update:modelValue', 'UNSAFE_CONDITION')
    byTestId('hazard-field-photos-fake-add')?.click()
    await settle()
    byTestId('hazard-submit')?.click()
    await settle()
    const post = calls.find((c) => c.method === 'POST')
    expect(post?.path).toBe('/hazards')
    expect(post?.body).toMatchObject({
      enterpriseId: 12,
      inspectionId: 77,
      source: 'UNION_INSPECTION',
      category: 'UNSAFE_CONDITION',
      grade: 'GENERAL',
      title: '配电箱未上锁',
      location: '二号车间',
      immediateDanger: false,
      photoFileIds: [42],
    })
    expect(document.body.textContent).toContain('发现日期不能晚于今天')
    wrapper.unmount()
  })
})
