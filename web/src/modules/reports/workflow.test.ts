import { describe, expect, it } from 'vitest'
import { emptyReportFilters, reportQuery } from './listQuery'
import { formatHour, reportActions, reportStatusTag, titleFrom } from './workflow'

describe('reportActions (W3)', () => {
  it('allows acknowledge, accept, merge and reject from SUBMITTED, all but acknowledge after it', () => {
    expect(reportActions('SUBMITTED')).toEqual(['ACKNOWLEDGE', 'ACCEPT', 'MERGE', 'REJECT'])
    expect(reportActions('UNDER_REVIEW')).toEqual(['ACCEPT', 'MERGE', 'REJECT'])
  })

  it('allows nothing once decided', () => {
    for (const s of ['ACCEPTED', 'DUPLICATE', 'REJECTED'] as const)
      expect(reportActions(s)).toEqual([])
  })

  it('colours a waiting report red and a decided one calm', () => {
    expect(reportStatusTag('SUBMITTED')).toBe('danger')
    expect(reportStatusTag('ACCEPTED')).toBe('success')
    expect(reportStatusTag('REJECTED')).toBe('info')
  })
})

describe('helpers', () => {
  it('shows times to the hour only', () => {
    const ms = new Date(2026, 10, 29, 10, 0, 0).getTime()
    expect(formatHour(ms)).toBe('2026-11-29 10:00')
    expect(formatHour(0)).toBe('')
    expect(formatHour(null)).toBe('')
  })

  it('makes a hazard title from the first line of the description', () => {
    expect(titleFrom('配电箱没有上锁\n旁边堆着纸箱')).toBe('配电箱没有上锁')
    expect([...titleFrom('危'.repeat(60))]).toHaveLength(40)
    expect(titleFrom('危'.repeat(60)).endsWith('…')).toBe(true)
  })
})

describe('reportQuery', () => {
  it('sends nothing for empty filters', () => {
    const q = reportQuery(emptyReportFilters())
    expect(
      Object.values(q).filter(
        (v) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0),
      ),
    ).toEqual([])
  })

  it('maps every filter to the ADR parameter names', () => {
    expect(
      reportQuery({
        keyword: ' 配电箱 ',
        status: ['SUBMITTED', 'UNDER_REVIEW'],
        anonymity: 'NAMED',
        enterpriseId: 12,
        overdue: true,
        submittedRange: ['2026-11-01', '2026-11-30'],
      }),
    ).toEqual({
      q: '配电箱',
      status: 'SUBMITTED,UNDER_REVIEW',
      anonymity: 'NAMED',
      enterpriseId: 12,
      overdue: 'true',
      submittedFrom: '2026-11-01',
      submittedTo: '2026-11-30',
    })
  })
})
