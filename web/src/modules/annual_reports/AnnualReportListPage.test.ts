import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { fakeApi, json, signIn } from '@/modules/organisations/testing'
import { i18n, setLocale } from '@/shared/i18n'
import AnnualReportListPage from './AnnualReportListPage.vue'
import { annualReport, annualSummary } from './testing'
import type { AnnualOverview } from './types'

const byTestId = (id: string) => document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`)
const allByTestId = (id: string) => [
  ...document.body.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`),
]

async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 50))
  await flushPromises()
}

function overview(over: Partial<AnnualOverview> = {}): AnnualOverview {
  const summary = annualSummary(
    annualReport({ status: 'SUBMITTED', submittedAt: 1_790_000_000_000, submittedBy: '刘芳' }),
  )
  return {
    year: 2026,
    period: { from: '2025-10', to: '2026-09' },
    organisation: { id: 4, name: '玄武区总工会', level: 3 },
    report: null,
    canCreate: true,
    children: [
      { organisationId: 5, name: '新街口街道工会', level: 4, report: { ...summary, id: 8 } },
      { organisationId: 6, name: '梅园新村街道工会', level: 4, report: null },
    ],
    completion: { total: 2, submitted: 1, approved: 0 },
    ...over,
  }
}

async function mountPage(answer: AnnualOverview, path = '/statistics/annual-reports?year=2026') {
  const api = fakeApi((call) => {
    if (call.method === 'GET' && call.path === '/statistical-reports') return json(200, answer)
    if (call.method === 'POST' && call.path === '/statistical-reports')
      return json(201, annualReport({ id: 11 }))
    return undefined
  })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/statistics/annual-reports', component: AnnualReportListPage },
      { path: '/statistics/annual-reports/:id', component: { render: () => null } },
    ],
  })
  await router.push(path)
  mount(
    { template: '<router-view />' },
    {
      global: {
        plugins: [signIn(['statistics:annual:view', 'statistics:annual:edit']), i18n, router],
      },
      attachTo: document.body,
    },
  )
  await settle()
  return { ...api, router }
}

beforeEach(() => setLocale('zh-CN'))
afterEach(() => {
  document.body.innerHTML = ''
  vi.restoreAllMocks()
})

describe('AnnualReportListPage', () => {
  it("shows the children's status and the completion for the year in the URL", async () => {
    const { calls } = await mountPage(overview())
    expect(calls[0]?.query.get('year')).toBe('2026')
    expect(allByTestId('annual-child-status').map((tag) => tag.dataset.status)).toEqual([
      'SUBMITTED',
      'NONE',
    ])
    expect(byTestId('annual-completion')?.textContent).toContain('已上报 1 / 2，已审核 0')
    expect(byTestId('annual-completion')?.textContent).toContain('50%')
    expect(byTestId('annual-own-status')?.dataset.status).toBe('NONE')
  })

  it('starts the organisation report and opens it', async () => {
    const { calls, router } = await mountPage(overview())
    byTestId('annual-create')?.click()
    await settle()
    const post = calls.find((call) => call.method === 'POST')
    expect(post?.body).toEqual({ organisationId: 4, year: 2026 })
    expect(router.currentRoute.value.path).toBe('/statistics/annual-reports/11')
  })

  it('opens the own report when there is one instead of offering to start it', async () => {
    const existing = overview()
    existing.report = existing.children[0]!.report
    existing.canCreate = false
    await mountPage(existing)
    expect(byTestId('annual-create')).toBeNull()
    expect(byTestId('annual-open-own')).not.toBeNull()
  })
})
