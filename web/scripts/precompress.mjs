// Writes NAME.gz next to every compressible file in DIST/assets (default dist/) so the server
// can send precompressed files. Usage: node scripts/precompress.mjs [dist]
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { constants, gzipSync } from 'node:zlib'

const dir = join(process.argv[2] ?? 'dist', 'assets')
const compressible = /\.(js|mjs|css|html|json|svg|txt|map)$/
let count = 0
let before = 0
let after = 0
for (const name of readdirSync(dir)) {
  const file = join(dir, name)
  if (!statSync(file).isFile() || !compressible.test(name)) continue
  const data = readFileSync(file)
  const gz = gzipSync(data, { level: constants.Z_BEST_COMPRESSION })
  writeFileSync(`${file}.gz`, gz)
  count += 1
  before += data.length
  after += gz.length
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`
console.log(`precompressed ${count} files in ${dir}: ${kb(before)} -> ${kb(after)}`)
