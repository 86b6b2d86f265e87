import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { i18n, setLocale } from '@/shared/i18n'
import { fakeApi, json, signIn, type FakeCall } from '@/modules/organisations/testing'
import type * as ExportSheet from './exportSheet'
import { cellText, type Sheet } from './exportSheet'
import CoverageCapacityPage from './CoverageCapacityPage.vue'
import { capacityRow } from './testing'

const exported: { sheets: Sheet[]; filename: string }[] = []
vi.mock('./exportSheet', async (importOriginal) => ({
  ...(await importOriginal<typeof ExportSheet>()),
  exportXlsx: vi.fn(async (sheets: Sheet[], filename: string) => {
    exported.push({ sheets, filename })
  }),
}))

function answer(call: FakeCall): Response | undefined {
  if (call.method === 'GET' && call.path === '/statistics/coverage-capacity') {
    return json(200, {
      levels: [
        capacityRow({ level: 1, organisations: 1, enterprises: 0, covered: 0 }),
        capacityRow({ level: 2, organisations: 3 }),
        capacityRow({ level: 3, organisations: 12 }),
        capacityRow({ level: 4, organisations: 80 }),
      ],
      belowCounty: capacityRow({ organisations: 80, enterprises: 150, covered: 100 }),
      total: capacityRow({ organisations: 96, enterprises: 600, covered: 450 }),
      children: [
        capacityRow({ organisationId: 2, name: '南京市总工会', enterprises: 120, covered: 90 }),
        capacityRow({ organisationId: 3, name: '无锡市总工会', enterprises: 80, covered: 60 }),
      ],
    })
  }
  return undefined
}

async function settle() {
  for (let i = 0; i < 4; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
  }
}

beforeEach(() => {
  setLocale('zh-CN')
  exported.length = 0
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(Date.UTC(2026, 10, 29, 8)) })
})
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

describe('CoverageCapacityPage', () => {
  it("shows this year's report for the user's organisation per level and per child, and exports it", async () => {
    const { calls } = fakeApi(answer)
    const wrapper = mount(CoverageCapacityPage, {
      global: { plugins: [signIn(['statistics:dashboard:view']), i18n] },
      attachTo: document.body,
    })
    await settle()
    const call = calls.find((c) => c.path === '/statistics/coverage-capacity')
    expect(call?.query.get('organisationId')).toBe('1')
    expect(call?.query.get('year')).toBe('2026')

    expect(wrapper.get('[data-testid="stat-capacity-title"]').text()).toBe(
      '劳动保护工作覆盖与力量情况报告',
    )
    const levels = wrapper.findAll('[data-testid="stat-capacity-levels"] .el-table__body tr')
    expect(levels.map((r) => r.find('td').text())).toEqual([
      '省级',
      '市级',
      '县级',
      '乡镇（街道、园区）',
      '其中：县以下',
      '合计',
    ])
    const province = levels[0]!.findAll('td').map((td) => td.text())
    expect(province.slice(1, 6)).toEqual(['1', '4', '0', '0', '—']) // no enterprises: no rate
    const city = levels[1]!.findAll('td').map((td) => td.text())
    expect(city.slice(1, 6)).toEqual(['3', '4', '200', '150', '75.0%'])
    expect(city.slice(6, 12)).toEqual(['160', '100', '62.5%', '120', '60', '50.0%'])
    expect(city.at(-2)).toBe('123,456.00')
    const children = wrapper.findAll('[data-testid="stat-capacity-children"] .el-table__body tr')
    expect(children.map((r) => r.find('td').text())).toEqual(['南京市总工会', '无锡市总工会'])

    await wrapper.get('[data-testid="stat-capacity-export"]').trigger('click')
    await settle()
    expect(exported[0]?.filename).toBe('劳动保护工作覆盖与力量情况报告-福建省总工会-2026.xlsx')
    const rows = exported[0]!.sheets[0]!.rows.map((r) => cellText(r[0] ?? null))
    expect(rows).toEqual([
      '按层级',
      '省级',
      '市级',
      '县级',
      '乡镇（街道、园区）',
      '其中：县以下',
      '合计',
      '按下级单位',
      '南京市总工会',
      '无锡市总工会',
    ])
    wrapper.unmount()
  })
})
