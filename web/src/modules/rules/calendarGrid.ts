// The month grids of the calendar page: pure date arithmetic in UTC so the browser's zone never shifts a day.
import type { CalendarEntry, DayKind } from './types'

export interface GridDay {
  date: string
  day: number
  inMonth: boolean
  weekend: boolean
  kind: DayKind | null
  name: string
  working: boolean
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** Working day: Monday–Friday unless a holiday, or an adjusted working day (调休上班). */
export function isWorkingDay(date: string, kinds: ReadonlyMap<string, DayKind>): boolean {
  const kind = kinds.get(date)
  if (kind) return kind === 'WORKDAY'
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
  return weekday !== 0 && weekday !== 6
}

/** Weeks (Monday first) covering month `month` (1–12) of `year`, with the days of the neighbours. */
export function monthGrid(
  year: number,
  month: number,
  entries: readonly CalendarEntry[],
): GridDay[][] {
  const byDate = new Map(entries.map((e) => [e.date, e]))
  const kinds = new Map(entries.map((e) => [e.date, e.kind]))
  const first = new Date(Date.UTC(year, month - 1, 1))
  const offset = (first.getUTCDay() + 6) % 7 // days before the first Monday
  const start = new Date(first.getTime() - offset * 86_400_000)
  const weeks: GridDay[][] = []
  for (let cursor = start; ;) {
    const week: GridDay[] = []
    for (let i = 0; i < 7; i++) {
      const date = iso(cursor)
      const entry = byDate.get(date)
      const weekday = cursor.getUTCDay()
      week.push({
        date,
        day: cursor.getUTCDate(),
        inMonth: cursor.getUTCMonth() === month - 1,
        weekend: weekday === 0 || weekday === 6,
        kind: entry?.kind ?? null,
        name: entry?.name ?? '',
        working: isWorkingDay(date, kinds),
      })
      cursor = new Date(cursor.getTime() + 86_400_000)
    }
    weeks.push(week)
    if (cursor.getUTCMonth() !== month - 1 || cursor.getUTCFullYear() !== year) break
  }
  return weeks
}

/**
 * The next state of a day an administrator clicks: none → holiday → (weekend only) adjusted
 * working day → none. Returns the new entry list.
 */
export function toggleDay(
  entries: readonly CalendarEntry[],
  date: string,
  names: { holiday: string; workday: string },
): CalendarEntry[] {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
  const weekend = weekday === 0 || weekday === 6
  const current = entries.find((e) => e.date === date)
  const others = entries.filter((e) => e.date !== date)
  let next: CalendarEntry | null = null
  if (!current) next = { date, kind: 'HOLIDAY', name: names.holiday }
  else if (current.kind === 'HOLIDAY' && weekend)
    next = { date, kind: 'WORKDAY', name: names.workday }
  return (next ? [...others, next] : others).sort((a, b) => a.date.localeCompare(b.date))
}
