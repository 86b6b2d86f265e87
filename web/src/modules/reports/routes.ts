import { Camera, Postcard } from '@element-plus/icons-vue'
import type { ModuleRoutes } from '@/app/router'

// 职工报告 (worker hazard reports, W3), ADR 0012. The worker's own page is report.html, not a route here.
const routes: ModuleRoutes = {
  layout: [
    {
      path: '/reports',
      name: 'worker-reports',
      component: () => import('./ReportListPage.vue'),
      meta: {
        title: 'reports.menu.list',
        permission: 'reports:report:view',
        menu: { group: 'supervision', icon: Camera, testId: 'menu-worker-reports', order: 50 },
      },
    },
    {
      path: '/reports/entry-points',
      name: 'report-entry-points',
      component: () => import('./EntryPointsPage.vue'),
      meta: {
        title: 'reports.menu.entryPoints',
        permission: 'reports:entry:view',
        menu: {
          group: 'supervision',
          icon: Postcard,
          testId: 'menu-report-entry-points',
          order: 55,
        },
      },
    },
    {
      path: '/reports/:id(\\d+)',
      name: 'worker-report-detail',
      component: () => import('./ReportDetailPage.vue'),
      props: (route) => ({ id: Number(route.params.id) }),
      meta: { title: 'reports.menu.list', permission: 'reports:report:view' },
    },
  ],
}

export default routes
