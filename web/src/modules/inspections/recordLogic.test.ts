import { describe, expect, it } from 'vitest'
import {
  AutosaveQueue,
  answerProblems,
  draftProblems,
  enoughInspectors,
  flattenItems,
  hazardDefaults,
  incompleteItems,
  nextItemCode,
  progress,
} from './recordLogic'
import type { FlatItem } from './recordLogic'
import type { Answer, AnswerInput, ChecklistItem, ChecklistVersion, Inspection } from './types'

const item = (code: string, extra: Partial<ChecklistItem> = {}): ChecklistItem => ({
  code,
  text: `检查项 ${code}`,
  basisRef: '',
  maxScore: 5,
  answerType: 'PASS_FAIL_NA',
  requiresPhoto: false,
  requiresNote: false,
  severityHint: 'GENERAL',
  ...extra,
})

const version: ChecklistVersion = {
  id: 1,
  templateId: 1,
  version: 1,
  status: 'PUBLISHED',
  note: '',
  itemCount: 3,
  maxScore: 15,
  createdAt: 0,
  updatedAt: 0,
  publishedAt: 0,
  sections: [
    {
      title: '现场',
      items: [item('A-1', { requiresPhoto: true }), item('A-2', { requiresNote: true })],
    },
    { title: '管理', items: [item('B-1', { severityHint: 'MAJOR', basisRef: '第三条' })] },
  ],
}

const answer = (
  itemCode: string,
  result: Answer['result'],
  extra: Partial<Answer> = {},
): Answer => ({
  itemCode,
  result,
  note: '',
  photoFileIds: [],
  ...extra,
})

describe('the record page', () => {
  it('counts progress over the pinned checklist', () => {
    const items = flattenItems(version)
    expect(items.map((i) => `${i.section}/${i.code}`)).toEqual(['现场/A-1', '现场/A-2', '管理/B-1'])
    expect(progress(items, {})).toEqual({ done: 0, total: 3, percent: 0 })
    expect(progress(items, { 'A-1': answer('A-1', 'PASS'), X: answer('X', 'PASS') })).toEqual({
      done: 1,
      total: 3,
      percent: 33,
    })
  })

  it('asks for a photo on a failed photo item and a note on a failed or n/a note item', () => {
    const [photoItem, noteItem] = flattenItems(version) as [FlatItem, FlatItem, FlatItem]
    expect(answerProblems(photoItem, answer('A-1', 'FAIL'))).toEqual(['photo'])
    expect(answerProblems(photoItem, answer('A-1', 'FAIL', { photoFileIds: [7] }))).toEqual([])
    expect(answerProblems(photoItem, answer('A-1', 'PASS'))).toEqual([])
    expect(answerProblems(noteItem, answer('A-2', 'NA'))).toEqual(['note'])
    expect(answerProblems(noteItem, answer('A-2', 'NA', { note: '无此工序' }))).toEqual([])
    expect(answerProblems(noteItem, undefined)).toEqual([])
    const items = flattenItems(version)
    expect(
      incompleteItems(items, { 'A-1': answer('A-1', 'FAIL'), 'A-2': answer('A-2', 'PASS') }),
    ).toEqual(['A-1', 'B-1'])
  })

  it('merges pending answers, and puts a failed batch back without overwriting newer input', async () => {
    const queue = new AutosaveQueue()
    const sent: AnswerInput[][] = []
    const input = (code: string, result: AnswerInput['result'], note = ''): AnswerInput => ({
      itemCode: code,
      result,
      note,
      photoFileIds: [],
    })
    queue.set(input('A-1', 'PASS'))
    queue.set(input('A-1', 'FAIL', '护栏缺失'))
    queue.set(input('A-2', 'NA'))
    expect(queue.state).toBe('pending')
    await queue.flush(async (batch) => {
      sent.push(batch)
    })
    expect(sent[0]).toEqual([input('A-1', 'FAIL', '护栏缺失'), input('A-2', 'NA')])
    expect(queue.state).toBe('saved')
    expect(queue.size).toBe(0)

    queue.set(input('B-1', 'PASS'))
    queue.set(input('A-2', 'PASS'))
    await expect(
      queue.flush(async () => {
        queue.set(input('A-2', 'FAIL', '更新')) // typed while the save was on its way
        throw new Error('offline')
      }),
    ).rejects.toThrow('offline')
    expect(queue.state).toBe('error')
    let retried: AnswerInput[] = []
    await queue.flush(async (batch) => {
      retried = batch
    })
    expect(retried).toEqual([input('A-2', 'FAIL', '更新'), input('B-1', 'PASS')])
  })

  it('prefills the hazard form from the failed item', () => {
    const inspection = {
      id: 9,
      enterpriseId: 3,
      inspectors: [
        { inspectorId: 1, name: '王志强', certificateNo: '', status: 'ACTIVE' },
        { inspectorId: 2, name: '李红', certificateNo: '', status: 'ACTIVE' },
      ],
    } as unknown as Inspection
    const [first, , major] = flattenItems(version) as [FlatItem, FlatItem, FlatItem]
    const form = hazardDefaults(
      inspection,
      major,
      answer('B-1', 'FAIL', { note: '除尘器无泄爆', photoFileIds: [4] }),
      '2026-11-29',
    )
    expect(form).toMatchObject({
      enterpriseId: 3,
      inspectionId: 9,
      checklistItemCode: 'B-1',
      source: 'UNION_INSPECTION',
      grade: 'MAJOR',
      title: '未达标：检查项 B-1',
      description: '除尘器无泄爆\n依据：第三条',
      foundOn: '2026-11-29',
      foundBy: '王志强、李红',
      photoFileIds: [4],
    })
    expect(hazardDefaults(inspection, first, undefined, '2026-11-29').grade).toBe('GENERAL')
    const long = { ...first, text: '长'.repeat(150) }
    const title = hazardDefaults(inspection, long, undefined, '2026-11-29').title
    expect([...title]).toHaveLength(100) // the hazards module's limit
    expect(title.endsWith('…')).toBe(true)
  })

  it('needs two different inspectors to start', () => {
    expect(enoughInspectors([1])).toBe(false)
    expect(enoughInspectors([1, 1])).toBe(false)
    expect(enoughInspectors([1, 2])).toBe(true)
  })
})

describe('the draft editor', () => {
  it('names problems the way the server does', () => {
    const sections = [
      { title: '', items: [item('A-1'), item('A-1', { text: 'x' })] },
      { title: '管理', items: [item('bad code', { maxScore: 101 })] },
    ]
    expect(draftProblems(sections)).toEqual({
      'sections[0].title': 'inspections.draft.titleRule',
      'sections[0].items[1].code': 'inspections.draft.codeDuplicate',
      'sections[0].items[1].text': 'inspections.draft.textRule',
      'sections[1].items[0].code': 'inspections.draft.codeRule',
      'sections[1].items[0].maxScore': 'inspections.draft.scoreRule',
    })
    expect(draftProblems(version.sections)).toEqual({})
  })

  it('proposes an unused item code', () => {
    expect(nextItemCode(version.sections)).toBe('B-04')
    expect(nextItemCode([])).toBe('ITEM-01')
  })
})
