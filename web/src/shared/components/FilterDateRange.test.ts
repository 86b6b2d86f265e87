import { mount } from '@vue/test-utils'
import { ElDatePicker } from 'element-plus'
import { describe, expect, it } from 'vitest'
import { i18n } from '../i18n'
import FilterDateRange from './FilterDateRange.vue'

describe('FilterDateRange', () => {
  it('picks a span of days as YYYY-MM-DD and passes the test id and the value to the picker', async () => {
    const wrapper = mount(FilterDateRange, {
      props: {
        modelValue: null,
        'onUpdate:modelValue': (value: [string, string] | null) =>
          wrapper.setProps({ modelValue: value }),
      },
      attrs: { 'data-testid': 'filter-found-range' },
      global: { plugins: [i18n] },
    })
    const picker = wrapper.findComponent(ElDatePicker)
    expect(picker.props('type')).toBe('daterange')
    expect(picker.props('valueFormat')).toBe('YYYY-MM-DD')
    expect(picker.props('startPlaceholder')).toBe(i18n.global.t('common.startTime'))
    expect(picker.props('endPlaceholder')).toBe(i18n.global.t('common.endTime'))
    expect(picker.props('rangeSeparator')).toBe(i18n.global.t('common.to'))
    // The test id reaches the el-date-picker as given (Element Plus's range editor does not render it).
    expect(picker.vm.$attrs['data-testid']).toBe('filter-found-range')
    picker.vm.$emit('update:modelValue', ['2026-11-01', '2026-11-29'])
    await wrapper.vm.$nextTick()
    expect(wrapper.props('modelValue')).toEqual(['2026-11-01', '2026-11-29'])
    expect(picker.props('modelValue')).toEqual(['2026-11-01', '2026-11-29'])
  })
})
