import type { FormRules } from 'element-plus'

export type FormMode = 'create' | 'edit'

/** One el-table column, declared as data. */
export interface ListColumn<T> {
  /** Field name; also names the cell slot `cell-<prop>` when `slot` is set. */
  prop: string
  /** Already translated header text (declare columns in a computed so they follow the locale). */
  label: string
  width?: number | string
  minWidth?: number | string
  align?: 'left' | 'center' | 'right'
  fixed?: 'left' | 'right'
  /** Expandable row column: renders the page's `expand` slot. */
  type?: 'expand'
  /** Text for the cell; ignored when `slot` is set. */
  formatter?: (row: T) => string
  /** Render the page's `cell-<prop>` slot instead of the raw value. */
  slot?: boolean
  /** Cut long text with an ellipsis and a tooltip. */
  tooltip?: boolean
}

/** Permission keys gating each standard action; a missing key hides the action. */
export interface ListPermissions {
  create?: string
  update?: string
  delete?: string
  export?: string
}

/** The add/edit dialog of a list page. */
export interface ListForm<T, M> {
  /** New, empty model for the add dialog; omit to have no 新增 button. */
  create?: () => M
  /** Model for editing a row (may load the full record); omit to have no 编辑 button. */
  edit?: (row: T) => M | Promise<M>
  rules?: FormRules | ((mode: FormMode) => FormRules)
  /** Sends the model; `row` is null when creating. Field errors in an ApiError go under fields. */
  save: (model: M, row: T | null) => Promise<unknown>
  title?: (mode: FormMode) => string
  width?: string
  /** Label column width (default depends on the language). */
  labelWidth?: string
}
