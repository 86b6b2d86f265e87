import type { ModuleRoutes } from '@/app/router'

const routes: ModuleRoutes = {
  standalone: [
    {
      // The enterprise's reply to a union document, opened from the link the union sends: no account, no
      // admin layout, phone first.
      path: '/reply/:token',
      name: 'document-reply',
      component: () => import('./ReplyPage.vue'),
      meta: { title: 'reply.title', public: true, anonymous: true },
    },
  ],
}

export default routes
