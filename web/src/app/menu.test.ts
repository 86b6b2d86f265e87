import { describe, expect, it } from 'vitest'
import { buildMenu, type MenuEntry } from './menu'
import { collectRoutes } from './router'

// The real route table, flattened the way router.getRoutes() would present it.
function flatten(routes = collectRoutes()): { path: string; meta?: object }[] {
  return routes.flatMap((r) => [{ path: r.path, meta: r.meta }, ...flatten(r.children ?? [])])
}
const routes = flatten() as Parameters<typeof buildMenu>[0]

const canWith = (keys: string[]) => (permission?: string) =>
  permission === undefined || keys.includes(permission)

const testIds = (menu: MenuEntry[]): string[] =>
  menu.flatMap((e) => [e.testId, ...testIds(e.children ?? [])])

describe('buildMenu', () => {
  it('shows every system page to a user with every key, in order', () => {
    const menu = buildMenu(
      routes,
      canWith([
        'system:user:view',
        'system:role:view',
        'system:dict:view',
        'system:audit:view',
        'system:loginlog:view',
      ]),
    )
    expect(testIds(menu)).toEqual([
      'menu-home',
      'menu-todos',
      'menu-notifications',
      'menu-system',
      'menu-users',
      'menu-roles',
      'menu-dicts',
      'menu-audit',
      'menu-login-log',
    ])
    const system = menu.find((e) => e.testId === 'menu-system')
    expect(system?.title).toBe('menu.system')
    expect(system?.children?.map((c) => c.index)).toEqual([
      '/system/users',
      '/system/roles',
      '/system/dicts',
      '/system/audit-logs',
      '/system/login-logs',
    ])
  })

  it('drops entries whose permission the user lacks', () => {
    const menu = buildMenu(routes, canWith(['system:user:view', 'system:audit:view']))
    expect(testIds(menu)).toEqual([
      'menu-home',
      'menu-todos',
      'menu-notifications',
      'menu-system',
      'menu-users',
      'menu-audit',
    ])
  })

  it('gives every signed-in user 我的待办 and 消息中心 right after the home page', () => {
    const menu = buildMenu(routes, canWith([]))
    expect(testIds(menu)).toEqual(['menu-home', 'menu-todos', 'menu-notifications'])
    expect(menu.slice(1).map((e) => [e.index, e.title])).toEqual([
      ['/inbox/todos', 'inbox.menuTodos'],
      ['/inbox/notifications', 'inbox.menuNotifications'],
    ])
  })

  it('drops a group left empty', () => {
    const menu = buildMenu(routes, canWith(['organisation:enterprise:create']))
    expect(testIds(menu)).toEqual(['menu-home', 'menu-todos', 'menu-notifications'])
  })

  it('puts the organisation network before system administration', () => {
    const menu = buildMenu(
      routes,
      canWith(['organisation:org:view', 'organisation:enterprise:view', 'system:user:view']),
    )
    expect(testIds(menu)).toEqual([
      'menu-home',
      'menu-todos',
      'menu-notifications',
      'menu-organisation',
      'menu-org-tree',
      'menu-enterprises',
      'menu-coverage-gaps',
      'menu-uncovered',
      'menu-system',
      'menu-users',
    ])
    const org = menu.find((e) => e.testId === 'menu-organisation')
    expect(org?.title).toBe('menu.organisation')
    expect(org?.children?.map((c) => c.index)).toEqual([
      '/organisations/tree',
      '/organisations/enterprises',
      '/organisations/coverage-gaps',
      '/organisations/uncovered',
    ])
    expect(testIds(buildMenu(routes, canWith(['organisation:enterprise:view'])))).toEqual([
      'menu-home',
      'menu-todos',
      'menu-notifications',
      'menu-organisation',
      'menu-enterprises',
      'menu-coverage-gaps',
      'menu-uncovered',
    ])
  })

  it('shows the rules and calendar page to every holder of rules:ruleset:view, after the network', () => {
    expect(testIds(buildMenu(routes, canWith(['rules:ruleset:view'])))).toEqual([
      'menu-home',
      'menu-todos',
      'menu-notifications',
      'menu-rules',
    ])
    const menu = buildMenu(routes, canWith(['organisation:network:view', 'rules:ruleset:view']))
    expect(testIds(menu).slice(-2)).toEqual(['menu-lp-staffing', 'menu-rules'])
  })
  it('shows hazards and documents under 监督检查 to holders of the supervision view keys', () => {
    const menu = buildMenu(
      routes,
      canWith(['supervision:hazard:view', 'supervision:document:view', 'system:user:view']),
    )
    expect(testIds(menu)).toEqual([
      'menu-home',
      'menu-todos',
      'menu-notifications',
      'menu-supervision',
      'menu-hazards',
      'menu-documents',
      'menu-system',
      'menu-users',
    ])
    const supervision = menu.find((e) => e.testId === 'menu-supervision')
    expect(supervision?.title).toBe('menu.supervision')
    expect(supervision?.children?.map((c) => c.index)).toEqual([
      '/supervision/hazards',
      '/supervision/documents',
    ])
    expect(testIds(buildMenu(routes, canWith(['supervision:document:view'])))).toEqual([
      'menu-home',
      'menu-todos',
      'menu-notifications',
      'menu-supervision',
      'menu-documents',
    ])
    // Detail pages are routes but never menu entries.
    expect(testIds(menu)).not.toContain(undefined)
  })

  it('puts checklists and inspections in the supervision group, after the network', () => {
    const only = buildMenu(
      routes,
      canWith(['supervision:checklist:view', 'supervision:inspection:view']),
    )
    expect(
      only.find((e) => e.testId === 'menu-supervision')?.children?.map((c) => c.testId),
    ).toEqual(['menu-checklists', 'menu-inspections'])
    const menu = buildMenu(
      routes,
      canWith(['organisation:network:view', 'supervision:inspection:view']),
    )
    expect(testIds(menu).indexOf('menu-supervision')).toBeGreaterThan(
      testIds(menu).indexOf('menu-network'),
    )
    const supervision = menu.find((e) => e.testId === 'menu-supervision')
    expect(supervision?.title).toBe('menu.supervision')
    expect(supervision?.children?.map((c) => c.index)).toEqual(['/supervision/inspections'])
    // The record page is reached from the list (full screen), not from the menu.
    expect(testIds(menu).filter((id) => id.includes('record'))).toEqual([])
  })

  it('puts 职工报告 and its QR codes last in 监督检查, each behind its own key', () => {
    const menu = buildMenu(
      routes,
      canWith(['supervision:hazard:view', 'reports:report:view', 'reports:entry:view']),
    )
    const supervision = menu.find((e) => e.testId === 'menu-supervision')
    expect(supervision?.children?.map((c) => [c.testId, c.index, c.title])).toEqual([
      ['menu-hazards', '/supervision/hazards', 'supervision.menu.hazards'],
      ['menu-worker-reports', '/reports', 'reports.menu.list'],
      ['menu-report-entry-points', '/reports/entry-points', 'reports.menu.entryPoints'],
    ])
    expect(testIds(buildMenu(routes, canWith(['reports:report:view'])))).toEqual([
      'menu-home',
      'menu-todos',
      'menu-notifications',
      'menu-supervision',
      'menu-worker-reports',
    ])
    expect(testIds(buildMenu(routes, canWith(['reports:entry:view'])))).toEqual([
      'menu-home',
      'menu-todos',
      'menu-notifications',
      'menu-supervision',
      'menu-report-entry-points',
    ])
    // The detail page is a route, never a menu entry.
    expect(testIds(menu).filter((id) => id.includes('detail'))).toEqual([])
  })

  it('puts 统计分析 (dashboard, coverage and capacity) first, and never the wall display', () => {
    const menu = buildMenu(routes, canWith(['statistics:dashboard:view', 'organisation:org:view']))
    expect(testIds(menu).slice(0, 4)).toEqual([
      'menu-home',
      'menu-todos',
      'menu-notifications',
      'menu-statistics',
    ])
    const statistics = menu.find((e) => e.testId === 'menu-statistics')
    expect(statistics?.title).toBe('menu.statistics')
    expect(statistics?.children?.map((c) => [c.testId, c.index])).toEqual([
      ['menu-stat-dashboard', '/statistics/dashboard'],
      ['menu-stat-coverage-capacity', '/statistics/coverage-capacity'],
    ])
    expect(JSON.stringify(menu)).not.toContain('/statistics/wall')
    expect(testIds(buildMenu(routes, canWith([])))).not.toContain('menu-statistics')
  })

  it('puts 统计年报 in the statistics group, behind statistics:annual:view', () => {
    const menu = buildMenu(routes, canWith(['statistics:annual:view']))
    expect(testIds(menu)).toEqual([
      'menu-home',
      'menu-todos',
      'menu-notifications',
      'menu-statistics',
      'menu-annual-reports',
    ])
    const statistics = menu.find((e) => e.testId === 'menu-statistics')
    expect(statistics?.title).toBe('menu.statistics')
    expect(statistics?.children?.map((c) => [c.index, c.title])).toEqual([
      ['/statistics/annual-reports', 'annualReports.menu.list'],
    ])
    // The form page is a route, never a menu entry.
    expect(testIds(buildMenu(routes, canWith([])))).not.toContain('menu-annual-reports')
  })

  it('orders the dashboard, the annual report and the coverage report in one group', () => {
    const menu = buildMenu(routes, canWith(['statistics:dashboard:view', 'statistics:annual:view']))
    const statistics = menu.find((e) => e.testId === 'menu-statistics')
    expect(statistics?.children?.map((c) => c.testId)).toEqual([
      'menu-stat-dashboard',
      'menu-stat-coverage-capacity',
      'menu-annual-reports',
    ])
  })
})
