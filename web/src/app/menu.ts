import {
  Checked,
  DataAnalysis,
  HomeFilled,
  OfficeBuilding,
  Setting,
  View,
} from '@element-plus/icons-vue'
import type { Component } from 'vue'
import type { RouteMeta } from 'vue-router'

export interface MenuGroup {
  title: string
  icon: Component
  order: number
  testId: string
}

/** Sub-menus of the left menu; module routes join one with `meta.menu.group`. */
export const MENU_GROUPS: Record<string, MenuGroup> = {
  statistics: {
    title: 'menu.statistics',
    icon: DataAnalysis,
    order: 50,
    testId: 'menu-statistics',
  },
  organisation: {
    title: 'menu.organisation',
    icon: OfficeBuilding,
    order: 100,
    testId: 'menu-organisation',
  },
  network: { title: 'menu.network', icon: View, order: 200, testId: 'menu-network' },
  supervision: {
    title: 'menu.supervision',
    icon: Checked,
    order: 300,
    testId: 'menu-supervision',
  },
  system: { title: 'menu.system', icon: Setting, order: 900, testId: 'menu-system' },
}

export interface MenuEntry {
  /** Route path for leaves, `group:<key>` for sub-menus (el-menu index). */
  index: string
  title: string
  icon?: Component
  testId: string
  order: number
  children?: MenuEntry[]
}

/** What buildMenu needs of a route; router.getRoutes() records fit. */
export interface MenuRoute {
  path: string
  meta?: RouteMeta
}

/**
 * Left menu from the routes: entries whose permission the user lacks are dropped, and so are
 * groups left empty. Sorted by `order`.
 */
export function buildMenu(
  routes: readonly MenuRoute[],
  can: (permission?: string) => boolean,
): MenuEntry[] {
  const top: MenuEntry[] = []
  const groups = new Map<string, MenuEntry>()
  for (const route of routes) {
    const menu = route.meta?.menu
    if (!menu || !can(route.meta?.permission)) continue
    const entry: MenuEntry = {
      index: route.path,
      title: route.meta?.title ?? '',
      icon: menu.icon,
      testId: menu.testId,
      order: menu.order,
    }
    const groupDef = menu.group ? MENU_GROUPS[menu.group] : undefined
    if (!menu.group || !groupDef) {
      top.push(entry)
      continue
    }
    let group = groups.get(menu.group)
    if (!group) {
      group = { index: `group:${menu.group}`, ...groupDef, children: [] }
      groups.set(menu.group, group)
      top.push(group)
    }
    group.children?.push(entry)
  }
  const byOrder = (a: MenuEntry, b: MenuEntry) => a.order - b.order
  for (const group of groups.values()) group.children?.sort(byOrder)
  return top.sort(byOrder)
}

export const HOME_MENU = { icon: HomeFilled, testId: 'menu-home', order: 0 }
