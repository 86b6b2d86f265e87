import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { invalidateDicts } from '@/shared/composables/useDict'
import { i18n, setLocale } from '@/shared/i18n'
import { createOrgCache } from './orgCache'
import OrgTreePage from './OrgTreePage.vue'
import { dictionaryAnswer, fakeApi, json, signIn } from './testing'
import type { Organisation } from './types'

// 福建省总工会 › 福州市总工会 › 鼓楼区总工会 › 鼓东街道工会; plus 厦门 as a sibling.
const orgs: Record<number, Organisation> = {
  1: {
    id: 1,
    parentId: null,
    name: '福建省总工会',
    code: 'FJ',
    orgType: 'PROVINCIAL_FED',
    level: 1,
    hasChildren: true,
  },
  2: {
    id: 2,
    parentId: 1,
    name: '福州市总工会',
    code: 'FJ-FZ',
    orgType: 'CITY_FED',
    level: 2,
    hasChildren: true,
  },
  6: {
    id: 6,
    parentId: 1,
    name: '厦门市总工会',
    code: 'FJ-XM',
    orgType: 'CITY_FED',
    level: 2,
    hasChildren: false,
  },
  3: {
    id: 3,
    parentId: 2,
    name: '鼓楼区总工会',
    code: 'FJ-FZ-GL',
    orgType: 'COUNTY_FED',
    level: 3,
    hasChildren: true,
  },
  5: {
    id: 5,
    parentId: 3,
    name: '鼓东街道工会',
    code: 'FJ-FZ-GL-GD',
    orgType: 'TOWN_STREET_PARK',
    level: 4,
    hasChildren: false,
  },
}
const childrenOf = (id: number) => Object.values(orgs).filter((o) => o.parentId === id)

describe('createOrgCache', () => {
  it('walks parents up to the root, asking only for the ones not seen', async () => {
    const source = {
      get: vi.fn(async (id: number) => orgs[id] as Organisation),
      children: vi.fn(async (id: number) => childrenOf(id)),
    }
    const cache = createOrgCache(source, () => 1)
    await cache.children(1) // the tree opened the root: 福州 is known
    const trail = await cache.pathTo(orgs[5] as Organisation)
    expect(trail.map((o) => o.id)).toEqual([1, 2, 3, 5])
    expect(source.get.mock.calls.map(([id]) => id)).toEqual([3, 1])
    await cache.children(1)
    expect(source.children).toHaveBeenCalledTimes(1)
  })

  it('stops at the user organisation even when it has a parent', async () => {
    const source = {
      get: vi.fn(async (id: number) => orgs[id] as Organisation),
      children: vi.fn(async () => []),
    }
    const trail = await createOrgCache(source, () => 2).pathTo(orgs[5] as Organisation)
    expect(trail.map((o) => o.id)).toEqual([2, 3, 5])
  })

  it('forgets failed requests so they can be retried', async () => {
    const source = {
      get: vi.fn().mockRejectedValueOnce(new Error('down')).mockResolvedValue(orgs[1]),
      children: vi.fn().mockRejectedValueOnce(new Error('down')).mockResolvedValue([]),
    }
    const cache = createOrgCache(source, () => 1)
    await expect(cache.get(1)).rejects.toThrow('down')
    await expect(cache.get(1)).resolves.toBe(orgs[1])
    await expect(cache.children(1)).rejects.toThrow('down')
    await expect(cache.children(1)).resolves.toEqual([])
  })
})

