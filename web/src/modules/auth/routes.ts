import type { ModuleRoutes } from '@/app/router'

const routes: ModuleRoutes = {
  standalone: [
    {
      path: '/login',
      name: 'login',
      component: () => import('./LoginPage.vue'),
      meta: { title: 'auth.login.title', public: true },
    },
    {
      path: '/change-password',
      name: 'change-password',
      component: () => import('./ChangePasswordPage.vue'),
      meta: { title: 'auth.changePassword.title' },
    },
  ],
}

export default routes
