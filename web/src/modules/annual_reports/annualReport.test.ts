import { describe, expect, it } from 'vitest'
import {
  changedItems,
  completionPercent,
  defaultYear,
  draftOf,
  draftProblems,
  failedChecks,
  groupBySection,
  liveCheck,
  manualProblem,
  parseManual,
  usedValue,
  yearOptions,
} from './annualReport'
import { annualItem, annualReport } from './testing'

describe('manual values', () => {
  it('accept whole numbers of 0 or more, and nothing (the system value counts)', () => {
    expect(manualProblem('')).toBeNull()
    expect(manualProblem('  ')).toBeNull()
    expect(manualProblem('0')).toBeNull()
    expect(manualProblem(' 42 ')).toBeNull()
    expect(manualProblem('-1')).toBe('wholeNumber')
    expect(manualProblem('2.5')).toBe('wholeNumber')
    expect(manualProblem('1e3')).toBe('wholeNumber')
    expect(manualProblem('十')).toBe('wholeNumber')
    expect(manualProblem('1000000000000001')).toBe('tooLarge')
    expect(parseManual(' 42 ')).toBe(42)
    expect(parseManual('')).toBeNull()
    expect(parseManual('x')).toBeNull()
  })

  it('replace the system value while typed, also a zero', () => {
    const item = annualItem('SV03', { systemValue: 20, childrenSum: 12 })
    expect(usedValue(item, '')).toBe(20)
    expect(usedValue(item, '0')).toBe(0)
    expect(usedValue(item, 'abc')).toBe(20)
    expect(liveCheck(item, '')).toBe('PASSED')
    expect(liveCheck(item, '12')).toBe('PASSED')
    expect(liveCheck(item, '11')).toBe('FAILED')
    expect(liveCheck(annualItem('E01', { childrenSum: null }), '0')).toBeNull()
  })
})

describe('the draft', () => {
  it('starts from the saved report and sends only what changed', () => {
    const report = annualReport({
      items: [
        annualItem('O01', { manualValue: 5 }),
        annualItem('E01'),
        annualItem('SV03', { note: '含园区' }),
      ],
    })
    const draft = draftOf(report)
    expect(draft.manual).toEqual({ O01: '5', E01: '', SV03: '' })
    expect(changedItems(report, draft)).toEqual([])

    draft.manual.O01 = ''
    draft.manual.E01 = '7'
    draft.note.SV03 = ' 含园区 '
    draft.note.E01 = '  工商数据 '
    expect(changedItems(report, draft)).toEqual([
      { code: 'O01', manualValue: null },
      { code: 'E01', manualValue: 7, note: '工商数据' },
    ])
  })

  it('names its problems like the server does, and counts failed checks as typed', () => {
    const report = annualReport()
    const draft = draftOf(report)
    draft.manual.O01 = '-2'
    draft.note.E01 = '字'.repeat(501)
    expect(draftProblems(report, draft)).toEqual({
      'items[O01].manualValue': 'wholeNumber',
      'items[E01].note': 'noteTooLong',
    })
    expect(failedChecks(report, draft)).toBe(0)
    draft.manual.SV03 = '11'
    draft.manual.O01 = '1'
    expect(failedChecks(report, draft)).toBe(2)
  })

  it('groups items by section in catalogue order', () => {
    const groups = groupBySection(annualReport().items)
    expect(groups.map((group) => [group.section, group.items.map((item) => item.code)])).toEqual([
      ['ORGANISATION', ['O01']],
      ['ENTERPRISES', ['E01']],
      ['SUPERVISION', ['SV03']],
    ])
  })
})

describe('statistical years', () => {
  it('default to the last year ended on September 30 in Shanghai', () => {
    expect(defaultYear(new Date('2026-11-29T08:00:00Z'))).toBe(2026)
    expect(defaultYear(new Date('2026-09-30T15:59:00Z'))).toBe(2025) // 23:59 in Shanghai
    expect(defaultYear(new Date('2026-09-30T16:00:00Z'))).toBe(2026) // October 1 in Shanghai
    expect(defaultYear(new Date('2027-03-01T00:00:00Z'))).toBe(2026)
    expect(yearOptions(new Date('2026-11-29T08:00:00Z')).slice(0, 3)).toEqual([2027, 2026, 2025])
  })

  it('completion is the share of children that have submitted', () => {
    expect(completionPercent({ total: 3, submitted: 2 })).toBe(67)
    expect(completionPercent({ total: 0, submitted: 0 })).toBe(100)
  })
})
