// Helpers for this module's component tests (only tests import this file).
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'

const Blank = defineComponent({ render: () => h('div') })

/** A memory router with the inbox pages and the entity pages messages point to, as blanks. */
export function testRouter(): Router {
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'home', component: Blank },
      { path: '/inbox/todos', name: 'inbox-todos', component: Blank },
      { path: '/inbox/notifications', name: 'inbox-notifications', component: Blank },
      { path: '/supervision/hazards/:id', component: Blank },
      { path: '/supervision/documents/:id', component: Blank },
      { path: '/supervision/inspections/:id', component: Blank },
    ],
  })
}
