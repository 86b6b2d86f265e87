import { createRouter, createWebHashHistory, type RouteRecordRaw, type Router } from 'vue-router'
import { HOME_MENU } from './menu'
import { installGuards } from './guards'

/** What each `modules/<domain>/routes.ts` exports as default. */
export interface ModuleRoutes {
  /** Pages inside the admin layout (menu, header); use absolute paths. */
  layout?: RouteRecordRaw[]
  /** Full-screen pages (login, change password). */
  standalone?: RouteRecordRaw[]
}

const modules = import.meta.glob<ModuleRoutes>('../modules/*/routes.ts', {
  eager: true,
  import: 'default',
})

export function collectRoutes(): RouteRecordRaw[] {
  const layout: RouteRecordRaw[] = []
  const standalone: RouteRecordRaw[] = []
  for (const mod of Object.values(modules)) {
    layout.push(...(mod.layout ?? []))
    standalone.push(...(mod.standalone ?? []))
  }
  return [
    ...standalone,
    {
      path: '/',
      component: () => import('./layout/AppLayout.vue'),
      children: [
        {
          path: '',
          name: 'home',
          component: () => import('./pages/HomePage.vue'),
          meta: { title: 'menu.home', menu: HOME_MENU },
        },
        ...layout,
        {
          path: '/403',
          name: 'forbidden',
          component: () => import('./pages/ForbiddenPage.vue'),
          meta: { title: 'pages.forbiddenTitle' },
        },
        {
          path: '/:pathMatch(.*)*',
          name: 'not-found',
          component: () => import('./pages/NotFoundPage.vue'),
          meta: { title: 'pages.notFoundTitle' },
        },
      ],
    },
  ]
}

export function createAppRouter(): Router {
  // Hash history: the C++ server only serves files, no SPA fallback needed.
  const router = createRouter({ history: createWebHashHistory(), routes: collectRoutes() })
  installGuards(router)
  return router
}
