// Fixtures for this module's component tests (only tests import this file).
import type { WorkerReportDetail } from './types'

export function workerReport(over: Partial<WorkerReportDetail> = {}): WorkerReportDetail {
  return {
    id: 7,
    code: 'ZG-2026-0007',
    enterpriseId: 12,
    enterpriseName: '福州恒达机械有限公司',
    siteName: '二号车间',
    organisationId: 3,
    organisationName: '鼓楼区总工会',
    category: 'UNSAFE_CONDITION',
    description: '配电箱门没有锁\n旁边堆着纸箱',
    location: '二号车间东侧',
    anonymity: 'ANONYMOUS',
    status: 'SUBMITTED',
    submittedAt: new Date(2026, 10, 29, 10).getTime(),
    acknowledgeDue: '2026-12-01',
    overdue: false,
    escalated: false,
    rejectReason: null,
    hazardId: null,
    hazardCode: null,
    unreadMessages: 0,
    photos: [{ fileId: 31, mediaType: 'image/jpeg', hasThumbnail: true }],
    events: [
      {
        event: 'SUBMIT',
        fromStatus: '',
        toStatus: 'SUBMITTED',
        comment: null,
        actor: 'anonymous-worker',
        createdAt: new Date(2026, 10, 29, 10).getTime(),
      },
    ],
    messages: [
      {
        id: 1,
        author: 'WORKER',
        body: '配电箱在东侧门口',
        actor: null,
        createdAt: new Date(2026, 10, 29, 11).getTime(),
      },
    ],
    ...over,
  }
}
