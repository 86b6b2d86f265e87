import { mount } from '@vue/test-utils'
import { ElOption, ElSelect } from 'element-plus'
import { describe, expect, it } from 'vitest'
import { i18n } from '../i18n'
import FilterMultiSelect from './FilterMultiSelect.vue'

describe('FilterMultiSelect', () => {
  it('offers the options (no "all" entry: none chosen is all) and passes the test id and the values through', async () => {
    const wrapper = mount(FilterMultiSelect, {
      props: {
        modelValue: ['OPEN'],
        options: [
          { value: 'OPEN', label: '待处理' },
          { value: 'CLOSED', label: '已关闭' },
        ],
        'onUpdate:modelValue': (value: string[]) => wrapper.setProps({ modelValue: value }),
      },
      attrs: { 'data-testid': 'filter-status' },
      global: { plugins: [i18n] },
    })
    const select = wrapper.findComponent(ElSelect)
    expect(select.props('multiple')).toBe(true)
    expect(select.props('clearable')).toBe(true)
    expect(select.props('placeholder')).toBe(i18n.global.t('common.all'))
    expect(select.props('modelValue')).toEqual(['OPEN'])
    expect(wrapper.find('[data-testid="filter-status"].status-filter').exists()).toBe(true)
    const options = wrapper.findAllComponents(ElOption).map((option) => option.props('value'))
    expect(options).toEqual(['OPEN', 'CLOSED'])
    select.vm.$emit('update:modelValue', ['OPEN', 'CLOSED'])
    await wrapper.vm.$nextTick()
    expect(wrapper.props('modelValue')).toEqual(['OPEN', 'CLOSED'])
  })
})
