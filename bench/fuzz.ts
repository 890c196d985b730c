/**
 * The long fuzz run: every property of tests/fuzz/properties.ts, many more cases than CI runs.
 * `npm run fuzz` (10,000 cases each), or `npm run fuzz -- 100000 [seed]`. Exit code 1 on a
 * counterexample, printed with its seed and path so `fc.assert(…, {seed, path})` replays it.
 */
import fc from 'fast-check'
import {properties} from '../tests/fuzz/properties.js'

const numRuns = Number(process.argv[2] ?? 10_000)
const seed = process.argv[3] === undefined ? Date.now() : Number(process.argv[3])
let failed = false
for (const [name, property] of Object.entries(properties)) {
  const started = performance.now()
  const details = await fc.check(property, {numRuns, seed})
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  if (details.failed) {
    failed = true
    console.log(`✗ ${name}: ${fc.defaultReportMessage(details)}`)
  } else {
    console.log(`✓ ${name}: ${details.numRuns} cases (${details.numSkips} skipped) in ${seconds} s, seed ${seed}`)
  }
}
process.exitCode = failed ? 1 : 0
