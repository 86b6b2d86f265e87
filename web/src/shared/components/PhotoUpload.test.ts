import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { configureHttp } from '../http'
import { i18n, setLocale } from '../i18n'
import PhotoUpload from './PhotoUpload.vue'

// A stand-in for the browser's XMLHttpRequest (the test environment has no server): records what each
// upload sends and lets the test report progress and answer.
class FakeXhr {
  static sent: FakeXhr[] = []
  method = ''
  url = ''
  headers: Record<string, string> = {}
  body: FormData | undefined
  status = 0
  responseText = ''
  withCredentials = false
  upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  ontimeout: (() => void) | null = null
  onabort: (() => void) | null = null
  open(method: string, url: string) {
    this.method = method
    this.url = url
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value
  }
  getResponseHeader() {
    return null
  }
  send(body: FormData) {
    this.body = body
    FakeXhr.sent.push(this)
  }
  abort() {}
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent)
  }
  answer(status: number, body: unknown) {
    this.status = status
    this.responseText = JSON.stringify(body)
    this.onload?.()
  }
}

/** The `index`-th upload sent so far. */
function sent(index: number): FakeXhr {
  const xhr = FakeXhr.sent[index]
  if (!xhr) throw new Error(`no upload #${index} was sent`)
  return xhr
}

function photo(id: number, name = 'a.jpg') {
  return {
    id,
    mediaType: 'image/jpeg',
    byteSize: 1000,
    width: 10,
    height: 20,
    originalName: name,
    url: `/api/v1/files/${id}`,
    thumbnailUrl: `/api/v1/files/${id}/thumbnail`,
  }
}

function choose(wrapper: ReturnType<typeof mount>, files: File[]) {
  const input = wrapper.find('[data-testid="photo-input"]')
  Object.defineProperty(input.element, 'files', { value: files, configurable: true })
  return input.trigger('change')
}

function mountUpload(props: Record<string, unknown> = {}) {
  const wrapper = mount(PhotoUpload, {
    props: {
      modelValue: [] as number[],
      'onUpdate:modelValue': (value: number[]) => wrapper.setProps({ modelValue: value }),
      ...props,
    },
    global: { plugins: [i18n, ElementPlus] },
  })
  return wrapper
}

