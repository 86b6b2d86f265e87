import { describe, expect, it } from 'vitest'
import { buildUrl, cleanQuery } from '@/shared/http'
import { documentActions, noticeTitle } from './documentWorkflow'
import { documentQuery, emptyDocumentFilters, emptyHazardFilters, hazardQuery } from './listQuery'

describe('hazardQuery', () => {
  it('sends nothing but the sort for empty filters', () => {
    expect(cleanQuery(hazardQuery(emptyHazardFilters()))).toEqual({})
  })

  it('repeats status, sends overdue=true only when on, and splits the date range', () => {
    const query = hazardQuery({
      ...emptyHazardFilters(),
      keyword: ' 配电箱 ',
      status: ['NOTIFIED', 'RECTIFYING'],
      grade: 'MAJOR',
      category: 'UNSAFE_CONDITION',
      source: 'UNION_INSPECTION',
      enterpriseId: 12,
      overdue: true,
      foundRange: ['2026-11-01', '2026-11-30'],
    })
    expect(buildUrl('/hazards', query)).toBe(
      '/api/v1/hazards?q=%E9%85%8D%E7%94%B5%E7%AE%B1&status=NOTIFIED&status=RECTIFYING&grade=MAJOR' +
        '&category=UNSAFE_CONDITION&source=UNION_INSPECTION&enterpriseId=12&overdue=true' +
        '&from=2026-11-01&to=2026-11-30',
    )
    expect(cleanQuery(hazardQuery({ ...emptyHazardFilters(), overdue: false }))).not.toHaveProperty(
      'overdue',
    )
  })
})

describe('documentQuery', () => {
  it('maps type, status, year and keyword', () => {
    expect(cleanQuery(documentQuery(emptyDocumentFilters()))).toEqual({})
    expect(
      buildUrl(
        '/documents/export',
        documentQuery({
          keyword: '劳保',
          type: 'HAZARD_RECTIFICATION_NOTICE',
          status: 'SERVED',
          year: 2026,
          enterpriseId: undefined,
        }),
      ),
    ).toBe(
      '/api/v1/documents/export?q=%E5%8A%B3%E4%BF%9D&type=HAZARD_RECTIFICATION_NOTICE&status=SERVED&year=2026',
    )
  })
})

describe('documentActions', () => {
  it('follows W4: draft edits and issues, issued serves, served links and refuses, replied reviews', () => {
    expect(documentActions('DRAFT')).toEqual(['edit', 'issue', 'withdraw'])
    expect(documentActions('ISSUED')).toEqual(['serve', 'withdraw'])
    expect(documentActions('SERVED')).toEqual(['replyLink', 'refused', 'withdraw'])
    expect(documentActions('OVERDUE')).toEqual(['replyLink', 'escalate', 'withdraw'])
    expect(documentActions('REFUSED')).toEqual(['escalate', 'withdraw'])
    expect(documentActions('REPLIED')).toEqual(['review', 'withdraw'])
    expect(documentActions('CLOSED')).toEqual([])
    expect(documentActions('WITHDRAWN')).toEqual([])
  })

  it("prefers the server's list when the answer carries one", () => {
    expect(documentActions('SERVED', ['reply-links', 'refused', 'withdraw', 'unknown'])).toEqual([
      'replyLink',
      'refused',
      'withdraw',
    ])
    expect(documentActions('ESCALATED', [])).toEqual([])
  })

  it('titles a notice after the enterprise', () => {
    expect(noticeTitle('福州恒达机械有限公司')).toBe(
      '关于福州恒达机械有限公司事故隐患限期整改的通知',
    )
  })
})
