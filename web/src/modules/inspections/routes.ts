import { Finished, Notebook } from '@element-plus/icons-vue'
import type { ModuleRoutes } from '@/app/router'

// 监督检查: checklist templates (检查表库), inspections (W1) and the on-site record page (phone).
const routes: ModuleRoutes = {
  layout: [
    {
      path: '/supervision/checklists',
      name: 'checklists',
      component: () => import('./ChecklistsPage.vue'),
      meta: {
        title: 'inspections.menu.checklists',
        permission: 'supervision:checklist:view',
        menu: { group: 'supervision', icon: Notebook, testId: 'menu-checklists', order: 10 },
      },
    },
    {
      path: '/supervision/inspections',
      name: 'inspections',
      component: () => import('./InspectionsPage.vue'),
      meta: {
        title: 'inspections.menu.inspections',
        permission: 'supervision:inspection:view',
        menu: { group: 'supervision', icon: Finished, testId: 'menu-inspections', order: 20 },
      },
    },
    {
      path: '/supervision/inspections/:id',
      name: 'inspection-record',
      component: () => import('./InspectionRecordPage.vue'),
      props: (route) => ({ id: Number(route.params.id) }),
      meta: { title: 'inspections.menu.record', permission: 'supervision:inspection:view' },
    },
  ],
}

export default routes
