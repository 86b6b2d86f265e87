import { describe, expect, it, vi } from 'vitest'
import type { Page } from '../types'
import { arrayFetcher, usePagedList, type ListQuery } from './usePagedList'

interface Row {
  id: number
}

function pageOf(total: number, ids: number[]): Page<Row> {
  return { items: ids.map((id) => ({ id })), total }
}

function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

describe('usePagedList', () => {
  it('loads with paging and cleaned filters, and search returns to page 1', async () => {
    const fetcher = vi.fn(async (_q: ListQuery) => pageOf(45, [1, 2]))
    const list = usePagedList<Row, { keyword: string; status: string }>(fetcher, {
      filters: () => ({ keyword: '', status: '' }),
      pageSize: 20,
    })
    await list.load()
    expect(fetcher).toHaveBeenLastCalledWith({ page: 1, pageSize: 20 })
    expect(list.items.value).toEqual([{ id: 1 }, { id: 2 }])
    expect(list.total.value).toBe(45)

    await list.setPage(3)
    expect(fetcher).toHaveBeenLastCalledWith({ page: 3, pageSize: 20 })

    list.filters.keyword = '张三'
    await list.search()
    expect(fetcher).toHaveBeenLastCalledWith({ keyword: '张三', page: 1, pageSize: 20 })
    expect(list.page.value).toBe(1)
    expect(list.query.value).toEqual({ keyword: '张三' })
  })

  it('changing the page size goes back to page 1', async () => {
    const fetcher = vi.fn(async () => pageOf(100, [1]))
    const list = usePagedList<Row, object>(fetcher, { filters: () => ({}) })
    await list.setPage(4)
    await list.setPageSize(50)
    expect(list.page.value).toBe(1)
    expect(fetcher).toHaveBeenLastCalledWith({ page: 1, pageSize: 50 })
  })

  it('reset restores the initial filters and drops added keys', async () => {
    const fetcher = vi.fn(async () => pageOf(0, []))
    const list = usePagedList<Row, Record<string, string>>(fetcher, {
      filters: () => ({ keyword: '' }),
    })
    list.filters.keyword = 'x'
    list.filters.extra = 'y'
    await list.setPage(2)
    await list.reset()
    expect(list.filters).toEqual({ keyword: '' })
    expect(list.page.value).toBe(1)
    expect(fetcher).toHaveBeenLastCalledWith({ page: 1, pageSize: 20 })
  })

  it('uses toQuery to shape filters (e.g. a date range)', async () => {
    const fetcher = vi.fn(async () => pageOf(0, []))
    const list = usePagedList<Row, { range: [number, number] | null }>(fetcher, {
      filters: () => ({ range: null }),
      toQuery: (f) => ({ from: f.range?.[0], to: f.range?.[1] }),
    })
    list.filters.range = [1000, 2000]
    await list.search()
    expect(fetcher).toHaveBeenLastCalledWith({ from: 1000, to: 2000, page: 1, pageSize: 20 })
  })

  it('ignores a stale answer that arrives after a newer one', async () => {
    const slow = deferred<Page<Row>>()
    const fetcher = vi
      .fn<(q: ListQuery) => Promise<Page<Row>>>()
      .mockReturnValueOnce(slow.promise)
      .mockResolvedValueOnce(pageOf(30, [21]))
    const list = usePagedList<Row, object>(fetcher, { filters: () => ({}) })
    const first = list.load()
    await list.setPage(2)
    slow.resolve(pageOf(30, [1]))
    await first
    expect(list.items.value).toEqual([{ id: 21 }])
    expect(list.page.value).toBe(2)
    expect(list.loading.value).toBe(false)
  })

  it('steps back to the last page when the current one was emptied', async () => {
    const fetcher = vi
      .fn<(q: ListQuery) => Promise<Page<Row>>>()
      .mockResolvedValueOnce(pageOf(20, [])) // page 3 after deletions: total now 20
      .mockResolvedValueOnce(pageOf(20, [11, 12]))
    const list = usePagedList<Row, object>(fetcher, { filters: () => ({}), pageSize: 10 })
    await list.setPage(3)
    expect(fetcher).toHaveBeenCalledTimes(2)
    expect(fetcher).toHaveBeenLastCalledWith({ page: 2, pageSize: 10 })
    expect(list.page.value).toBe(2)
    expect(list.items.value).toEqual([{ id: 11 }, { id: 12 }])
  })

  it('keeps the error and reports it', async () => {
    const failure = new Error('boom')
    const onError = vi.fn()
    const list = usePagedList<Row, object>(
      vi.fn(async () => {
        throw failure
      }),
      { filters: () => ({}), onError },
    )
    await list.load()
    expect(list.error.value).toBe(failure)
    expect(onError).toHaveBeenCalledWith(failure)
    expect(list.loading.value).toBe(false)
  })

  it('arrayFetcher adapts plain arrays and filters them', async () => {
    const fetcher = arrayFetcher(
      async () => [{ id: 1 }, { id: 2 }, { id: 3 }],
      (row, q) => row.id !== Number(q.exclude),
    )
    await expect(fetcher({ page: 1, pageSize: 10, exclude: 2 })).resolves.toEqual({
      items: [{ id: 1 }, { id: 3 }],
      total: 2,
    })
  })
})