describe('OrgTreePage', () => {
  const byTestId = (id: string) => document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`)

  const crumbs = () =>
    [...document.body.querySelectorAll('[data-testid="org-breadcrumb"] .el-breadcrumb__inner')].map(
      (el) => el.textContent?.trim(),
    )

  async function settle() {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 50))
    await flushPromises()
  }

  beforeEach(() => {
    setLocale('zh-CN')
    invalidateDicts()
  })
  afterEach(() => {
    document.body.innerHTML = ''
    vi.useRealTimers()
  })

  function mountPage() {
    const api = fakeApi((call) => {
      let m: RegExpExecArray | null
      if ((m = /^\/organisations\/(\d+)\/children$/.exec(call.path)))
        return json(200, childrenOf(Number(m[1])))
      if ((m = /^\/organisations\/(\d+)$/.exec(call.path))) {
        const org = orgs[Number(m[1])]
        return org ? json(200, org) : undefined
      }
      if (call.path === '/organisations') {
        const keyword = call.query.get('keyword') ?? ''
        const items = Object.values(orgs).filter((o) => o.name.includes(keyword))
        return json(200, { items, total: items.length })
      }
      return dictionaryAnswer(call)
    })
    const wrapper = mount(OrgTreePage, {
      global: { plugins: [signIn(['organisation:org:view']), i18n] },
      attachTo: document.body,
    })
    return { wrapper, ...api }
  }

  it('starts at the user organisation: details, children, lazy tree', async () => {
    const { wrapper, calls } = mountPage()
    await settle()
    expect(byTestId('org-breadcrumb')?.textContent).toContain('福建省总工会')
    const details = byTestId('org-details')?.textContent ?? ''
    expect(details).toContain('FJ')
    expect(details).toContain('省总工会') // org_type label
    const children = byTestId('org-children')?.textContent ?? ''
    expect(children).toContain('福州市总工会')
    expect(children).toContain('厦门市总工会')
    expect(children).toContain('市总工会')
    // Only the root and its children were asked for, and the children only once.
    const orgCalls = calls.filter((c) => c.path.startsWith('/organisations')).map((c) => c.path)
    expect(orgCalls.sort()).toEqual(['/organisations/1', '/organisations/1/children'])
    expect(byTestId('org-tree')?.textContent).toContain('福建省总工会')
    wrapper.unmount()
  })

  it('selects a search result with its whole path, a breadcrumb and a child row', async () => {
    const { wrapper, calls } = mountPage()
    await settle()

    // Search, then pick 鼓东: its unknown parents come from GET /organisations/{parentId}.
    const input = byTestId('org-search') as HTMLInputElement
    input.value = '鼓东'
    input.dispatchEvent(new Event('input'))
    await new Promise((r) => setTimeout(r, 350)) // debounce
    await settle()
    expect(calls.at(-1)?.query.get('keyword')).toBe('鼓东')
    const results = [
      ...document.body.querySelectorAll<HTMLElement>('[data-testid="org-search-result"]'),
    ]
    expect(results.map((r) => r.textContent)).toEqual([expect.stringContaining('鼓东街道工会')])
    results[0]?.click()
    await settle()
    expect(crumbs()).toEqual(['福建省总工会', '福州市总工会', '鼓楼区总工会', '鼓东街道工会'])
    expect(byTestId('org-details')?.textContent).toContain('乡镇/街道/园区工会')
    expect(calls.some((c) => c.path === '/organisations/3')).toBe(true)
    expect(calls.some((c) => c.path === '/organisations/2')).toBe(false) // a child of the root
    // The tree opened along the path and highlights the result.
    expect(
      document.body.querySelector('[data-testid="org-tree"] .is-current > .el-tree-node__content')
        ?.textContent,
    ).toContain('鼓东街道工会')

    // A breadcrumb link goes back up.
    const crumb = [
      ...document.body.querySelectorAll<HTMLElement>('[data-testid="org-breadcrumb"] a'),
    ].find((a) => a.textContent === '鼓楼区总工会')
    crumb?.click()
    await settle()
    expect(byTestId('org-details')?.textContent).toContain('FJ-FZ-GL')
    expect(crumbs()).toEqual(['福建省总工会', '福州市总工会', '鼓楼区总工会'])

    // Clicking a row of the children table selects that child.
    const row = [
      ...document.body.querySelectorAll<HTMLElement>('[data-testid="org-children"] .el-table__row'),
    ].find((tr) => tr.textContent?.includes('鼓东街道工会'))
    row?.click()
    await settle()
    expect(crumbs()).toEqual(['福建省总工会', '福州市总工会', '鼓楼区总工会', '鼓东街道工会'])
    // A leaf: no rows, and its children are not even asked for.
    expect(
      document.body.querySelectorAll('[data-testid="org-children"] .el-table__row'),
    ).toHaveLength(0)
    expect(calls.some((c) => c.path === '/organisations/5/children')).toBe(false)
    wrapper.unmount()
  })
})
