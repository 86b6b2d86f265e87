// The worker's page (report.html): Vue 3 + Vant, phone first, no account (ADR 0012).
import { createApp } from 'vue'
import App from './App.vue'
import './report.css'

createApp(App).mount('#app')
