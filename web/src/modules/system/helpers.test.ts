import { describe, expect, it } from 'vitest'
import { diffObjects } from './jsonDiff'
import { groupPermissions, permissionKeys } from './permissionTree'

describe('groupPermissions', () => {
  const perms = [
    { key: 'system:user:view', module: 'system', labelZh: '查看用户', labelEn: 'View users' },
    { key: 'organisation:org:view', module: 'organisation', labelZh: '查看组织', labelEn: '' },
    { key: 'system:role:view', module: 'system', labelZh: '查看角色', labelEn: 'View roles' },
  ]

  it('groups by module in server order, with labels per language', () => {
    const tree = groupPermissions(perms, (m) => `[${m}]`, false)
    expect(tree).toEqual([
      {
        key: 'module:system',
        label: '[system]',
        children: [
          { key: 'system:user:view', label: '查看用户' },
          { key: 'system:role:view', label: '查看角色' },
        ],
      },
      {
        key: 'module:organisation',
        label: '[organisation]',
        children: [{ key: 'organisation:org:view', label: '查看组织' }],
      },
    ])
    const en = groupPermissions(perms, (m) => m, true)
    expect(en[0]?.children?.[0]?.label).toBe('View users')
    // Falls back to the key when the label in that language is missing.
    expect(en[1]?.children?.[0]?.label).toBe('organisation:org:view')
  })

  it('drops group nodes from checked keys', () => {
    expect(permissionKeys(['module:system', 'system:user:view', 'system:role:view'])).toEqual([
      'system:user:view',
      'system:role:view',
    ])
  })
})

describe('diffObjects', () => {
  it('marks changed, added and removed top-level fields', () => {
    const d = diffObjects(
      { name: '张三', status: 'ACTIVE', phone: '139' },
      { name: '张三', status: 'DISABLED', email: 'a@b.cn' },
    )
    expect(d.keys).toEqual(['name', 'status', 'phone', 'email'])
    expect(d.changed).toEqual(['status', 'phone', 'email'])
    expect(d.before.find((l) => l.key === 'email')?.text).toBeUndefined()
    expect(d.after.find((l) => l.key === 'status')?.text).toBe('"DISABLED"')
  })

  it('marks nothing when a side is missing (create / delete)', () => {
    const d = diffObjects(null, { id: 1 })
    expect(d.changed).toEqual([])
    expect(d.before).toEqual([{ key: 'id', text: undefined, changed: false }])
    expect(d.after).toEqual([{ key: 'id', text: '1', changed: false }])
  })
})
