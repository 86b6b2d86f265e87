// .xlsx export in the browser with exceljs (loaded only when the user exports: its own chunk).
import { kindOf } from './figures'
import type { Indicator, IndicatorKind } from './types'

/** A cell: text, a plain number, a number with an Excel format, or empty. */
export type Cell = string | number | null | { value: number; numFmt: string }

export interface Sheet {
  name: string
  /** First row, merged over the columns. */
  title: string
  /** Second row (organisation, period, time of export). */
  subtitle?: string
  header: string[]
  rows: Cell[][]
}

const FORMATS: Record<IndicatorKind, string> = {
  COUNT: '#,##0',
  STOCK: '#,##0',
  RATIO: '0.0%',
  AVERAGE: '0.0',
}

/** An indicator value as a cell: ratios stay fractions shown as %, null stays empty. */
export function valueCell(kind: IndicatorKind, value: number | null | undefined): Cell {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null
  return { value, numFmt: FORMATS[kind] }
}

/** The same for a code, its kind from the catalogue. */
export function codeCell(
  code: string,
  value: number | null | undefined,
  catalogue?: ReadonlyMap<string, Indicator>,
): Cell {
  return valueCell(kindOf(code, catalogue), value)
}

/** The cell's value as text (tests, previews). */
export function cellText(cell: Cell): string {
  if (cell === null) return ''
  if (typeof cell === 'object') {
    return cell.numFmt === FORMATS.RATIO
      ? `${(Math.round(cell.value * 1000) / 10).toFixed(1)}%`
      : String(cell.value)
  }
  return String(cell)
}

/** The workbook's bytes: one worksheet per sheet, a bold header, the title merged on top. */
export async function workbookBuffer(sheets: readonly Sheet[]): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Ankang'
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name)
    const width = Math.max(sheet.header.length, 1)
    ws.addRow([sheet.title])
    ws.mergeCells(1, 1, 1, width)
    ws.getRow(1).font = { bold: true, size: 14 }
    ws.addRow([sheet.subtitle ?? ''])
    ws.mergeCells(2, 1, 2, width)
    const header = ws.addRow(sheet.header)
    header.font = { bold: true }
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF3F8' } }
      cell.border = { bottom: { style: 'thin' } }
    })
    for (const row of sheet.rows) {
      const added = ws.addRow(row.map((c) => (c !== null && typeof c === 'object' ? c.value : c)))
      row.forEach((c, i) => {
        if (c !== null && typeof c === 'object') added.getCell(i + 1).numFmt = c.numFmt
      })
    }
    ws.columns.forEach((column, i) => {
      const texts = [sheet.header[i] ?? '', ...sheet.rows.map((r) => cellText(r[i] ?? null))]
      const longest = Math.max(
        ...texts.map((s) => [...s].reduce((n, ch) => n + (ch > '\u00ff' ? 2 : 1), 0)),
      )
      column.width = Math.min(Math.max(longest + 2, 8), 48)
    })
  }
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer
}

/** Hands bytes to the browser as a download. */
export function saveFile(data: ArrayBuffer, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Builds and downloads the workbook. */
export async function exportXlsx(sheets: readonly Sheet[], filename: string): Promise<void> {
  saveFile(await workbookBuffer(sheets), filename, XLSX_TYPE)
}

/** A file name without characters Windows refuses. */
export function safeFilename(name: string): string {
  return name.replace(/[\\/:*?"<>|\s]+/g, '_')
}
