import { afterEach, describe, expect, it } from 'vitest'
import { shanghaiToday, formatDateTime, formatLongDate } from './date'
import { setLocale } from './i18n'

// 2026-11-29 08:30:05 in the test's local time zone.
const instant = new Date(2026, 10, 29, 8, 30, 5).getTime()

afterEach(() => setLocale('zh-CN'))

describe('dates from epoch milliseconds', () => {
  it('formats date-times and leaves missing values empty', () => {
    expect(formatDateTime(instant)).toBe('2026-11-29 08:30:05')
    expect(formatDateTime(null)).toBe('')
    expect(formatDateTime(undefined)).toBe('')
    expect(formatDateTime(0)).toBe('')
  })

  it('long dates follow the UI language', () => {
    setLocale('zh-CN')
    expect(formatLongDate(instant)).toBe('2026年11月29日 星期日')
    setLocale('en')
    expect(formatLongDate(instant)).toBe('November 29, 2026 Sunday')
  })
})

describe('shanghaiToday', () => {
  it('is the date in China, whatever the browser zone', () => {
    // 16:30 UTC on the 29th is 00:30 on the 30th in China.
    expect(shanghaiToday(Date.parse('2026-11-29T16:30:00Z'))).toBe('2026-11-30')
    expect(shanghaiToday(Date.parse('2026-11-29T15:59:00Z'))).toBe('2026-11-29')
    expect(shanghaiToday(Date.parse('2026-12-31T16:00:00Z'))).toBe('2027-01-01')
  })
})
