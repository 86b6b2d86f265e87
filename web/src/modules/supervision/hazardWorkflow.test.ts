import { describe, expect, it } from 'vitest'
import {
  allowedEvents,
  canIssueNotice,
  HAZARD_STATUSES,
  isFinal,
  isOverdue,
  manualEvents,
  toTransitionInput,
  transitionFields,
} from './hazardWorkflow'
import type { HazardEvent, HazardStatus, TransitionForm } from './types'

// ADR 0010, "Hazard lifecycle (W2)": the events allowed from each state, read off the table row by row.
const ADR: Record<HazardStatus, HazardEvent[]> = {
  REPORTED: ['TRIAGE', 'REJECT'],
  TRIAGED: ['RECOMMEND_EVACUATION', 'NOTIFY'],
  REJECTED: [],
  EVACUATION_RECOMMENDED: ['NOTIFY'],
  NOTIFIED: ['ENTERPRISE_ACCEPT', 'ENTERPRISE_DISPUTE', 'REPORT_RECTIFIED', 'MARK_OVERDUE'],
  RECTIFYING: ['REPORT_RECTIFIED', 'MARK_OVERDUE'],
  OVERDUE_REPLY: ['ENTERPRISE_ACCEPT', 'ENTERPRISE_DISPUTE', 'ESCALATE'],
  DISPUTED: ['ACCEPT_DISPUTE', 'MAINTAIN_POSITION'],
  PENDING_VERIFICATION: ['RECHECK'],
  OVERDUE_RECTIFICATION: ['REPORT_RECTIFIED', 'ESCALATE'],
  ESCALATED: ['AUTHORITY_ORDERS', 'AUTHORITY_CLOSES'],
  CLOSED: [],
}

describe('allowedEvents', () => {
  it.each(Object.entries(ADR))('from %s allows exactly the ADR events', (status, events) => {
    expect(allowedEvents(status as HazardStatus).sort()).toEqual([...events].sort())
  })

  it('covers all twelve states', () => {
    expect([...HAZARD_STATUSES].sort()).toEqual(Object.keys(ADR).sort())
  })

  it('treats REJECTED and CLOSED as final', () => {
    expect(HAZARD_STATUSES.filter(isFinal)).toEqual(['REJECTED', 'CLOSED'])
  })
})

describe('manualEvents', () => {
  it('never offers the system events NOTIFY and MARK_OVERDUE', () => {
    for (const status of HAZARD_STATUSES) {
      const events = manualEvents({ status, immediateDanger: true })
      expect(events).not.toContain('NOTIFY')
      expect(events).not.toContain('MARK_OVERDUE')
    }
    expect(manualEvents({ status: 'NOTIFIED', immediateDanger: false })).toEqual([
      'ENTERPRISE_ACCEPT',
      'ENTERPRISE_DISPUTE',
      'REPORT_RECTIFIED',
    ])
    expect(manualEvents({ status: 'RECTIFYING', immediateDanger: false })).toEqual([
      'REPORT_RECTIFIED',
    ])
  })

  it('offers 建议撤离 only for a hazard with immediate danger', () => {
    expect(manualEvents({ status: 'TRIAGED', immediateDanger: true })).toEqual([
      'RECOMMEND_EVACUATION',
    ])
    expect(manualEvents({ status: 'TRIAGED', immediateDanger: false })).toEqual([])
  })

  it('a notice can be issued from TRIAGED and EVACUATION_RECOMMENDED only', () => {
    expect(HAZARD_STATUSES.filter(canIssueNotice)).toEqual(['TRIAGED', 'EVACUATION_RECOMMENDED'])
  })
})

