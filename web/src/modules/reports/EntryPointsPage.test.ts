import { flushPromises, mount } from '@vue/test-utils'
import { ElMessageBox } from 'element-plus'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, json, signIn, type FakeCall } from '@/modules/organisations/testing'
import EnterprisePicker from '@/modules/supervision/EnterprisePicker.vue'
import { i18n, setLocale } from '@/shared/i18n'
import EntryPointsPage from './EntryPointsPage.vue'
import type { EntryPoint } from './types'

const byTestId = (id: string) => document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`)
const all = (id: string) => [
  ...document.body.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`),
]

async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 100))
  await flushPromises()
}

const entry = (over: Partial<EntryPoint> = {}): EntryPoint => ({
  id: 4,
  code: '7K2M9QX4ABCD',
  enterpriseId: 12,
  enterpriseName: '福州恒达机械有限公司',
  siteName: '二号车间',
  url: 'https://ankang.example.cn/report.html#/e/7K2M9QX4ABCD',
  createdAt: 1764000000000,
  revokedAt: null,
  ...over,
})

function mountPage(permissions: string[], answer?: (c: FakeCall) => Response | undefined) {
  const api = fakeApi((call) => {
    const own = answer?.(call)
    if (own) return own
    if (call.path === '/report-entry-points' && call.method === 'GET')
      return json(200, [
        entry(),
        entry({ id: 3, code: 'OLDCODE00000', url: '', revokedAt: 1764000000000 }),
      ])
    if (call.path === '/report-entry-points' && call.method === 'POST')
      return json(201, entry({ id: 9, code: 'NEWCODE00000', siteName: '仓库' }))
    if (call.path === '/report-entry-points/4' && call.method === 'DELETE')
      return json(204, undefined)
    return undefined
  })
  const wrapper = mount(EntryPointsPage, {
    global: { plugins: [signIn(permissions), i18n] },
    attachTo: document.body,
  })
  return { wrapper, ...api }
}

async function pickEnterprise(wrapper: ReturnType<typeof mount>) {
  wrapper.findComponent(EnterprisePicker).vm.$emit('update:modelValue', 12)
  await settle()
}

beforeEach(() => setLocale('zh-CN'))
afterEach(() => {
  document.body.innerHTML = ''
  vi.restoreAllMocks()
})

describe('EntryPointsPage', () => {
  it('lists the chosen enterprise’s entry points with poster and link; a viewer cannot create or revoke', async () => {
    const { wrapper, calls } = mountPage(['reports:entry:view'])
    await settle()
    expect(byTestId('entry-pick')).not.toBeNull()
    await pickEnterprise(wrapper)
    expect(calls.find((c) => c.path === '/report-entry-points')?.query.get('enterpriseId')).toBe(
      '12',
    )
    expect(all('entry-link').map((e) => e.textContent)).toEqual([
      'https://ankang.example.cn/report.html#/e/7K2M9QX4ABCD',
      // Without a url from the server: report.html next to the admin app.
      `${location.origin}${location.pathname.replace(/[^/]*$/, '')}report.html#/e/OLDCODE00000`,
    ])
    // Only the live one has actions.
    expect(all('entry-poster')).toHaveLength(1)
    expect(byTestId('entry-create')).toBeNull()
    expect(byTestId('entry-revoke')).toBeNull()

    const open = vi.spyOn(window, 'open').mockReturnValue(null)
    byTestId('entry-poster')?.click()
    expect(open).toHaveBeenCalledWith('/api/v1/report-entry-points/4/poster', '_blank', 'noopener')
    wrapper.unmount()
  })

  it('creates one for a site and revokes one after a warning', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
    const { wrapper, calls } = mountPage(['reports:entry:view', 'reports:entry:manage'])
    await settle()
    await pickEnterprise(wrapper)
    const site = byTestId('entry-site')
    const input = (
      site?.tagName === 'INPUT' ? site : site?.querySelector('input')
    ) as HTMLInputElement
    input.value = ' 仓库 '
    input.dispatchEvent(new Event('input'))
    await settle()
    byTestId('entry-create')?.click()
    await settle()
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      path: '/report-entry-points',
      body: { enterpriseId: 12, siteName: '仓库' },
    })
    byTestId('entry-revoke')?.click()
    await settle()
    expect(calls.find((c) => c.method === 'DELETE')?.path).toBe('/report-entry-points/4')
    wrapper.unmount()
  })
})
