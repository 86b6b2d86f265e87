import { Calendar } from '@element-plus/icons-vue'
import type { ModuleRoutes } from '@/app/router'

// 规则与日历: the deadline rule set in force, its versions, and the working-day calendar.
const routes: ModuleRoutes = {
  layout: [
    {
      path: '/rules',
      name: 'rules',
      component: () => import('./RulesPage.vue'),
      meta: {
        title: 'menu.rules',
        permission: 'rules:ruleset:view',
        menu: { icon: Calendar, testId: 'menu-rules', order: 300 },
      },
    },
  ],
}

export default routes
