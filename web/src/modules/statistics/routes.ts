import { DataBoard, Histogram } from '@element-plus/icons-vue'
import type { ModuleRoutes } from '@/app/router'

// 统计分析: the leaders' dashboard, its wall display and the coverage and capacity report (ADR 0013).
const routes: ModuleRoutes = {
  layout: [
    {
      path: '/statistics/dashboard',
      name: 'statistics-dashboard',
      component: () => import('./DashboardPage.vue'),
      meta: {
        title: 'statistics.menuDashboard',
        permission: 'statistics:dashboard:view',
        menu: { group: 'statistics', icon: DataBoard, testId: 'menu-stat-dashboard', order: 10 },
      },
    },
    {
      path: '/statistics/coverage-capacity',
      name: 'statistics-coverage-capacity',
      component: () => import('./CoverageCapacityPage.vue'),
      meta: {
        title: 'statistics.menuCoverageCapacity',
        permission: 'statistics:dashboard:view',
        menu: {
          group: 'statistics',
          icon: Histogram,
          testId: 'menu-stat-coverage-capacity',
          order: 30,
        },
      },
    },
  ],
  // The wall display fills the screen without the menu; still behind sign-in and the permission.
  standalone: [
    {
      path: '/statistics/wall',
      name: 'statistics-wall',
      component: () => import('./WallPage.vue'),
      meta: { title: 'statistics.menuWall', permission: 'statistics:dashboard:view' },
    },
  ],
}

export default routes
