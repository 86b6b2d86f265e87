// First-load size of a built page: the HTML plus every ./assets file it references (entry script,
// modulepreloads, stylesheets), each gzip -9. Usage: node scripts/page-size.mjs [dist] [page.html] [limitKB]
// Exits 1 when a limit is given and the gzip total is above it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { constants, gzipSync } from 'node:zlib'

const [dist = 'dist', page = 'report.html', limit] = process.argv.slice(2)
const html = readFileSync(join(dist, page))
const files = [...html.toString().matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1])
const gz = (data) => gzipSync(data, { level: constants.Z_BEST_COMPRESSION }).length
const kb = (n) => `${(n / 1024).toFixed(1)} KB`
let raw = html.length
let zipped = gz(html)
console.log(`${page.padEnd(60)} ${kb(html.length).padStart(10)} ${kb(gz(html)).padStart(10)}`)
for (const file of new Set(files)) {
  const data = readFileSync(join(dist, file))
  raw += data.length
  zipped += gz(data)
  console.log(`${file.padEnd(60)} ${kb(data.length).padStart(10)} ${kb(gz(data)).padStart(10)}`)
}
console.log(`${'first load'.padEnd(60)} ${kb(raw).padStart(10)} ${kb(zipped).padStart(10)} gzip`)
if (limit && zipped > Number(limit) * 1024) {
  console.error(`${page}: ${kb(zipped)} gzip is over the ${limit} KB budget`)
  process.exit(1)
}
