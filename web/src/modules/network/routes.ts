import { Coin, Medal, Stamp, UserFilled } from '@element-plus/icons-vue'
import type { ModuleRoutes } from '@/app/router'

// 监督网络: the three-tier supervision network (committees, inspectors, volunteers) and staffing.
const routes: ModuleRoutes = {
  layout: [
    {
      path: '/network/committees',
      name: 'lp-committees',
      component: () => import('./CommitteesPage.vue'),
      meta: {
        title: 'menu.committees',
        permission: 'organisation:network:view',
        menu: { group: 'network', icon: Stamp, testId: 'menu-lp-committees', order: 10 },
      },
    },
    {
      path: '/network/inspectors',
      name: 'lp-inspectors',
      component: () => import('./InspectorsPage.vue'),
      meta: {
        title: 'menu.inspectors',
        permission: 'organisation:network:view',
        menu: { group: 'network', icon: Medal, testId: 'menu-lp-inspectors', order: 20 },
      },
    },
    {
      path: '/network/volunteers',
      name: 'lp-volunteers',
      component: () => import('./VolunteersPage.vue'),
      meta: {
        title: 'menu.volunteers',
        permission: 'organisation:network:view',
        menu: { group: 'network', icon: UserFilled, testId: 'menu-lp-volunteers', order: 30 },
      },
    },
    {
      path: '/network/staffing',
      name: 'lp-staffing',
      component: () => import('./StaffingPage.vue'),
      meta: {
        title: 'menu.staffing',
        permission: 'organisation:network:view',
        menu: { group: 'network', icon: Coin, testId: 'menu-lp-staffing', order: 40 },
      },
    },
  ],
}

export default routes
