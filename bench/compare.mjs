// Compare builds of the CLI on one corpus: the benchmark job (`build --update --check`, plus any extra
// arguments) run by each, interleaved round by round (the order reversed every other round), each run on
// a fresh copy of the corpus made beforehand; the copies are deleted at the end (see run.mjs for why).
// Prints the median wall time of each. For an older build, copy its `bin/` and `lib/` somewhere first.
//
//   node bench/compare.mjs <corpus> <rounds> "<extra arguments>" <bin/interlinear.js> <other/bin/interlinear.js>...
//   node bench/compare.mjs statement-500 4 "--jobs 1" /tmp/old/bin/interlinear.js bin/interlinear.js
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {median} from './median.mjs'

const bench = new URL('.', import.meta.url).pathname
const [corpus, roundsArgument, extra = '', ...bins] = process.argv.slice(2)
const rounds = Number(roundsArgument)
if (corpus === undefined || !(rounds > 0) || bins.length === 0) {
  process.stderr.write('usage: node bench/compare.mjs <corpus> <rounds> "<extra arguments>" <bin/interlinear.js>...\n')
  process.exit(2)
}
const pristine = join(bench, 'corpora', `${corpus}.pristine`, 'interlinear')
// A certificate bundle named here would be parsed by every Node.js process: not what is measured.
const env = {...process.env}
delete env.NODE_EXTRA_CA_CERTS
const scratch = mkdtempSync(join(bench, 'corpora', '.compare-'))
const folder = (round, index) => join(scratch, `${round}-${index}`)
try {
  for (let round = 0; round < rounds; round++) for (const index of bins.keys()) execFileSync('cp', ['-r', pristine, folder(round, index)])
  execFileSync('sync')
  const times = bins.map(() => [])
  for (let round = 0; round < rounds; round++) {
    const order = [...bins.keys()]
    if (round % 2 === 1) order.reverse()
    for (const index of order) {
      const started = process.hrtime.bigint()
      const run = spawnSync('node', [resolve(bins[index]), 'build', '--update', '--check', ...extra.split(' ').filter(Boolean)], {cwd: folder(round, index), env, stdio: 'ignore'})
      if (run.status !== 0) throw new Error(`${bins[index]} exited with ${run.status}`)
      times[index].push(Number(process.hrtime.bigint() - started) / 1e6)
    }
  }
  for (const [index, bin] of bins.entries()) process.stdout.write(`${bin}: median ${median(times[index]).toFixed(0)} ms (${times[index].map((time) => time.toFixed(0)).join(', ')})\n`)
} finally {
  rmSync(scratch, {recursive: true, force: true})
}
