import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { fakeApi, json, signIn, type FakeCall } from '@/modules/organisations/testing'
import { i18n, setLocale } from '@/shared/i18n'
import InspectionRecordPage from './InspectionRecordPage.vue'
import type { Inspection } from './types'

const inspection: Inspection = {
  id: 5,
  code: 'JC2026-000005',
  organisationId: 3,
  organisationName: '新街口街道工会',
  enterpriseId: 8,
  enterpriseName: '新街口机械厂',
  enterpriseAddress: '',
  mode: 'UNION_INDEPENDENT',
  authorityName: '',
  topic: '',
  plannedDate: '2026-11-29',
  checklistId: 1,
  checklistName: '工贸企业重大事故隐患判定标准',
  checklistVersionId: 1,
  checklistVersion: 1,
  status: 'IN_PROGRESS',
  nextEvents: ['RECORD_FINDINGS'],
  itemCount: 2,
  answeredCount: 0,
  failedCount: 0,
  score: 0,
  maxScore: 20,
  inspectors: [
    { inspectorId: 1, name: '王志强', certificateNo: 'JS-1', status: 'ACTIVE' },
    { inspectorId: 2, name: '李红', certificateNo: 'JS-2', status: 'ACTIVE' },
  ],
  members: [],
  signatoryName: '',
  signatoryTitle: '',
  refusalNote: '',
  summary: '',
  cancelReason: '',
  startedAt: 0,
  findingsRecordedAt: null,
  signedAt: null,
  closedAt: null,
  createdAt: 0,
  updatedAt: 0,
  checklist: {
    id: 1,
    templateId: 1,
    version: 1,
    status: 'PUBLISHED',
    note: '',
    itemCount: 2,
    maxScore: 20,
    createdAt: 0,
    updatedAt: 0,
    publishedAt: 0,
    sections: [
      {
        title: '粉尘防爆',
        items: [
          {
            code: 'MH-11-3',
            text: '干式除尘系统采取了泄爆、惰化、抑爆等爆炸防控措施',
            basisRef: '第十一条第（三）项',
            maxScore: 10,
            answerType: 'PASS_FAIL_NA',
            requiresPhoto: true,
            requiresNote: true,
            severityHint: 'MAJOR',
          },
          {
            code: 'MH-11-10',
            text: '落实粉尘清理制度，作业现场无严重积尘',
            basisRef: '',
            maxScore: 10,
            answerType: 'PASS_FAIL_NA',
            requiresPhoto: false,
            requiresNote: false,
            severityHint: 'MAJOR',
          },
        ],
      },
    ],
  },
  answers: [],
  hazards: [],
  openHazardCount: 0,
  events: [],
}

function answer(call: FakeCall): Response | undefined {
  if (call.path === '/inspections/5' && call.method === 'GET') return json(200, inspection)
  if (call.path === '/inspections/5/answers' && call.method === 'PUT')
    return json(200, { ...inspection, answeredCount: 1, failedCount: 1 })
  if (call.path === '/hazards' && call.method === 'POST')
    return json(201, { id: 77, code: 'YH-77' })
  return undefined
}

const byTestId = (id: string) => document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`)

async function settle(ms = 150) {
  await flushPromises()
  await new Promise((r) => setTimeout(r, ms))
  await flushPromises()
}

async function mountPage() {
  const api = fakeApi(answer)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/supervision/inspections', component: { template: '<div />' } },
      { path: '/supervision/inspections/:id', component: InspectionRecordPage },
    ],
  })
  await router.push('/supervision/inspections/5')
  const wrapper = mount(InspectionRecordPage, {
    props: { id: 5 },
    global: {
      plugins: [
        signIn(['supervision:inspection:view', 'supervision:inspection:manage']),
        i18n,
        router,
      ],
    },
    attachTo: document.body,
  })
  await settle()
  return { wrapper, ...api }
}

beforeEach(() => setLocale('zh-CN'))
afterEach(() => {
  document.body.innerHTML = ''
})

describe('InspectionRecordPage', () => {
  it('records a failed item, autosaves it and shows what the item still needs', async () => {
    const { wrapper, calls } = await mountPage()
    expect(byTestId('record-progress')?.textContent).toContain('已完成 0/2')
    expect(byTestId('register-hazard-MH-11-3')).toBeNull()
    byTestId('item-MH-11-3-fail')?.click()
    await settle()
    expect(byTestId('record-progress')?.textContent).toContain('已完成 1/2')
    expect(byTestId('register-hazard-MH-11-3')).not.toBeNull()
    expect(document.body.textContent).toContain('此项须填写说明')
    expect(document.body.textContent).toContain('此项须上传照片')
    // Once the phone has been still for a moment (800 ms), one save with the answer.
    await settle(1000)
    const puts = calls.filter((c) => c.method === 'PUT')
    expect(puts).toHaveLength(1)
    expect(puts[0]?.body).toEqual({
      answers: [{ itemCode: 'MH-11-3', result: 'FAIL', note: '', photoFileIds: [] }],
    })
    expect(byTestId('record-save-state')?.textContent).toContain('已自动保存')
    wrapper.unmount()
  })

  it('registers a hazard for a failed MAJOR item with the grade preselected', async () => {
    const { wrapper, calls } = await mountPage()
    byTestId('item-MH-11-10-fail')?.click()
    await settle()
    byTestId('register-hazard-MH-11-10')?.click()
    await settle()
    const field = byTestId('hazard-title')
    const title = field instanceof HTMLInputElement ? field : field?.querySelector('input')
    expect(title?.value).toBe('未达标：落实粉尘清理制度，作业现场无严重积尘')
    expect(byTestId('hazard-grade-MAJOR')?.className).toContain('is-active')
    byTestId('hazard-submit')?.click()
    await settle()
    const post = calls.find((c) => c.method === 'POST' && c.path === '/hazards')
    expect(post?.body).toMatchObject({
      enterpriseId: 8,
      inspectionId: 5,
      checklistItemCode: 'MH-11-10',
      source: 'UNION_INSPECTION',
      grade: 'MAJOR',
      foundBy: '王志强、李红',
    })
    // The answer was saved before the hazard form opened.
    expect(calls.findIndex((c) => c.method === 'PUT')).toBeLessThan(calls.indexOf(post!))
    wrapper.unmount()
  })
})
