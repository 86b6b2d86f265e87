import { Notebook } from '@element-plus/icons-vue'
import type { ModuleRoutes } from '@/app/router'

// 统计年报 (the annual statistical report, W11), ADR 0013.
const routes: ModuleRoutes = {
  layout: [
    {
      path: '/statistics/annual-reports',
      name: 'annual-reports',
      component: () => import('./AnnualReportListPage.vue'),
      meta: {
        title: 'annualReports.menu.list',
        permission: 'statistics:annual:view',
        menu: { group: 'statistics', icon: Notebook, testId: 'menu-annual-reports', order: 50 },
      },
    },
    {
      path: '/statistics/annual-reports/:id(\\d+)',
      name: 'annual-report-form',
      component: () => import('./AnnualReportFormPage.vue'),
      props: (route) => ({ id: Number(route.params.id) }),
      meta: { title: 'annualReports.menu.list', permission: 'statistics:annual:view' },
    },
  ],
}

export default routes