describe('transitionFields', () => {
  it('asks for a deadline at triage, required for a major hazard', () => {
    expect(transitionFields('TRIAGE', 'GENERAL').rectificationDeadline).toBe('optional')
    expect(transitionFields('TRIAGE', 'MAJOR').rectificationDeadline).toBe('required')
    expect(transitionFields('TRIAGE', 'GENERAL').gradeCategory).toBe('required')
  })

  it('requires a reason for reject, dispute, accept-dispute and maintain-position', () => {
    for (const e of [
      'REJECT',
      'ENTERPRISE_DISPUTE',
      'ACCEPT_DISPUTE',
      'MAINTAIN_POSITION',
    ] as const)
      expect(transitionFields(e, 'GENERAL').comment).toBe('required')
  })

  it('requires a plan with the enterprise acceptance of a major hazard only', () => {
    expect(transitionFields('ENTERPRISE_ACCEPT', 'GENERAL')).toMatchObject({
      rectificationDeadline: 'required',
      rectificationPlan: 'optional',
    })
    expect(transitionFields('ENTERPRISE_ACCEPT', 'MAJOR').rectificationPlan).toBe('required')
  })

  it('requires evidence to report rectified, to close by authority, and for a PASSED recheck', () => {
    expect(transitionFields('REPORT_RECTIFIED', 'GENERAL').evidence).toBe('required')
    expect(transitionFields('AUTHORITY_CLOSES', 'GENERAL').evidence).toBe('required')
    expect(transitionFields('RECHECK', 'GENERAL', 'PASSED').evidence).toBe('required')
    expect(transitionFields('RECHECK', 'GENERAL', 'FAILED').evidence).toBe('optional')
    expect(transitionFields('RECHECK', 'GENERAL', 'PARTIAL').evidence).toBe('optional')
    expect(transitionFields('RECHECK', 'GENERAL').recheck).toBe('required')
    expect(transitionFields('AUTHORITY_ORDERS', 'GENERAL').rectificationDeadline).toBe('required')
  })
})

describe('toTransitionInput', () => {
  const form = (over: Partial<TransitionForm>): TransitionForm => ({
    comment: '',
    grade: 'GENERAL',
    category: 'UNSAFE_CONDITION',
    rectificationDeadline: '',
    rectificationPlan: '',
    result: '',
    verificationType: 'UNION_RECHECK',
    verifiers: '',
    verifiedOn: '',
    evidenceFileIds: [],
    ...over,
  })
  const hazard = { grade: 'GENERAL', category: 'UNSAFE_CONDITION' } as const

  it('sends only corrected grade and category at triage', () => {
    expect(
      toTransitionInput(
        'TRIAGE',
        form({ grade: 'MAJOR', rectificationDeadline: '2026-12-31', comment: ' 研判 ' }),
        hazard,
      ),
    ).toEqual({
      event: 'TRIAGE',
      grade: 'MAJOR',
      rectificationDeadline: '2026-12-31',
      comment: '研判',
    })
    expect(toTransitionInput('TRIAGE', form({}), hazard)).toEqual({ event: 'TRIAGE' })
  })

  it('sends the recheck fields and evidence, nothing else', () => {
    expect(
      toTransitionInput(
        'RECHECK',
        form({
          result: 'PASSED',
          verifiers: '王志强、李秀英',
          verifiedOn: '2026-12-01',
          evidenceFileIds: [7, 8],
          rectificationPlan: 'ignored',
        }),
        hazard,
      ),
    ).toEqual({
      event: 'RECHECK',
      result: 'PASSED',
      verificationType: 'UNION_RECHECK',
      verifiers: '王志强、李秀英',
      verifiedOn: '2026-12-01',
      evidenceFileIds: [7, 8],
    })
  })

  it('a reject sends its reason as the comment', () => {
    expect(toTransitionInput('REJECT', form({ comment: '不属于事故隐患' }), hazard)).toEqual({
      event: 'REJECT',
      comment: '不属于事故隐患',
    })
  })
})

describe('isOverdue', () => {
  it('is true in an overdue state or when the server flags it', () => {
    expect(isOverdue({ status: 'OVERDUE_REPLY' })).toBe(true)
    expect(isOverdue({ status: 'OVERDUE_RECTIFICATION' })).toBe(true)
    expect(isOverdue({ status: 'RECTIFYING', overdue: true })).toBe(true)
    expect(isOverdue({ status: 'RECTIFYING' })).toBe(false)
  })
})
