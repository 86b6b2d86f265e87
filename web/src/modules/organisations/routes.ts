import { Share, Shop } from '@element-plus/icons-vue'
import type { ModuleRoutes } from '@/app/router'

// 组织网络: the organisation tree and the enterprises in it.
const routes: ModuleRoutes = {
  layout: [
    {
      path: '/organisations/tree',
      name: 'org-tree',
      component: () => import('./OrgTreePage.vue'),
      meta: {
        title: 'menu.orgTree',
        permission: 'organisation:org:view',
        menu: { group: 'organisation', icon: Share, testId: 'menu-org-tree', order: 10 },
      },
    },
    {
      path: '/organisations/enterprises',
      name: 'enterprises',
      component: () => import('./EnterprisesPage.vue'),
      meta: {
        title: 'menu.enterprises',
        permission: 'organisation:enterprise:view',
        menu: { group: 'organisation', icon: Shop, testId: 'menu-enterprises', order: 20 },
      },
    },
  ],
}

export default routes
