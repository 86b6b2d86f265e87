import ExcelJS from 'exceljs'
import { beforeEach, describe, expect, it } from 'vitest'
import { i18n, setLocale } from '@/shared/i18n'
import { cellText, workbookBuffer } from './exportSheet'
import { capacitySheets, dashboardSheets, type Translate } from './exportRows'
import { capacityRow, dashboards } from './testing'

const t: Translate = (key, params) => i18n.global.t(key, params ?? {})

beforeEach(() => setLocale('zh-CN'))

describe('dashboardSheets', () => {
  it('lists the key figures with the previous period and the change, then the children', () => {
    const [figures, children] = dashboardSheets(dashboards()[1]!, t, {
      exportedAt: '2026-11-29 16:00',
    })
    expect(figures?.title).toBe('江苏省总工会 劳动保护工作统计（2026-01 至 2026-11）')
    expect(figures?.subtitle).toBe('上期 2025-02 至 2025-12；导出时间 2026-11-29 16:00')
    expect(figures?.header).toEqual(['指标代码', '指标', '本期', '上期', '变化'])
    const text = figures!.rows.map((row) => row.map(cellText))
    expect(text).toHaveLength(12)
    // Stocks, and ratios of stocks, have no previous value: the platform knows only their current value.
    expect(text[0]).toEqual(['E01', '企业数', '1200', '现值', ''])
    expect(text[1]).toEqual(['C01', '建会覆盖率', '75.0%', '现值', ''])
    expect(text[9]).toEqual(['H03', '逾期未整改', '3', '现值', ''])
    expect(text[4]).toEqual(['SV03', '发现隐患', '400', '500', '▼ 20.0%'])
    expect(text[6]).toEqual(['SV06', '隐患整改率', '80.0%', '75.0%', '▲ 5.0个百分点'])
    expect(text[11]).toEqual(['R02', '平均响应时长', '5.25', '5.25', '持平'])

    expect(children?.header.slice(0, 3)).toEqual(['组织', '企业数', '建会覆盖率'])
    const rows = children!.rows.map((row) => row.map(cellText))
    expect(rows.map((r) => r[0])).toEqual([
      '南京市总工会',
      '无锡市总工会',
      '本级直属',
      '江苏省总工会',
    ])
    expect(rows[0]?.slice(0, 3)).toEqual(['南京市总工会', '700', '75.0%'])
    expect(rows[2]?.[2]).toBe('') // no enterprises attached to the province itself: no rate
  })

  it('writes a workbook exceljs reads back, with numbers as numbers and ratios formatted as %', async () => {
    const buffer = await workbookBuffer(dashboardSheets(dashboards()[1]!, t, { exportedAt: 'now' }))
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(buffer)
    expect(book.worksheets.map((ws) => ws.name)).toEqual(['关键指标', '下级对比'])
    const ws = book.getWorksheet('关键指标')!
    expect(ws.getCell('A1').value).toContain('江苏省总工会')
    expect(ws.getRow(3).values).toEqual([undefined, '指标代码', '指标', '本期', '上期', '变化'])
    expect(ws.getCell('C4').value).toBe(1200)
    expect(ws.getCell('C5').value).toBe(0.75)
    expect(ws.getCell('C5').numFmt).toBe('0.0%')
    expect(ws.getCell('D10').value).toBe(0.75) // SV06 of the previous period
    expect(ws.rowCount).toBe(3 + 12)
    const sheet2 = book.getWorksheet('下级对比')!
    expect(sheet2.getCell('A4').value).toBe('南京市总工会')
    expect(sheet2.rowCount).toBe(3 + 4)
  })

  it('speaks English in English', () => {
    setLocale('en')
    const [figures, children] = dashboardSheets(dashboards()[1]!, t, { exportedAt: 'now' })
    expect(figures?.header).toEqual([
      'Code',
      'Indicator',
      'This period',
      'Previous period',
      'Change',
    ])
    expect(figures!.rows[6]!.map(cellText)).toEqual([
      'SV06',
      'Rectification rate',
      '80.0%',
      '75.0%',
      '▲ 5.0 pp',
    ])
    expect(figures!.rows[0]!.map(cellText)).toEqual(['E01', 'Enterprises', '1200', 'Current', ''])
    expect(children!.rows[2]![0]).toBe('Directly attached')
  })
})

describe('capacitySheets', () => {
  it('has the levels, 其中县以下 and the children, with rates and yuan', () => {
    const [sheet] = capacitySheets(
      {
        levels: [capacityRow({ level: 1, organisations: 1 }), capacityRow({ level: 2 })],
        belowCounty: capacityRow({ organisations: 80 }),
        total: capacityRow({ organisations: 11 }),
        children: [
          capacityRow({ organisationId: 2, name: '南京市总工会', enterprises: 0, covered: 0 }),
        ],
      },
      t,
      { organisationName: '江苏省总工会', year: 2026, exportedAt: 'now' },
    )
    expect(sheet?.title).toBe('江苏省总工会 劳动保护工作覆盖与力量情况报告')
    expect(sheet?.header.slice(0, 5)).toEqual([
      '层级',
      '工会组织数',
      '设劳动保护机构的',
      '企业数',
      '已建会企业',
    ])
    const rows = sheet!.rows.map((row) => row.map(cellText))
    expect(rows.map((r) => r[0])).toEqual([
      '按层级',
      '省级',
      '市级',
      '其中：县以下',
      '合计',
      '按下级单位',
      '南京市总工会',
    ])
    expect(rows[1]?.slice(1, 6)).toEqual(['1', '4', '200', '150', '75.0%'])
    expect(rows[1]?.at(-2)).toBe('123456') // yuan
    expect(rows[3]?.[1]).toBe('80')
    expect(rows[4]?.[1]).toBe('11')
    expect(rows[6]?.[5]).toBe('') // no enterprises: no rate
  })
})
