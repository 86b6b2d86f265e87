// Fixtures shared by this module's component tests (only tests import this file).
import { defineComponent, h, type PropType } from 'vue'
import type { HazardDetail } from './types'

export function hazardDetail(over: Partial<HazardDetail> = {}): HazardDetail {
  return {
    id: 5,
    code: 'YH-2026-0005',
    organisationId: 3,
    organisationName: '鼓楼区总工会',
    enterpriseId: 12,
    enterpriseName: '福州恒达机械有限公司',
    source: 'UNION_INSPECTION',
    category: 'UNSAFE_CONDITION',
    grade: 'GENERAL',
    title: '配电箱未上锁',
    description: '二号车间配电箱门未上锁，无警示标识',
    location: '二号车间',
    immediateDanger: false,
    foundOn: '2026-11-20',
    foundBy: '王志强',
    rectificationDeadline: '',
    replyDue: '',
    recheckDue: '',
    status: 'REPORTED',
    events: [
      {
        id: 1,
        event: 'TRIAGE',
        fromStatus: '',
        toStatus: 'REPORTED',
        comment: '现场检查发现',
        actor: '王志强',
        createdAt: 1764000000000,
      },
    ],
    photos: [{ fileId: 31, url: '/api/v1/files/31', thumbnailUrl: '/api/v1/files/31/thumbnail' }],
    evidence: [],
    verifications: [],
    escalations: [],
    documents: [],
    ...over,
  }
}

/**
 * Stands in for PhotoUpload (the files module's uploader): a button that "uploads" file 42, so a test
 * can add a photo without a server.
 */
export const FakePhotoUpload = defineComponent({
  inheritAttrs: false,
  props: { modelValue: { type: Array as PropType<number[]>, default: () => [] } },
  emits: ['update:modelValue'],
  setup(props, { emit, attrs }) {
    return () =>
      h('button', {
        type: 'button',
        'data-testid': `${String(attrs['data-testid'] ?? 'photo')}-fake-add`,
        onClick: () => emit('update:modelValue', [...props.modelValue, 42]),
      })
  },
})
