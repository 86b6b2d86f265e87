import { Collection, Document, Key, Lock, User } from '@element-plus/icons-vue'
import type { ModuleRoutes } from '@/app/router'

// 系统管理: users, roles, dictionaries, audit and sign-in logs.
const routes: ModuleRoutes = {
  layout: [
    {
      path: '/system/users',
      name: 'users',
      component: () => import('./UsersPage.vue'),
      meta: {
        title: 'menu.users',
        permission: 'system:user:view',
        menu: { group: 'system', icon: User, testId: 'menu-users', order: 10 },
      },
    },
    {
      path: '/system/roles',
      name: 'roles',
      component: () => import('./RolesPage.vue'),
      meta: {
        title: 'menu.roles',
        permission: 'system:role:view',
        menu: { group: 'system', icon: Lock, testId: 'menu-roles', order: 20 },
      },
    },
    {
      path: '/system/dicts',
      name: 'dicts',
      component: () => import('./DictionariesPage.vue'),
      meta: {
        title: 'menu.dicts',
        permission: 'system:dict:view',
        menu: { group: 'system', icon: Collection, testId: 'menu-dicts', order: 30 },
      },
    },
    {
      path: '/system/audit-logs',
      name: 'audit-logs',
      component: () => import('./AuditLogPage.vue'),
      meta: {
        title: 'menu.audit',
        permission: 'system:audit:view',
        menu: { group: 'system', icon: Document, testId: 'menu-audit', order: 40 },
      },
    },
    {
      path: '/system/login-logs',
      name: 'login-logs',
      component: () => import('./LoginLogPage.vue'),
      meta: {
        title: 'menu.loginLog',
        permission: 'system:loginlog:view',
        menu: { group: 'system', icon: Key, testId: 'menu-login-log', order: 50 },
      },
    },
  ],
}

export default routes
