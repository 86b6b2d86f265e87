import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type * as ApiModule from '../api'
import { setLocale } from '../i18n'
import { leaveGuard } from '../route'
import {
  click,
  el,
  entryInfo,
  host,
  json,
  removeHosts,
  settle,
  stubFetch,
  toastText,
  type,
  type Call,
} from '../testing'
import ReportPage from './ReportPage.vue'

// Canvas work needs a real browser; the shrink step itself is covered by fitWithin's test.
vi.mock('../image', () => ({
  shrinkImage: vi.fn(async (file: Blob) => new Blob([file], { type: 'image/jpeg' })),
}))
const upload = vi.hoisted(() => vi.fn())
vi.mock('../api', async (original) => {
  const actual: typeof ApiModule = await original()
  return { ...actual, publicApi: { ...actual.publicApi, uploadPhoto: upload } }
})

const CODE = '7K2M9QX4ABCD'
const RECEIPT = '12345678901234567890'

function mountPage(answer?: (call: Call) => Response | undefined) {
  const calls = stubFetch((call) => {
    const own = answer?.(call)
    if (own) return own
    if (call.method === 'GET' && call.path === `/public/report-entry/${CODE}`)
      return json(200, entryInfo())
    if (call.method === 'POST' && call.path === `/public/report-entry/${CODE}/reports`)
      return json(201, { receipt: RECEIPT, status: 'SUBMITTED', acknowledgeDue: '2026-12-01' })
    return undefined
  })
  const wrapper = mount(ReportPage, { props: { code: CODE }, attachTo: host() })
  return { wrapper, calls }
}

async function fillValid() {
  await click('category-UNSAFE_CONDITION')
  await type('description', '配电箱门没有锁，旁边堆着纸箱')
  await type('location', '二号车间东侧')
}

const posts = (calls: Call[]) => calls.filter((c) => c.method === 'POST')

beforeEach(() => {
  setLocale('zh-CN')
  upload.mockReset()
})
afterEach(() => {
  removeHosts()
  vi.unstubAllGlobals()
})

describe('the entry point', () => {
  it('shows the enterprise, the site, the union and the categories', async () => {
    const { wrapper, calls } = mountPage()
    await settle()
    expect(calls[0]?.path).toBe(`/public/report-entry/${CODE}`)
    const info = el('entry-info')?.textContent ?? ''
    expect(info).toContain('福州恒达机械有限公司')
    expect(info).toContain('二号车间')
    expect(info).toContain('鼓楼区总工会')
    expect(el('category-OCCUPATIONAL_HEALTH')?.textContent).toContain('职业病危害')
    wrapper.unmount()
  })

  it.each([
    [404, '二维码无效'],
    [410, '该二维码已停用'],
  ])('answers %i with “%s”', async (status, text) => {
    const { wrapper } = mountPage((c) =>
      c.method === 'GET' ? json(status, { code: 'x', message: 'x' }) : undefined,
    )
    await settle()
    expect(el('entry-unavailable')?.textContent).toContain(text)
    expect(el('submit')).toBeNull()
    wrapper.unmount()
  })
})

describe('the form', () => {
  it('sends nothing while required fields are missing, and shows why at each field', async () => {
    const { wrapper, calls } = mountPage()
    await settle()
    await click('submit')
    expect(posts(calls)).toEqual([])
    expect(el('category-error')?.textContent).toContain('请选择隐患类别')
    expect(document.body.textContent).toContain('请描述发生了什么')
    wrapper.unmount()
  })

  it('validates as the worker types', async () => {
    const { wrapper } = mountPage()
    await settle()
    await type('description', '危险')
    expect(document.body.textContent).toContain('请至少写 5 个字')
    await type('description', '危险危险危险')
    expect(document.body.textContent).not.toContain('请至少写 5 个字')
    await click('anonymity-NAMED')
    await type('phone', '1381234')
    expect(document.body.textContent).toContain('请填写正确的 11 位手机号')
    wrapper.unmount()
  })

  it('explains anonymity, and asks for name and phone only when named', async () => {
    const { wrapper } = mountPage()
    await settle()
    expect(el('anonymity-explain')?.textContent).toContain('不保存您的姓名、手机号')
    expect(el('name')).toBeNull()
    await click('anonymity-NAMED')
    expect(el('anonymity-explain')?.textContent).toContain('单位永远看不到')
    expect(el('name')).not.toBeNull()
    expect(el('phone')).not.toBeNull()
    wrapper.unmount()
  })

  it('submits an anonymous report without name or phone, with the public CSRF header', async () => {
    const { wrapper, calls } = mountPage()
    await settle()
    await fillValid()
    await click('submit')
    const post = posts(calls)[0]
    expect(post?.path).toBe(`/public/report-entry/${CODE}/reports`)
    expect(post?.headers['X-CSRF-Token']).toBe('public')
    expect(post?.body).toEqual({
      category: 'UNSAFE_CONDITION',
      description: '配电箱门没有锁，旁边堆着纸箱',
      location: '二号车间东侧',
      anonymity: 'ANONYMOUS',
      uploadTokens: [],
    })
    wrapper.unmount()
  })

  it('sends name and phone for a named report', async () => {
    const { wrapper, calls } = mountPage()
    await settle()
    await fillValid()
    await click('anonymity-NAMED')
    await type('name', '王师傅')
    await type('phone', '13912345678')
    await click('submit')
    expect(posts(calls)[0]?.body).toMatchObject({
      anonymity: 'NAMED',
      reporterName: '王师傅',
      reporterPhone: '13912345678',
    })
    wrapper.unmount()
  })

  it('shows the server’s field errors at the field', async () => {
    const { wrapper } = mountPage((c) =>
      c.method === 'POST'
        ? json(400, {
            code: 'invalid_input',
            message: '提交的内容有误',
            fields: { location: '地点含有不允许的字符' },
          })
        : undefined,
    )
    await settle()
    await fillValid()
    await click('submit')
    expect(document.body.textContent).toContain('地点含有不允许的字符')
    expect(el('receipt')).toBeNull()
    // Editing the field clears the server's message.
    await type('location', '二号车间')
    expect(document.body.textContent).not.toContain('地点含有不允许的字符')
    wrapper.unmount()
  })

  it('says when to try again after a 429', async () => {
    const { wrapper } = mountPage((c) =>
      c.method === 'POST'
        ? json(429, { code: 'rateLimited', message: 'too many' }, { 'Retry-After': '1200' })
        : undefined,
    )
    await settle()
    await fillValid()
    await click('submit')
    expect(toastText()).toContain('提交太频繁，请稍后再试（20 分钟后可再试）')
    wrapper.unmount()
  })
})

