import { computed, reactive, ref, shallowRef, type Ref } from 'vue'
import { cleanQuery, type QueryParams } from '../http'
import type { Page, PageQuery } from '../types'

export type ListQuery = QueryParams & PageQuery
export type ListFetcher<T> = (query: ListQuery) => Promise<Page<T>>

export interface PagedListOptions<F extends object> {
  /** Factory for the initial (and reset) filter values. */
  filters: () => F
  /** Turns filters into query parameters (default: the filters as they are). Empty values are dropped. */
  toQuery?: (filters: F) => QueryParams
  pageSize?: number
  onError?: (err: unknown) => void
}

export const PAGE_SIZES = [10, 20, 50, 100]

/**
 * State of one paged, filtered list: filters, page, page size, rows and total. Stale answers
 * (a slow page 1 arriving after page 2) are ignored, and a page emptied by a deletion steps
 * back to the last page that has rows.
 */
export function usePagedList<T, F extends object>(
  fetcher: ListFetcher<T>,
  options: PagedListOptions<F>,
) {
  const filters = reactive(options.filters()) as F
  const items: Ref<T[]> = shallowRef([])
  const total = ref(0)
  const totalCapped = ref(false)
  const page = ref(1)
  const pageSize = ref(options.pageSize ?? 20)
  const loading = ref(false)
  const error = shallowRef<unknown>(null)
  let sequence = 0

  /** Current filters as query parameters, without paging: also used for the export URL. */
  const query = computed<QueryParams>(() =>
    cleanQuery(options.toQuery ? options.toQuery(filters) : (filters as QueryParams)),
  )

  async function load(): Promise<void> {
    const mine = ++sequence
    loading.value = true
    error.value = null
    try {
      const result = await fetcher({ ...query.value, page: page.value, pageSize: pageSize.value })
      if (mine !== sequence) return
      const lastPage = Math.max(1, Math.ceil(result.total / pageSize.value))
      if (result.items.length === 0 && result.total > 0 && page.value > lastPage) {
        page.value = lastPage
        return await load()
      }
      items.value = result.items
      total.value = result.total
      totalCapped.value = result.totalCapped === true
    } catch (err) {
      if (mine !== sequence) return
      error.value = err
      options.onError?.(err)
    } finally {
      if (mine === sequence) loading.value = false
    }
  }

  /** Apply the filters: back to page 1. */
  function search(): Promise<void> {
    page.value = 1
    return load()
  }

  function reset(): Promise<void> {
    const initial = options.filters()
    for (const key of Object.keys(filters)) {
      if (!(key in initial)) delete (filters as Record<string, unknown>)[key]
    }
    Object.assign(filters, initial)
    return search()
  }

  function setPage(value: number): Promise<void> {
    page.value = value
    return load()
  }

  function setPageSize(value: number): Promise<void> {
    pageSize.value = value
    page.value = 1
    return load()
  }

  return {
    filters,
    items,
    total,
    totalCapped,
    page,
    pageSize,
    loading,
    error,
    query,
    load,
    search,
    reset,
    setPage,
    setPageSize,
  }
}

export type PagedList<T, F extends object> = ReturnType<typeof usePagedList<T, F>>

/** Adapts an endpoint that answers a plain array (dictionaries) to the paged shape. */
export function arrayFetcher<T>(
  fetch: (query: ListQuery) => Promise<T[]>,
  filter?: (item: T, query: ListQuery) => boolean,
): ListFetcher<T> {
  return async (query) => {
    const all = await fetch(query)
    const items = filter ? all.filter((item) => filter(item, query)) : all
    return { items, total: items.length }
  }
}
