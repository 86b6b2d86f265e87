import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { setLocale } from '../i18n'
import { invalidateDicts, useDict } from './useDict'

const items = [
  {
    id: 2,
    dictCode: 'size_class',
    code: 'SMALL',
    label: '小型',
    labelEn: 'Small',
    sortOrder: 3,
    enabled: true,
  },
  {
    id: 1,
    dictCode: 'size_class',
    code: 'LARGE',
    label: '大型',
    labelEn: 'Large',
    sortOrder: 1,
    enabled: true,
  },
  {
    id: 3,
    dictCode: 'size_class',
    code: 'MICRO',
    label: '微型',
    labelEn: '',
    sortOrder: 4,
    enabled: false,
  },
]

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

let fetchMock: ReturnType<typeof vi.fn>

beforeEach(() => {
  invalidateDicts()
  setLocale('zh-CN')
  fetchMock = vi.fn(async (url: string) => {
    if (url.endsWith('/dictionaries/size_class/items')) return json(200, items)
    return json(404, { code: 'not_found', message: '字典不存在' })
  })
  vi.stubGlobal('fetch', fetchMock)
})
afterEach(() => {
  vi.unstubAllGlobals()
  setLocale('zh-CN')
})

describe('useDict', () => {
  it('fetches a dictionary once and shares it', async () => {
    const a = useDict('size_class')
    const b = useDict('size_class')
    await a.ready
    await b.ready
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/v1/dictionaries/size_class/items')
    expect(b.loaded.value).toBe(true)
  })

  it('gives labels in the UI language, falling back to Chinese and then the code', async () => {
    const dict = useDict('size_class')
    expect(dict.label('LARGE')).toBe('LARGE') // not loaded yet
    await dict.ready
    expect(dict.label('LARGE')).toBe('大型')
    expect(dict.label('UNKNOWN')).toBe('UNKNOWN')
    expect(dict.label(null)).toBe('')
    setLocale('en')
    await nextTick()
    expect(dict.label('LARGE')).toBe('Large')
    expect(dict.label('MICRO')).toBe('微型') // no English label
  })

  it('offers enabled items only, in sort order', async () => {
    const dict = useDict('size_class')
    await dict.ready
    expect(dict.options.value).toEqual([
      { value: 'LARGE', label: '大型' },
      { value: 'SMALL', label: '小型' },
    ])
    expect(dict.label('MICRO')).toBe('微型') // disabled items still have labels
  })

  it('falls back to codes for a missing dictionary, without asking again', async () => {
    const dict = useDict('industry_section', ['A', 'B'])
    await dict.ready
    expect(dict.options.value).toEqual([
      { value: 'A', label: 'A' },
      { value: 'B', label: 'B' },
    ])
    expect(dict.label('C')).toBe('C')
    expect(useDict('industry_section').options.value).toEqual([])
    await useDict('industry_section').ready
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  it('tries again after a failure other than 404', async () => {
    fetchMock.mockResolvedValueOnce(json(500, { code: 'internal', message: '出错了' }))
    await useDict('size_class').ready
    const again = useDict('size_class')
    await again.ready
    expect(fetchMock).toHaveBeenCalledTimes(2)
    expect(again.label('SMALL')).toBe('小型')
  })
})
