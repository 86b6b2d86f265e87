import type { Component } from 'vue'
import 'vue-router'

export {}

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title (breadcrumb, menu, document title). */
    title?: string
    /** Permission key needed to open the page (and to see its menu entry). */
    permission?: string
    /** Reachable without a session (login page). */
    public?: boolean
    /** Shown in the left menu. */
    menu?: {
      /** Key of a group in MENU_GROUPS (a sub-menu); omit for a top-level entry. */
      group?: string
      icon?: Component
      /** `data-testid` of the menu item. */
      testId: string
      order: number
    }
  }
}