describe('the receipt', () => {
  it('is shown once in five groups of four with the due date', async () => {
    const { wrapper } = mountPage()
    await settle()
    await fillValid()
    await click('submit')
    expect(el('receipt-text')?.textContent?.trim()).toBe('1234 5678 9012 3456 7890')
    expect(el('receipt-due')?.textContent).toContain('2026-12-01')
    expect(el('receipt')?.textContent).toContain('无法找回')
    wrapper.unmount()
  })

  it('cannot be left before “我已保存回执码” is ticked', async () => {
    const { wrapper, calls } = mountPage()
    await settle()
    await fillValid()
    await click('submit')
    expect(el('receipt-another')?.hasAttribute('disabled')).toBe(true)
    expect(el('receipt-status')?.hasAttribute('disabled')).toBe(true)
    expect(leaveGuard.value?.()).toBe('请先保存回执码，并勾选“我已保存回执码”')

    await click('receipt-saved')
    expect(leaveGuard.value?.()).toBe('')
    expect(el('receipt-another')?.hasAttribute('disabled')).toBe(false)
    await click('receipt-another')
    // A fresh, empty form; the receipt is gone from the page.
    expect(el('receipt')).toBeNull()
    expect((el('description') as HTMLTextAreaElement).value).toBe('')
    expect(document.body.textContent).not.toContain('1234 5678')
    expect(document.body.textContent).not.toContain('请描述发生了什么')
    expect(posts(calls)).toHaveLength(1)
    wrapper.unmount()
  })
})

describe('photos', () => {
  async function addPhotos(count: number) {
    const input = el('photo-input') as HTMLInputElement
    const files = Array.from(
      { length: count },
      (_, i) => new File(['x'], `IMG_20261129_0812${i}.jpg`, { type: 'image/jpeg' }),
    )
    Object.defineProperty(input, 'files', { value: files, configurable: true })
    input.dispatchEvent(new Event('change'))
    await settle()
  }

  beforeEach(() => {
    vi.stubGlobal(
      'URL',
      Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => {} }),
    )
  })

  it('uploads one by one, keeps the tokens and sends them with the report', async () => {
    let n = 0
    upload.mockImplementation(async (_code: string, _blob: Blob, progress: (p: number) => void) => {
      progress(50)
      n += 1
      return { uploadToken: `${'a'.repeat(31)}${n}` }
    })
    const { wrapper, calls } = mountPage()
    await settle()
    await addPhotos(2)
    expect(upload).toHaveBeenCalledTimes(2)
    expect(document.body.querySelectorAll('[data-test="photo-done"]')).toHaveLength(2)
    await fillValid()
    await click('submit')
    expect((posts(calls)[0]?.body as { uploadTokens: string[] }).uploadTokens).toEqual([
      `${'a'.repeat(31)}1`,
      `${'a'.repeat(31)}2`,
    ])
    wrapper.unmount()
  })

  it('offers a retry after a failed upload and blocks the submit until then', async () => {
    const { PublicApiError } = await import('../api')
    upload.mockRejectedValueOnce(new PublicApiError(0))
    upload.mockResolvedValueOnce({ uploadToken: 'b'.repeat(32) })
    const { wrapper, calls } = mountPage()
    await settle()
    await addPhotos(1)
    expect(el('photo-failed')).not.toBeNull()
    await fillValid()
    await click('submit')
    expect(posts(calls)).toEqual([])
    expect(toastText()).toContain('有照片上传失败')
    await click('photo-retry')
    expect(el('photo-done')).not.toBeNull()
    await click('submit')
    expect((posts(calls)[0]?.body as { uploadTokens: string[] }).uploadTokens).toEqual([
      'b'.repeat(32),
    ])
    wrapper.unmount()
  })

  it('takes at most six', async () => {
    upload.mockResolvedValue({ uploadToken: 'c'.repeat(32) })
    const { wrapper } = mountPage()
    await settle()
    await addPhotos(8)
    expect(document.body.querySelectorAll('[data-test^="photo-done"]')).toHaveLength(6)
    expect(el('photo-input')).toBeNull()
    wrapper.unmount()
  })
})
