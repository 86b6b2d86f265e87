import { mount } from '@vue/test-utils'
import ElementPlus, { ElImage } from 'element-plus'
import { describe, expect, it } from 'vitest'
import PhotoGallery from './PhotoGallery.vue'

const photos = [
  { url: '/api/v1/files/5', thumbnailUrl: '/api/v1/files/5/thumbnail' },
  { url: '/api/v1/files/6', thumbnailUrl: null },
  { url: '/api/v1/files/7' },
]

function mountGallery(props: InstanceType<typeof PhotoGallery>['$props']) {
  return mount(PhotoGallery, { props, global: { plugins: [ElementPlus] } })
}

describe('PhotoGallery', () => {
  it('shows each photo by its thumbnail, or the photo itself when it has none', () => {
    const wrapper = mountGallery({ photos, testid: 'report-photos', emptyText: '暂无照片' })
    const images = wrapper.findAllComponents(ElImage)
    expect(images.map((i) => i.props('src'))).toEqual([
      '/api/v1/files/5/thumbnail',
      '/api/v1/files/6',
      '/api/v1/files/7',
    ])
    expect(wrapper.text()).not.toContain('暂无照片')
  })

  it('previews the full-size photos, starting at the one clicked', () => {
    const wrapper = mountGallery({ photos })
    const images = wrapper.findAllComponents(ElImage)
    for (const [index, image] of images.entries()) {
      expect(image.props('previewSrcList')).toEqual([
        '/api/v1/files/5',
        '/api/v1/files/6',
        '/api/v1/files/7',
      ])
      expect(image.props('initialIndex')).toBe(index)
      expect(image.props('previewTeleported')).toBe(true)
    }
  })

  it('carries the page’s test id on the row', () => {
    const wrapper = mountGallery({ photos, testid: 'hazard-evidence' })
    expect(wrapper.attributes('data-testid')).toBe('hazard-evidence')
    expect(wrapper.element.querySelectorAll(':scope > .el-image')).toHaveLength(3)
  })

  it('shows the empty text when there are no photos', () => {
    const wrapper = mountGallery({ photos: [], testid: 'report-photos', emptyText: '暂无照片' })
    expect(wrapper.findAllComponents(ElImage)).toHaveLength(0)
    expect(wrapper.find('.muted').text()).toBe('暂无照片')
  })

  it('shows nothing for no photos when no empty text is given', () => {
    const wrapper = mountGallery({ photos: [], testid: 'document-evidence' })
    expect(wrapper.find('.muted').exists()).toBe(false)
    expect(wrapper.text()).toBe('')
  })
})
