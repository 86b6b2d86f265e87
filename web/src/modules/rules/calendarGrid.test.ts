import { describe, expect, it } from 'vitest'
import { isWorkingDay, monthGrid, toggleDay } from './calendarGrid'
import type { CalendarEntry } from './types'

const october2026: CalendarEntry[] = [
  { date: '2026-09-20', kind: 'WORKDAY', name: '国庆节调休上班' },
  ...[1, 2, 3, 4, 5, 6, 7].map((d) => ({
    date: `2026-10-0${d}`,
    kind: 'HOLIDAY' as const,
    name: '国庆节',
  })),
  { date: '2026-10-10', kind: 'WORKDAY', name: '国庆节调休上班' },
]

describe('monthGrid', () => {
  it('lays a month out in Monday-first weeks with the neighbours’ days', () => {
    const weeks = monthGrid(2026, 10, october2026)
    expect(weeks).toHaveLength(5) // 1 October 2026 is a Thursday
    expect(weeks[0]?.map((d) => d.date)).toEqual([
      '2026-09-28',
      '2026-09-29',
      '2026-09-30',
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
    ])
    expect(weeks[0]?.[0]?.inMonth).toBe(false)
    expect(weeks[4]?.[6]?.date).toBe('2026-11-01')
  })

  it('marks holidays, adjusted working days and plain weekends', () => {
    const days = monthGrid(2026, 10, october2026).flat()
    const day = (date: string) => days.find((d) => d.date === date)!
    expect(day('2026-10-05')).toMatchObject({ kind: 'HOLIDAY', working: false, name: '国庆节' })
    expect(day('2026-10-10')).toMatchObject({ kind: 'WORKDAY', weekend: true, working: true })
    expect(day('2026-10-11')).toMatchObject({ kind: null, weekend: true, working: false })
    expect(day('2026-10-12')).toMatchObject({ kind: null, weekend: false, working: true })
  })

  it('handles a year end and February', () => {
    const december = monthGrid(2025, 12, [])
    expect(december.flat().at(-1)?.date).toBe('2026-01-04')
    expect(
      monthGrid(2026, 2, [])
        .flat()
        .filter((d) => d.inMonth),
    ).toHaveLength(28)
  })
})

describe('isWorkingDay and toggleDay', () => {
  const kinds = new Map(october2026.map((e) => [e.date, e.kind]))
  it('follows the weekend rule unless the calendar says otherwise', () => {
    expect(isWorkingDay('2026-09-20', kinds)).toBe(true)
    expect(isWorkingDay('2026-10-01', kinds)).toBe(false)
    expect(isWorkingDay('2026-10-17', kinds)).toBe(false)
  })

  it('cycles a weekend day through holiday and working day, a weekday through holiday only', () => {
    const names = { holiday: '节假日', workday: '调休上班' }
    const saturday = toggleDay([], '2026-10-17', names)
    expect(saturday).toEqual([{ date: '2026-10-17', kind: 'HOLIDAY', name: '节假日' }])
    expect(toggleDay(saturday, '2026-10-17', names)[0]?.kind).toBe('WORKDAY')
    expect(toggleDay(toggleDay(saturday, '2026-10-17', names), '2026-10-17', names)).toEqual([])
    const monday = toggleDay([], '2026-10-12', names)
    expect(toggleDay(monday, '2026-10-12', names)).toEqual([])
  })
})
