// The annual report as an .xlsx in the form's layout: title, organisation and year, one row per item grouped
// by section (code, name, unit, the value that counts, the children's sum, note), and the signature lines.
// exceljs is loaded only when a report is exported.
import type { Workbook } from 'exceljs'
import { groupBySection } from './annualReport'
import type { AnnualReport, AnnualSection } from './types'

export interface AnnualExportLabels {
  title: string
  organisation: string
  year: string
  /** "2026 年度（2025-10 至 2026-09）" */
  yearText: string
  status: string
  statusText: string
  columns: [string, string, string, string, string, string]
  section: (section: AnnualSection) => string
  itemName: (item: AnnualReport['items'][number]) => string
  signatures: [string, string, string]
  sheetName: string
}

const COLUMN_WIDTHS = [12, 44, 10, 16, 16, 36]
const THIN = { style: 'thin' as const }
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN }

export async function buildAnnualWorkbook(
  report: AnnualReport,
  labels: AnnualExportLabels,
): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(labels.sheetName, {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  })
  sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }))

  const title = sheet.addRow([labels.title])
  sheet.mergeCells(title.number, 1, title.number, 6)
  title.font = { bold: true, size: 16 }
  title.alignment = { horizontal: 'center' }
  title.height = 28

  const heading = sheet.addRow([
    `${labels.organisation}${report.organisationName}`,
    '',
    '',
    `${labels.year}${labels.yearText}`,
  ])
  sheet.mergeCells(heading.number, 1, heading.number, 3)
  sheet.mergeCells(heading.number, 4, heading.number, 6)
  const status = sheet.addRow([`${labels.status}${labels.statusText}`])
  sheet.mergeCells(status.number, 1, status.number, 6)

  const header = sheet.addRow(labels.columns)
  header.font = { bold: true }
  header.alignment = { horizontal: 'center', vertical: 'middle' }
  header.eachCell((cell) => {
    cell.border = BORDER
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F3F5' } }
  })

  for (const group of groupBySection(report.items)) {
    const sectionRow = sheet.addRow([labels.section(group.section)])
    sheet.mergeCells(sectionRow.number, 1, sectionRow.number, 6)
    sectionRow.font = { bold: true }
    sectionRow.getCell(1).border = BORDER
    for (const item of group.items) {
      const row = sheet.addRow([
        item.code,
        labels.itemName(item),
        item.unit,
        item.value,
        item.childrenSum ?? '',
        item.note,
      ])
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cell.border = BORDER
        if (column === 4 || column === 5) cell.numFmt = '#,##0'
        if (column === 2 || column === 6) cell.alignment = { wrapText: true, vertical: 'middle' }
      })
    }
  }

  sheet.addRow([])
  const signatures = sheet.addRow([
    `${labels.signatures[0]}________`,
    '',
    `${labels.signatures[1]}________`,
    '',
    `${labels.signatures[2]}________`,
  ])
  sheet.mergeCells(signatures.number, 1, signatures.number, 2)
  sheet.mergeCells(signatures.number, 3, signatures.number, 4)
  sheet.mergeCells(signatures.number, 5, signatures.number, 6)
  signatures.height = 30
  signatures.alignment = { vertical: 'bottom' }
  return workbook
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Builds the workbook and lets the browser save it as `fileName`. */
export async function downloadAnnualXlsx(
  report: AnnualReport,
  labels: AnnualExportLabels,
  fileName: string,
): Promise<void> {
  const workbook = await buildAnnualWorkbook(report, labels)
  const buffer = await workbook.xlsx.writeBuffer()
  const link = document.createElement('a')
  link.href = URL.createObjectURL(new Blob([buffer], { type: XLSX_TYPE }))
  link.download = fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(link.href), 1000)
}
