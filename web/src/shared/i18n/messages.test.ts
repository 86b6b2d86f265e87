import { describe, expect, it } from 'vitest'
import en from './en'
import zhCN from './zh-CN'

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  )
}

function values(obj: object): string[] {
  return Object.values(obj).flatMap((v) =>
    typeof v === 'object' && v !== null ? values(v as object) : [String(v)],
  )
}

describe('message files', () => {
  it('have the same keys in both languages', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort())
  })

  it('have no empty strings, and the English file has no Chinese characters', () => {
    expect(values(zhCN).every((v) => v.trim() !== '')).toBe(true)
    expect(values(en).every((v) => v.trim() !== '')).toBe(true)
    expect(values(en).filter((v) => /[\u4e00-\u9fff]/.test(v))).toEqual([])
  })
})
