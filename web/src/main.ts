import { createPinia } from 'pinia'
import { createApp } from 'vue'
// Styles of the Element Plus services called from script code (templates get theirs automatically).
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import App from './app/App.vue'
import { createAppRouter } from './app/router'
import './app/styles.css'
import { useAuthStore } from './modules/auth/store'
import { configureHttp } from './shared/http'
import { i18n } from './shared/i18n'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(i18n)

const router = createAppRouter()
const auth = useAuthStore(pinia)

configureHttp({
  csrfToken: () => auth.csrfToken,
  onUnauthenticated: () => {
    auth.clear()
    const current = router.currentRoute.value
    if (!current.meta.public) {
      void router.replace({ name: 'login', query: { redirect: current.fullPath } })
    }
  },
  onPasswordChangeRequired: () => {
    auth.markPasswordChangeRequired()
    if (router.currentRoute.value.name !== 'change-password') {
      void router.replace({ name: 'change-password' })
    }
  },
})

app.use(router)
app.mount('#app')
