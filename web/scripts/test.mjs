// Runs vitest, then prints the plain closing line CI reads: "N passed, N failed".
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'

const out = 'test-results/vitest.json'
mkdirSync('test-results', { recursive: true })
const run = spawnSync(
  process.execPath,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${out}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
)
let passed = 0
let failed = 0
try {
  const report = JSON.parse(readFileSync(out, 'utf8'))
  passed = report.numPassedTests
  failed = report.numFailedTests
} catch (err) {
  console.error(`could not read ${out}: ${err.message}`)
  failed = Math.max(failed, 1)
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(run.status === 0 && failed === 0 && passed > 0 ? 0 : 1)
