import dayjs from 'dayjs'
import type { EpochMs } from './types'

/**
 * `2026-11-29 08:30:00` in the browser's time zone; empty for missing values. 0 counts as
 * missing too: seeded rows carry 0 rather than a real instant.
 */
export function formatDateTime(ms: EpochMs | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms <= 0) return ''
  return dayjs(ms).format('YYYY-MM-DD HH:mm:ss')
}

/** Long localised date with weekday: `2026年11月29日 星期日` / `November 29, 2026 Sunday`. */
export function formatLongDate(ms: EpochMs): string {
  return dayjs(ms).format('LL dddd')
}

/**
 * Today (`YYYY-MM-DD`) in Asia/Shanghai (UTC+8 all year): the server's "today", the calendar every deadline is
 * kept in. Form defaults use it rather than the browser's zone, so a browser set to another zone (a laptop
 * abroad, a test runner in UTC after 16:00) does not propose yesterday, which the server would refuse.
 */
export function shanghaiToday(now: number = Date.now()): string {
  return new Date(now + 8 * 3600 * 1000).toISOString().slice(0, 10)
}
