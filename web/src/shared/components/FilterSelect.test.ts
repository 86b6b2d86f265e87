import { mount } from '@vue/test-utils'
import { ElOption, ElSelect } from 'element-plus'
import { describe, expect, it } from 'vitest'
import { i18n } from '../i18n'
import FilterSelect from './FilterSelect.vue'

describe('FilterSelect', () => {
  it('offers "all" first, then the options, and passes the test id and the value through', async () => {
    const wrapper = mount(FilterSelect, {
      props: {
        modelValue: '21',
        options: [
          { value: '11', label: '国有经济' },
          { value: '21', label: '私有经济' },
        ],
        wide: true,
        'onUpdate:modelValue': (value: string) => wrapper.setProps({ modelValue: value }),
      },
      attrs: { 'data-testid': 'filter-x' },
      global: { plugins: [i18n] },
    })
    const select = wrapper.findComponent(ElSelect)
    expect(select.props('modelValue')).toBe('21')
    expect(wrapper.find('[data-testid="filter-x"]').exists()).toBe(true)
    expect(wrapper.find('.filter-select.wide').exists()).toBe(true)
    const options = wrapper.findAllComponents(ElOption).map((option) => option.props('value'))
    expect(options).toEqual(['', '11', '21'])
    select.vm.$emit('update:modelValue', '')
    await wrapper.vm.$nextTick()
    expect(wrapper.props('modelValue')).toBe('')
  })
})
