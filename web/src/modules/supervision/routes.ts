import { Document, WarningFilled } from '@element-plus/icons-vue'
import type { ModuleRoutes } from '@/app/router'

// 监督检查: hazards (W2) and union documents (W4), ADR 0010.
const routes: ModuleRoutes = {
  standalone: [
    {
      // The enterprise's reply link (no account): the server hands out `/#/reply/<token>`.
      path: '/reply/:token',
      name: 'document-reply',
      component: () => import('./ReplyPage.vue'),
      props: (route) => ({ token: String(route.params.token) }),
      meta: { title: 'supervision.reply.heading', public: true },
    },
  ],
  layout: [
    {
      path: '/supervision/hazards',
      name: 'hazards',
      component: () => import('./HazardListPage.vue'),
      meta: {
        title: 'supervision.menu.hazards',
        permission: 'supervision:hazard:view',
        menu: { group: 'supervision', icon: WarningFilled, testId: 'menu-hazards', order: 30 },
      },
    },
    {
      path: '/supervision/hazards/:id(\\d+)',
      name: 'hazard-detail',
      component: () => import('./HazardDetailPage.vue'),
      props: (route) => ({ id: Number(route.params.id) }),
      meta: { title: 'supervision.menu.hazards', permission: 'supervision:hazard:view' },
    },
    {
      path: '/supervision/documents',
      name: 'union-documents',
      component: () => import('./DocumentListPage.vue'),
      meta: {
        title: 'supervision.menu.documents',
        permission: 'supervision:document:view',
        menu: { group: 'supervision', icon: Document, testId: 'menu-documents', order: 40 },
      },
    },
    {
      path: '/supervision/documents/:id(\\d+)',
      name: 'union-document-detail',
      component: () => import('./DocumentDetailPage.vue'),
      props: (route) => ({ id: Number(route.params.id) }),
      meta: { title: 'supervision.menu.documents', permission: 'supervision:document:view' },
    },
  ],
}

export default routes
