import { existsSync, readdirSync } from 'node:fs'
import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { defineConfig } from 'vitest/config'

// Dev server only: Vite's scanner cannot see the style imports unplugin-vue-components adds, so
// without this list every newly visited page triggers "optimized dependencies changed. reloading".
const elementComponents = 'node_modules/element-plus/es/components'
const elementStyles = existsSync(elementComponents)
  ? readdirSync(elementComponents)
      .filter((name) => existsSync(`${elementComponents}/${name}/style/css.mjs`))
      .map((name) => `element-plus/es/components/${name}/style/css`)
  : []

// The C++ server serves dist/ as plain files: relative base + hash history means no SPA
// fallback rule is needed and dist/ can be mounted under any prefix.
export default defineConfig({
  base: './',
  plugins: [
    vue(),
    // Registers Element Plus components used in templates and imports only their CSS.
    // Our own components are imported explicitly (dirs: []).
    Components({
      dirs: [],
      dts: 'src/components.d.ts',
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
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
      output: {
        // Explicit vendor groups; rolldown's automatic names are misleading. Element Plus is
        // deliberately not grouped so table/form code stays in the routes that use it.
        codeSplitting: {
          groups: [
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
    server: { deps: { inline: ['element-plus'] } },
    css: false,
    // Mounting Element Plus pages takes seconds on a loaded 2-core CI machine; the 5 s default made a
    // correct test fail under load. These are limits against hangs, not speed checks.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
