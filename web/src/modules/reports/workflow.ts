// The W3 lifecycle as the pages need it (ADR 0012): which actions a status allows, and tag colours.
import dayjs from 'dayjs'
import type { EpochMs } from '@/shared/types'
import type { ReportAction, ReportStatus } from './types'

export const REPORT_STATUSES: readonly ReportStatus[] = [
  'SUBMITTED',
  'UNDER_REVIEW',
  'ACCEPTED',
  'DUPLICATE',
  'REJECTED',
]

/** ACCEPT, MERGE and REJECT also work straight from SUBMITTED (they acknowledge too). */
export function reportActions(status: ReportStatus): ReportAction[] {
  switch (status) {
    case 'SUBMITTED':
      return ['ACKNOWLEDGE', 'ACCEPT', 'MERGE', 'REJECT']
    case 'UNDER_REVIEW':
      return ['ACCEPT', 'MERGE', 'REJECT']
    default:
      return []
  }
}

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export function reportStatusTag(status: ReportStatus | '' | null | undefined): TagType {
  switch (status) {
    case 'SUBMITTED':
      return 'danger'
    case 'UNDER_REVIEW':
      return 'warning'
    case 'ACCEPTED':
      return 'success'
    case 'DUPLICATE':
      return 'primary'
    default:
      return 'info'
  }
}

/** Report times are kept to the hour (anonymity), so they are shown to the hour: `2026-11-29 10时`. */
export function formatHour(ms: EpochMs | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms <= 0) return ''
  return dayjs(ms).format('YYYY-MM-DD HH:00')
}

/** Description shortened to a hazard title (hazards need one; the worker wrote none). */
export function titleFrom(description: string, max = 40): string {
  const firstLine = description.trim().split(/\r?\n/)[0] ?? ''
  const chars = [...firstLine]
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : firstLine
}
