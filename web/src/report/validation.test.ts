import { beforeEach, describe, expect, it } from 'vitest'
import { setLocale } from './i18n'
import { fitWithin } from './image'
import { parseHash } from './route'
import {
  formatHour,
  formatReceipt,
  normalizeReceipt,
  retryText,
  statusSteps,
  validateMessage,
  validateReceipt,
  validateReport,
  type ReportForm,
} from './validation'

const valid: ReportForm = {
  category: 'UNSAFE_CONDITION',
  description: '配电箱没有上锁',
  location: '',
  anonymity: 'ANONYMOUS',
  reporterName: '',
  reporterPhone: '',
}

beforeEach(() => setLocale('zh-CN'))

describe('report form rules', () => {
  it('accepts an anonymous report with a category and 5+ characters', () => {
    expect(validateReport(valid)).toEqual({})
  })

  it('needs a category and 5–2000 characters of description, location ≤ 200', () => {
    expect(validateReport({ ...valid, category: '', description: '' })).toEqual({
      category: '请选择隐患类别',
      description: '请描述发生了什么',
    })
    expect(validateReport({ ...valid, description: '  四个字啊  ' }).description).toBe(
      '请至少写 5 个字',
    )
    expect(validateReport({ ...valid, description: '五个字啊啊' })).toEqual({})
    expect(validateReport({ ...valid, description: 'x'.repeat(2001) }).description).toBe(
      '最多 2000 个字',
    )
    expect(validateReport({ ...valid, location: '地'.repeat(201) }).location).toBe('最多 200 个字')
    expect(validateReport({ ...valid, location: '地'.repeat(200) })).toEqual({})
  })

  it('counts characters, not UTF-16 units (an emoji is one)', () => {
    expect(validateReport({ ...valid, description: '危险😀😀' }).description).toBe(
      '请至少写 5 个字',
    )
  })

  it('asks a named reporter for a name and a mainland mobile number, an anonymous one for neither', () => {
    expect(validateReport({ ...valid, reporterName: '', reporterPhone: 'x' })).toEqual({})
    const named = { ...valid, anonymity: 'NAMED' as const }
    expect(validateReport(named)).toEqual({
      reporterName: '请填写姓名',
      reporterPhone: '请填写手机号',
    })
    for (const bad of ['12812345678', '1381234567', '138123456789', '23812345678'])
      expect(
        validateReport({ ...named, reporterName: '王', reporterPhone: bad }).reporterPhone,
      ).toBe('请填写正确的 11 位手机号')
    expect(validateReport({ ...named, reporterName: '王', reporterPhone: '13912345678' })).toEqual(
      {},
    )
    expect(
      validateReport({ ...named, reporterName: '王'.repeat(51), reporterPhone: '13912345678' })
        .reporterName,
    ).toBe('姓名最多 50 个字')
  })

  it('speaks English after the switch', () => {
    setLocale('en')
    expect(validateReport({ ...valid, category: '' }).category).toBe('Choose the kind of hazard')
  })
})

describe('receipts', () => {
  it('accepts spaces and dashes, needs exactly 20 digits', () => {
    expect(normalizeReceipt(' 1234 5678-9012—3456 7890 ')).toBe('12345678901234567890')
    expect(validateReceipt('1234 5678 9012 3456 7890')).toBe('')
    expect(validateReceipt('1234-5678-9012-3456-7890')).toBe('')
    expect(validateReceipt('')).toBe('请输入回执码')
    expect(validateReceipt('1234 5678')).toBe('回执码是 20 位数字')
    expect(validateReceipt('1234567890123456789a')).toBe('回执码是 20 位数字')
  })

  it('shows five groups of four', () => {
    expect(formatReceipt('12345678901234567890')).toBe('1234 5678 9012 3456 7890')
  })
})

describe('messages and waits', () => {
  it('needs 1–1000 characters', () => {
    expect(validateMessage('  ')).toBe('请输入内容')
    expect(validateMessage('好')).toBe('')
    expect(validateMessage('好'.repeat(1001))).toBe('最多 1000 个字')
  })

  it('turns Retry-After into seconds or minutes', () => {
    expect(retryText(undefined)).toBe('')
    expect(retryText(30)).toBe('（30 秒后可再试）')
    expect(retryText(600)).toBe('（10 分钟后可再试）')
    expect(retryText(61)).toBe('（2 分钟后可再试）')
  })
})

describe('status steps', () => {
  const labels = (status: string, outcome: string | null = null) => {
    const { steps, active } = statusSteps({ status, outcome })
    return { labels: steps.map((s) => s.label), states: steps.map((s) => s.state), active }
  }

  it('walks 已提交 → 已受理 → 已立案 → 已整改', () => {
    expect(labels('SUBMITTED')).toEqual({
      labels: ['已提交', '已受理', '已立案', '已整改'],
      states: ['active', 'todo', 'todo', 'todo'],
      active: 0,
    })
    expect(labels('UNDER_REVIEW').active).toBe(1)
    expect(labels('ACCEPTED', 'IN_PROGRESS')).toMatchObject({
      states: ['done', 'done', 'active', 'todo'],
      active: 2,
    })
    expect(labels('ACCEPTED', 'RESOLVED')).toMatchObject({
      states: ['done', 'done', 'done', 'done'],
      active: 3,
    })
  })

  it('shows 已合并 for a duplicate and ends a rejection in 已驳回', () => {
    expect(labels('DUPLICATE', 'IN_PROGRESS')).toMatchObject({
      labels: ['已提交', '已受理', '已合并', '已整改'],
      active: 2,
    })
    expect(labels('RESOLVED')).toMatchObject({
      labels: ['已提交', '已受理', '已立案', '已整改'],
      states: ['done', 'done', 'done', 'done'],
    })
    expect(labels('REJECTED')).toEqual({
      labels: ['已提交', '已受理', '已驳回'],
      states: ['done', 'done', 'failed'],
      active: 2,
    })
  })
})

describe('times', () => {
  it('shows the server’s hour text as it is', () => {
    expect(formatHour('2026-11-29 10:00')).toBe('2026-11-29 10:00')
    expect(formatHour('not a time')).toBe('not a time')
  })
})

describe('hash routes and photo sizes', () => {
  it('reads #/e/<code> and #/status', () => {
    expect(parseHash('#/e/7K2M9QX4ABCD')).toEqual({ name: 'report', code: '7K2M9QX4ABCD' })
    expect(parseHash('#/e/7k2m9qx4abcd/')).toEqual({ name: 'report', code: '7K2M9QX4ABCD' })
    expect(parseHash('#/status')).toEqual({ name: 'status' })
    expect(parseHash('')).toEqual({ name: 'home' })
    expect(parseHash('#/e/../x')).toEqual({ name: 'home' })
  })

  it('shrinks the longest side to 1600 px and never enlarges', () => {
    expect(fitWithin(4000, 3000)).toEqual([1600, 1200])
    expect(fitWithin(3000, 4000)).toEqual([1200, 1600])
    expect(fitWithin(800, 600)).toEqual([800, 600])
  })
})
