// Helpers shared by this module's component tests (not part of the app bundle: only tests import it).
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { vi } from 'vitest'
import { useAuthStore } from '@/modules/auth/store'
import type { CoverageGapRow } from './types'

export function signIn(permissions: string[]): Pinia {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().setMe({
    user: {
      id: 9,
      username: 'prov_cadre',
      displayName: '省总干部',
      organisationId: 1,
      organisationName: '福建省总工会',
      mustChangePassword: false,
    },
    permissions,
    dataScope: 'SUBTREE',
    csrfToken: 'tok',
  })
  return pinia
}

export function json(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

export interface FakeCall {
  method: string
  path: string
  query: URLSearchParams
  body: unknown
}

/**
 * Stubs global fetch with a router over `/api/v1` paths. Handlers get the decoded call and
 * answer a Response; anything unhandled is a 404.
 */
export function fakeApi(handler: (call: FakeCall) => Response | undefined) {
  const calls: FakeCall[] = []
  const fetchMock = vi.fn(async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://localhost')
    const call: FakeCall = {
      method: (init.method ?? 'GET').toUpperCase(),
      path: url.pathname.replace(/^\/api\/v1/, ''),
      query: url.searchParams,
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    }
    calls.push(call)
    return handler(call) ?? json(404, { code: 'not_found', message: '不存在' })
  })
  vi.stubGlobal('fetch', fetchMock)
  return { calls, fetchMock }
}

export const DICTIONARIES: Record<string, [string, string, string][]> = {
  economic_component: [
    ['11', '国有经济', 'State-owned'],
    ['12', '集体经济', 'Collective'],
    ['21', '私有经济', 'Private'],
    ['22', '港澳台经济', 'Hong Kong, Macao and Taiwan'],
    ['23', '外商经济', 'Foreign'],
  ],
  size_class: [
    ['LARGE', '大型', 'Large'],
    ['MEDIUM', '中型', 'Medium'],
    ['SMALL', '小型', 'Small'],
    ['MICRO', '微型', 'Micro'],
  ],
  union_coverage_type: [
    ['OWN_UNION', '独立建会', 'Own union'],
    ['JOINT_BASE_UNION', '联合基层工会', 'Joint base union'],
    ['REGIONAL_FEDERATION', '区域性工会联合会', 'Regional federation'],
    ['SECTORAL_FEDERATION', '行业性工会联合会', 'Sectoral federation'],
    ['ORGANISER_ONLY', '组织员', 'Organiser only'],
    ['NONE', '未建会', 'No union'],
  ],
  org_type: [
    ['PROVINCIAL_FED', '省总工会', 'Provincial federation'],
    ['CITY_FED', '市总工会', 'City federation'],
    ['COUNTY_FED', '县(区)总工会', 'County federation'],
    ['TOWN_STREET_PARK', '乡镇/街道/园区工会', 'Township, street or park union'],
  ],
  industry_section: [['C', '制造业', 'Manufacturing']],
}

/** Answers `GET /dictionaries/{code}/items` from DICTIONARIES (404 for the others). */
export function dictionaryAnswer(call: FakeCall): Response | undefined {
  const m = /^\/dictionaries\/([^/]+)\/items$/.exec(call.path)
  if (!m || call.method !== 'GET') return undefined
  const items = DICTIONARIES[decodeURIComponent(m[1] ?? '')]
  if (!items) return json(404, { code: 'not_found', message: '字典不存在' })
  return json(
    200,
    items.map(([code, label, labelEn], i) => ({
      id: i + 1,
      dictCode: m[1],
      code,
      label,
      labelEn,
      sortOrder: i + 1,
      enabled: true,
    })),
  )
}

/** A coverage-gap row with consistent counts (`id` null: the 本级直属 row). */
export function gapRow(
  id: number | null,
  name: string | null,
  enterprises: number,
  covered: number,
  over: Partial<CoverageGapRow> = {},
): CoverageGapRow {
  const rate = enterprises === 0 ? null : Math.round((covered / enterprises) * 10000) / 10000
  return {
    organisationId: id,
    organisationName: name,
    direct: id === null,
    enterprises,
    workers: enterprises * 10,
    covered,
    coveredWorkers: covered * 10,
    nonPublic: enterprises,
    nonPublicCovered: covered,
    smallAndMicro: 0,
    smallAndMicroCovered: 0,
    coverageRate: rate,
    workerCoverageRate: rate,
    nonPublicCoverageRate: rate,
    smallAndMicroCoverageRate: null,
    withCommittee: Math.floor(covered / 2),
    withCommitteeRate:
      covered === 0 ? null : Math.round((Math.floor(covered / 2) / covered) * 10000) / 10000,
    inspectors: enterprises,
    inspectorsPerThousandWorkers: enterprises === 0 ? null : 100,
    ...over,
  }
}
