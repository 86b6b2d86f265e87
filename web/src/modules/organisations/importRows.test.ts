import { describe, expect, it } from 'vitest'
import {
  cellText,
  columnForHeader,
  errorReportCsv,
  IMPORT_COLUMNS,
  parseCsv,
  rowsFromTable,
} from './importRows'

describe('columnForHeader', () => {
  it('maps Chinese labels, English labels, keys and aliases, ignoring spaces, * and units', () => {
    expect(columnForHeader('统一社会信用代码')).toBe('creditCode')
    expect(columnForHeader(' 统一社会信用代码* ')).toBe('creditCode')
    expect(columnForHeader('Credit code')).toBe('creditCode')
    expect(columnForHeader('creditCode')).toBe('creditCode')
    expect(columnForHeader('职工人数（人）')).toBe('headcount')
    expect(columnForHeader('所属区域工会')).toBe('organisation')
    expect(columnForHeader('企 业 名 称')).toBe('name')
    expect(columnForHeader('序号')).toBeUndefined()
  })

  it('knows every column by its own labels', () => {
    for (const column of IMPORT_COLUMNS) {
      expect(columnForHeader(column.labelZh)).toBe(column.key)
      expect(columnForHeader(column.labelEn)).toBe(column.key)
    }
  })
})

describe('cellText', () => {
  it('turns spreadsheet values into the text the server reads', () => {
    expect(cellText(85)).toBe('85')
    expect(cellText(1.5)).toBe('1.5')
    expect(cellText(320102003)).toBe('320102003')
    expect(cellText(new Date(Date.UTC(2025, 2, 1)))).toBe('2025-03-01')
    expect(cellText({ richText: [{ text: '南京' }, { text: '机械' }] })).toBe('南京机械')
    expect(cellText({ formula: 'A1+1', result: 12 })).toBe('12')
    expect(cellText({ text: '链接', hyperlink: 'https://example.org' })).toBe('链接')
    expect(cellText(null)).toBe('')
    expect(cellText('  小型 ')).toBe('小型')
  })
})

describe('rowsFromTable', () => {
  it('maps the header, numbers rows as the spreadsheet does and drops blank rows', () => {
    const parsed = rowsFromTable([
      [
        '序号',
        '统一社会信用代码',
        '企业名称',
        '所属工会组织',
        '行业门类',
        '经济成分',
        '规模',
        '职工人数',
      ],
      [1, '91320102MA1W9K5T33', '南京示例', 320102003, '制造业', '私有经济', '小型', 85],
      [],
      [3, '', '', '', '', '', '', null],
      [4, '91320102MA1W9K5T3X', '坏行', '320102003', 'C', '21', 'SMALL', '很多'],
    ])
    expect(parsed.missing).toEqual([])
    expect(parsed.ignored).toEqual(['序号'])
    expect(parsed.rows).toEqual([
      {
        rowNumber: 2,
        creditCode: '91320102MA1W9K5T33',
        name: '南京示例',
        organisation: '320102003',
        industrySection: '制造业',
        economicComponent: '私有经济',
        sizeClass: '小型',
        headcount: '85',
      },
      {
        rowNumber: 5,
        creditCode: '91320102MA1W9K5T3X',
        name: '坏行',
        organisation: '320102003',
        industrySection: 'C',
        economicComponent: '21',
        sizeClass: 'SMALL',
        headcount: '很多',
      },
    ])
  })

  it('names missing required columns and columns named twice', () => {
    const parsed = rowsFromTable([['企业名称', '名称', '地址']])
    expect(parsed.duplicate.map((column) => column.key)).toEqual(['name'])
    expect(parsed.missing.map((column) => column.key)).toEqual([
      'creditCode',
      'organisation',
      'industrySection',
      'economicComponent',
      'sizeClass',
      'headcount',
    ])
  })
})

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, line breaks in quotes, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFa,"b,c","say ""hi"""\r\n"two\nlines",,\nlast')).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['two\nlines', '', ''],
      ['last'],
    ])
    expect(parseCsv('x\r\n')).toEqual([['x']])
    expect(parseCsv('')).toEqual([])
  })
})

describe('errorReportCsv', () => {
  it('writes a BOM, quotes what needs it and defuses formulas', () => {
    const text = errorReportCsv(
      [
        {
          row: 3,
          column: 'name',
          columnLabel: '企业名称',
          message: '=HYPERLINK("x"), 长度须为 2–100 个字符',
        },
      ],
      ['行号', '列', '错误'],
    )
    expect(text).toBe(
      '\uFEFF行号,列,错误\r\n3,企业名称,"\'=HYPERLINK(""x""), 长度须为 2–100 个字符"\r\n',
    )
  })
})
