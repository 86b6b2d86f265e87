/** Identifiers are 64-bit integers on the server; they fit in a JS number for our volumes. */
export type Id = number

/** Epoch milliseconds (UTC), as every instant in the API. */
export type EpochMs = number

/** `{items,total}` answer of every paged list. */
export interface Page<T> {
  items: T[]
  total: number
}

export interface PageQuery {
  page: number
  pageSize: number
}
