/** Identifiers are 64-bit integers on the server; they fit in a JS number for our volumes. */
export type Id = number

/** Epoch milliseconds (UTC), as every instant in the API. */
export type EpochMs = number

/** `{items,total}` answer of every paged list. */
export interface Page<T> {
  items: T[]
  total: number
  /** The big tables' lists count at most 10,000 rows: true when there are more (total is then 10,001). */
  totalCapped?: boolean
}

export interface PageQuery {
  page: number
  pageSize: number
}
