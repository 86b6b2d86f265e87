import { Bell, Tickets } from '@element-plus/icons-vue'
import type { ModuleRoutes } from '@/app/router'

// The signed-in user's own inbox: 我的待办 and 消息中心, top-level entries every user sees (no key).
const routes: ModuleRoutes = {
  layout: [
    {
      path: '/inbox/todos',
      name: 'inbox-todos',
      component: () => import('./TodosPage.vue'),
      meta: {
        title: 'inbox.menuTodos',
        menu: { icon: Tickets, testId: 'menu-todos', order: 10 },
      },
    },
    {
      path: '/inbox/notifications',
      name: 'inbox-notifications',
      component: () => import('./NotificationsPage.vue'),
      meta: {
        title: 'inbox.menuNotifications',
        menu: { icon: Bell, testId: 'menu-notifications', order: 20 },
      },
    },
  ],
}

export default routes