beforeEach(() => {
  FakeXhr.sent = []
  vi.stubGlobal('XMLHttpRequest', FakeXhr)
  configureHttp({ csrfToken: () => 'tok-1' })
  setLocale('zh-CN')
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('PhotoUpload', () => {
  it('opens the rear camera, uploads each file with the CSRF header and shows progress then the thumbnail', async () => {
    const wrapper = mountUpload({ organisationId: 42 })
    const input = wrapper.find('[data-testid="photo-input"]')
    expect(input.attributes('accept')).toBe('image/*')
    expect(input.attributes('capture')).toBe('environment')
    expect(input.attributes('multiple')).toBeDefined()

    await choose(wrapper, [
      new File(['x'], '现场1.jpg', { type: 'image/jpeg' }),
      new File(['y'], '现场2.jpg'),
    ])
    expect(FakeXhr.sent).toHaveLength(2)
    const first = sent(0)
    const second = sent(1)
    expect(first.method).toBe('POST')
    expect(first.url).toBe('/api/v1/files')
    expect(first.headers['X-CSRF-Token']).toBe('tok-1')
    expect((first.body?.get('file') as File).name).toBe('现场1.jpg')
    expect(first.body?.get('organisationId')).toBe('42')

    first.progress(30, 100)
    await flushPromises()
    const progress = wrapper.findAll('[data-testid="photo-progress"]')
    expect(progress).toHaveLength(2)
    expect(progress[0]?.text()).toContain('30%')

    first.answer(201, photo(7, '现场1.jpg'))
    second.answer(201, photo(8, '现场2.jpg'))
    await flushPromises()
    expect(wrapper.props('modelValue')).toEqual([7, 8])
    expect(wrapper.emitted('uploaded')).toHaveLength(2)
    const images = wrapper.findAll('.thumbnail img')
    expect(images.map((image) => image.attributes('src'))).toEqual([
      '/api/v1/files/7/thumbnail',
      '/api/v1/files/8/thumbnail',
    ])
  })

  it('explains 413 and 400 answers in Chinese and refuses a file over 10 MB without sending it', async () => {
    const wrapper = mountUpload()
    const big = new File(['x'], 'big.jpg')
    Object.defineProperty(big, 'size', { value: 10 * 1024 * 1024 + 1 })
    await choose(wrapper, [new File(['x'], 'a.jpg'), new File(['#!/bin/sh'], 'photo.jpg'), big])
    expect(FakeXhr.sent).toHaveLength(2)
    sent(0).answer(413, { code: 'payload_too_large', message: '请求内容过大', fields: {} })
    sent(1).answer(400, {
      code: 'invalid_input',
      message: '输入有误',
      fields: { file: '只能上传 JPEG、PNG、WebP、HEIC 格式的照片或 PDF 文件' },
    })
    await flushPromises()
    const errors = wrapper.findAll('[data-testid="photo-error"]').map((error) => error.text())
    expect(errors).toHaveLength(3)
    expect(errors[0]).toContain('文件超过 10 MB')
    expect(errors[1]).toContain('只能上传 JPEG、PNG、WebP、HEIC 格式的照片或 PDF 文件')
    expect(errors[2]).toContain('文件超过 10 MB')
    expect(wrapper.props('modelValue')).toEqual([])

    // A failed item can be removed; the list is then empty.
    for (const button of wrapper.findAll('[data-testid="photo-remove"]'))
      await button.trigger('click')
    expect(wrapper.findAll('[data-testid="photo-item"]')).toHaveLength(0)
  })

  it('removes an uploaded photo from the model, keeps to `max` and posts to a given upload URL', async () => {
    configureHttp({ csrfToken: () => undefined }) // a public page: no session
    const wrapper = mountUpload({ max: 2, uploadUrl: '/api/v1/public/document-replies/abc/files' })
    await choose(wrapper, [
      new File(['1'], '1.jpg'),
      new File(['2'], '2.jpg'),
      new File(['3'], '3.jpg'),
    ])
    expect(FakeXhr.sent).toHaveLength(2)
    expect(sent(0).url).toBe('/api/v1/public/document-replies/abc/files')
    expect(sent(0).headers['X-CSRF-Token']).toBe('public') // public routes want it non-empty
    expect(wrapper.find('[data-testid="photo-message"]').text()).toContain('最多上传 2 个文件')
    sent(0).answer(201, photo(1))
    sent(1).answer(201, photo(2))
    await flushPromises()
    expect(wrapper.props('modelValue')).toEqual([1, 2])
    expect(wrapper.find('[data-testid="photo-add"]').exists()).toBe(false) // full

    await wrapper.findAll('[data-testid="photo-remove"]')[0]?.trigger('click')
    expect(wrapper.props('modelValue')).toEqual([2])
    expect(wrapper.find('[data-testid="photo-add"]').exists()).toBe(true)
  })

  it('shows ids given from outside by their thumbnails, and a PDF as a document link', async () => {
    const wrapper = mountUpload({ modelValue: [5] })
    await flushPromises()
    expect(wrapper.find('.thumbnail img').attributes('src')).toBe('/api/v1/files/5/thumbnail')
    await choose(wrapper, [new File(['%PDF-1.4'], '报告.pdf', { type: 'application/pdf' })])
    sent(0).answer(201, {
      ...photo(6, '报告.pdf'),
      mediaType: 'application/pdf',
      thumbnailUrl: null,
    })
    await flushPromises()
    expect(wrapper.props('modelValue')).toEqual([5, 6])
    const link = wrapper.find('a.document')
    expect(link.attributes('href')).toBe('/api/v1/files/6')
    expect(link.text()).toContain('报告.pdf')
  })
})
