/**
 * Enterprise import in the browser: a spreadsheet's cells (from exceljs for .xlsx, or the small CSV reader
 * below) become the rows POST /enterprises/import takes. The server maps Chinese labels to dictionary codes
 * and judges every row; here only the header is mapped (the same labels and aliases as the server's
 * `ImportColumns()`), cells become text, and blank rows are dropped. Row numbers are the spreadsheet's.
 */

export type ImportColumnKey =
  | 'creditCode'
  | 'name'
  | 'organisation'
  | 'industrySection'
  | 'industryDivision'
  | 'economicComponent'
  | 'registrationType'
  | 'sizeClass'
  | 'headcount'
  | 'address'
  | 'adminDivisionCode'
  | 'status'
  | 'coverageType'
  | 'coverageUnion'
  | 'coverageSince'

export interface ImportColumn {
  key: ImportColumnKey
  labelZh: string
  labelEn: string
  required: boolean
  aliases: string[]
}

export const IMPORT_COLUMNS: ImportColumn[] = [
  {
    key: 'creditCode',
    labelZh: '统一社会信用代码',
    labelEn: 'Credit code',
    required: true,
    aliases: ['信用代码', '社会信用代码', '统一代码', 'uscc', 'unified social credit code'],
  },
  {
    key: 'name',
    labelZh: '企业名称',
    labelEn: 'Name',
    required: true,
    aliases: ['名称', '单位名称', '企业', 'enterprise', 'enterprise name'],
  },
  {
    key: 'organisation',
    labelZh: '所属工会组织',
    labelEn: 'Organisation',
    required: true,
    aliases: [
      '所属工会',
      '所属组织',
      '所属区域工会',
      '工会组织',
      'organization',
      'organisation code',
      'territorial union',
    ],
  },
  {
    key: 'industrySection',
    labelZh: '行业门类',
    labelEn: 'Industry section',
    required: true,
    aliases: ['门类', 'section'],
  },
  {
    key: 'industryDivision',
    labelZh: '行业大类',
    labelEn: 'Industry division',
    required: false,
    aliases: ['大类', 'division'],
  },
  {
    key: 'economicComponent',
    labelZh: '经济成分',
    labelEn: 'Economic component',
    required: true,
    aliases: ['经济类型', 'economic type'],
  },
  {
    key: 'registrationType',
    labelZh: '登记注册类型',
    labelEn: 'Registration type',
    required: false,
    aliases: ['注册类型', '登记类型'],
  },
  {
    key: 'sizeClass',
    labelZh: '规模',
    labelEn: 'Size class',
    required: true,
    aliases: ['企业规模', 'size'],
  },
  {
    key: 'headcount',
    labelZh: '职工人数',
    labelEn: 'Headcount',
    required: true,
    aliases: ['职工数', '人数', '从业人员', '从业人数', 'employees', 'workers'],
  },
  {
    key: 'address',
    labelZh: '地址',
    labelEn: 'Address',
    required: false,
    aliases: ['企业地址', '注册地址', '详细地址'],
  },
  {
    key: 'adminDivisionCode',
    labelZh: '行政区划代码',
    labelEn: 'Division code',
    required: false,
    aliases: ['区划代码', '行政区划', 'admin division code'],
  },
  {
    key: 'status',
    labelZh: '状态',
    labelEn: 'Status',
    required: false,
    aliases: ['经营状态', '企业状态'],
  },
  {
    key: 'coverageType',
    labelZh: '建会方式',
    labelEn: 'Coverage type',
    required: false,
    aliases: ['覆盖方式', '建会覆盖方式'],
  },
  {
    key: 'coverageUnion',
    labelZh: '覆盖工会',
    labelEn: 'Covering union',
    required: false,
    aliases: ['建会工会', '覆盖工会组织', 'union'],
  },
  {
    key: 'coverageSince',
    labelZh: '建会日期',
    labelEn: 'Coverage since',
    required: false,
    aliases: ['建会时间', '覆盖起始日期', 'since'],
  },
]

/** As the server normalises headers: no spaces, no `*`, no bracketed unit, ASCII lower case, no `_`/`-`. */
export function normaliseLabel(text: string): string {
  let value = text.trim()
  for (const open of ['(', '（']) {
    const at = value.indexOf(open)
    if (at > 0) value = value.slice(0, at)
  }
  return value.replace(/[\s\u3000*＊_-]/g, '').toLowerCase()
}

const COLUMN_BY_LABEL = new Map<string, ImportColumnKey>()
for (const column of IMPORT_COLUMNS) {
  for (const label of [column.key, column.labelZh, column.labelEn, ...column.aliases]) {
    const key = normaliseLabel(label)
    if (!COLUMN_BY_LABEL.has(key)) COLUMN_BY_LABEL.set(key, column.key)
  }
}

export function columnForHeader(header: string): ImportColumnKey | undefined {
  return COLUMN_BY_LABEL.get(normaliseLabel(header))
}

