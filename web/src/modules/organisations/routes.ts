import { DataAnalysis, Location, Share, Shop } from '@element-plus/icons-vue'
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
      // Initial filters from links such as 建会覆盖分析's 查看未建会企业.
      props: (route) => ({
        organisationId: Number(route.query.organisationId) || undefined,
        organisationName:
          typeof route.query.organisationName === 'string' ? route.query.organisationName : '',
        coverageType: typeof route.query.coverageType === 'string' ? route.query.coverageType : '',
        status: typeof route.query.status === 'string' ? route.query.status : '',
      }),
      meta: {
        title: 'menu.enterprises',
        permission: 'organisation:enterprise:view',
        menu: { group: 'organisation', icon: Shop, testId: 'menu-enterprises', order: 20 },
      },
    },
    {
      path: '/organisations/coverage-gaps',
      name: 'coverage-gaps',
      component: () => import('./CoverageGapsPage.vue'),
      meta: {
        title: 'menu.coverageGaps',
        permission: 'organisation:enterprise:view',
        menu: {
          group: 'organisation',
          icon: DataAnalysis,
          testId: 'menu-coverage-gaps',
          order: 30,
        },
      },
    },
    {
      path: '/organisations/uncovered',
      name: 'uncovered-townships',
      component: () => import('./UncoveredTownshipsPage.vue'),
      meta: {
        title: 'menu.uncovered',
        permission: 'organisation:enterprise:view',
        menu: { group: 'organisation', icon: Location, testId: 'menu-uncovered', order: 35 },
      },
    },
  ],
}

export default routes
