import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { buildAnnualWorkbook, type AnnualExportLabels } from './exportXlsx'
import { annualReport } from './testing'

const LABELS: AnnualExportLabels = {
  title: '工会劳动保护工作统计年报',
  organisation: '填报单位：',
  year: '统计年度：',
  yearText: '2026 年度（2025-10 至 2026-09）',
  status: '状态：',
  statusText: '已审核',
  columns: ['指标代码', '指标名称', '计量单位', '本级数值', '下级合计', '说明'],
  section: (section) =>
    ({ ORGANISATION: '组织建设', ENTERPRISES: '企业与建会' })[section as string] ?? section,
  itemName: (item) => item.name,
  signatures: ['单位负责人：', '填表人：', '填报日期：'],
  sheetName: '统计年报',
}

describe('the .xlsx export', () => {
  it('lays the report out like the paper form, with the signature lines', async () => {
    const built = await buildAnnualWorkbook(annualReport({ status: 'APPROVED' }), LABELS)
    // Written and read back, as the user's spreadsheet program would.
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await built.xlsx.writeBuffer())
    const sheet = workbook.getWorksheet('统计年报')!
    const rows: unknown[][] = []
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
    expect(rows[0]?.[0]).toBe('工会劳动保护工作统计年报')
    expect(rows[1]?.[0]).toBe('填报单位：玄武区总工会')
    expect(rows[1]?.[3]).toBe('统计年度：2026 年度（2025-10 至 2026-09）')
    expect(rows[2]?.[0]).toBe('状态：已审核')
    expect(rows[3]).toEqual(['指标代码', '指标名称', '计量单位', '本级数值', '下级合计', '说明'])
    expect(rows[4]?.[0]).toBe('组织建设')
    expect(rows[5]).toEqual(['O01', '指标O01', '个', 3, 2, ''])
    expect(rows[6]?.[0]).toBe('企业与建会')
    expect(rows[7]?.slice(0, 5)).toEqual(['E01', '指标E01', '个', 10, ''])
    expect(rows[9]).toEqual(['SV03', '指标SV03', '个', 20, 12, '含园区'])
    const last = rows.at(-1) ?? []
    // Merged cells read back as their first cell's value.
    expect([...new Set(last.filter(Boolean))]).toEqual([
      '单位负责人：________',
      '填表人：________',
      '填报日期：________',
    ])
    expect(sheet.getCell('A1').isMerged).toBe(true)
  })
})