export type ImportRowBody = { rowNumber: number } & Partial<Record<ImportColumnKey, string>>

export interface ParsedImport {
  rows: ImportRowBody[]
  /** Header cells that name no column (序号, 备注 …): ignored. */
  ignored: string[]
  /** Required columns the header lacks: the file cannot be imported. */
  missing: ImportColumn[]
  /** A column named twice. */
  duplicate: ImportColumn[]
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * A cell as text: strings trimmed; whole numbers without exponent or `.0`; dates (exceljs gives Date
 * objects, at UTC midnight) as YYYY-MM-DD; exceljs rich text, hyperlinks and formula results by their text.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value.trim()
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return ''
    return Number.isInteger(value) ? value.toFixed(0) : String(value)
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (value instanceof Date) {
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`
  }
  if (typeof value === 'object') {
    const cell = value as { richText?: { text: string }[]; text?: unknown; result?: unknown }
    if (Array.isArray(cell.richText))
      return cell.richText
        .map((part) => part.text)
        .join('')
        .trim()
    if ('result' in cell) return cellText(cell.result)
    if ('text' in cell) return cellText(cell.text)
  }
  return String(value).trim()
}

/**
 * Rows from a table whose first row is the header. `table[i]` is spreadsheet row `firstRowNumber + i`
 * (exceljs and CSV both start at 1); missing cells are empty.
 */
export function rowsFromTable(table: unknown[][], firstRowNumber = 1): ParsedImport {
  const [header = [], ...data] = table
  const positions = new Map<ImportColumnKey, number>()
  const ignored: string[] = []
  const duplicate: ImportColumn[] = []
  header.forEach((cell, index) => {
    const text = cellText(cell)
    const key = columnForHeader(text)
    if (!key) {
      if (text) ignored.push(text)
    } else if (positions.has(key)) {
      duplicate.push(IMPORT_COLUMNS.find((column) => column.key === key)!)
    } else {
      positions.set(key, index)
    }
  })
  const missing = IMPORT_COLUMNS.filter((column) => column.required && !positions.has(column.key))
  const rows: ImportRowBody[] = []
  data.forEach((cells, index) => {
    const row: ImportRowBody = { rowNumber: firstRowNumber + 1 + index }
    let blank = true
    for (const [key, position] of positions) {
      const text = cellText(cells?.[position])
      if (text) blank = false
      row[key] = text
    }
    if (!blank) rows.push(row)
  })
  return { rows, ignored, missing, duplicate }
}

/** RFC 4180 CSV (quotes, doubled quotes, CRLF/LF/CR, line breaks inside quotes); a BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let afterQuote = false
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text
  const endRecord = () => {
    fields.push(field)
    records.push(fields)
    fields = []
    field = ''
  }
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i]
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          field += '"'
          i += 1
        } else {
          quoted = false
          afterQuote = true
        }
      } else {
        field += c
      }
      continue
    }
    if (c === '"' && field === '' && !afterQuote) {
      quoted = true
    } else if (c === ',') {
      fields.push(field)
      field = ''
      afterQuote = false
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && source[i + 1] === '\n') i += 1
      endRecord()
      afterQuote = false
    } else {
      field += c
    }
  }
  if (field !== '' || fields.length > 0 || quoted) endRecord()
  return records
}

/** The cells of an .xlsx file's first worksheet, row 1 first. exceljs is loaded only now (its own chunk). */
export async function readXlsx(data: ArrayBuffer): Promise<unknown[][]> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(data)
  const sheet = workbook.worksheets[0]
  const table: unknown[][] = []
  if (!sheet) return table
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: unknown[] = []
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      cells[columnNumber - 1] = cell.value
    })
    table[rowNumber - 1] = cells
  })
  for (let index = 0; index < table.length; index += 1) table[index] ??= []
  return table
}

export interface ImportError {
  row: number
  column: string
  columnLabel: string
  message: string
}

export interface ImportResult {
  mode: ImportMode
  dryRun: boolean
  committed: boolean
  rows: number
  valid: number
  inserted: number
  updated: number
  unchanged: number
  rejected: number
  errors: ImportError[]
  errorsTruncated: boolean
  ignoredColumns: string[]
  elapsedMs: number
}

export type ImportMode = 'ALL_OR_NOTHING' | 'VALID_ROWS_ONLY'

/** A cell of the error report: quoted when needed; a formula-like text gets a leading ' (CSV injection). */
function csvField(text: string): string {
  const formula = /^[=+\-@\t\r]/.test(text)
  if (!formula && !/[",\r\n]/.test(text)) return text
  return `"${formula ? "'" : ''}${text.replace(/"/g, '""')}"`
}

/** The error report as CSV with a BOM (Excel then reads it as UTF-8). */
export function errorReportCsv(errors: ImportError[], headings: [string, string, string]): string {
  const lines = [headings.map(csvField).join(',')]
  for (const error of errors) {
    lines.push([String(error.row), error.columnLabel, error.message].map(csvField).join(','))
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
