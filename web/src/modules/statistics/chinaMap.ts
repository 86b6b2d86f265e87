// Registers the China province map with ECharts once, from the JSON made by scripts/gen-china-map.mjs (its own
// lazily loaded chunk of about 60 KB). The name 'china' makes ECharts add the South China Sea inset.
import { registerMap } from 'echarts/core'

let loading: Promise<void> | null = null

export function loadChinaMap(): Promise<void> {
  loading ??= import('@/assets/maps/china.json').then(
    (module) => {
      registerMap('china', module.default as unknown as Parameters<typeof registerMap>[1])
    },
    (err: unknown) => {
      loading = null
      throw err
    },
  )
  return loading
}
