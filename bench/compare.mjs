// Compare builds of the CLI on one corpus: the benchmark job (`build --update --check`, plus any extra
// arguments) run by each, interleaved round by round (the order reversed every other round), each run on
// a fresh copy of the corpus made beforehand; the copies are deleted at the end (see run.mjs for why).
// With --warm, a build with nothing to do instead: each CLI runs the job once on its own copy, and once
// more `build` two seconds later (which records the inputs' stamps, see scripts/io/last-build.ts); then
// `build` (plus any extra arguments) is timed, interleaved likewise, on those copies. With --edit, the
// same, but a word is appended to one translation of the first language before each timed build (as
// run.mjs measures a translator's edit).
// With --scratch DIR, the copies are made in DIR instead of bench/corpora: on a RAM disk (/dev/shm), what
// is compared is the computation, without the disk's moods (on this machine's ext4, which has no journal,
// creating files within minutes of deleting many costs more; see RESULTS.md, session 11).
// Prints the median wall time of each. For an older build, copy its `bin/` and `lib/` somewhere first.
//
//   node bench/compare.mjs [--warm | --edit] [--scratch DIR] <corpus> <rounds> "<extra arguments>" <bin/interlinear.js> <other/bin/interlinear.js>...
//   node bench/compare.mjs statement-500 4 "--jobs 1" /tmp/old/bin/interlinear.js bin/interlinear.js
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {median} from './median.mjs'

const bench = new URL('.', import.meta.url).pathname
const args = process.argv.slice(2)
const scratchIndex = args.indexOf('--scratch')
const scratchParent = scratchIndex === -1 ? join(bench, 'corpora') : resolve(args.splice(scratchIndex, 2)[1] ?? '')
const mode = ['--warm', '--edit'].includes(args[0]) ? args[0] : undefined
const warm = mode !== undefined
const [corpus, roundsArgument, extra = '', ...bins] = warm ? args.slice(1) : args
const rounds = Number(roundsArgument)
if (corpus === undefined || !(rounds > 0) || bins.length === 0) {
  process.stderr.write('usage: node bench/compare.mjs [--warm | --edit] [--scratch DIR] <corpus> <rounds> "<extra arguments>" <bin/interlinear.js>...\n')
  process.exit(2)
}
const pristine = join(bench, 'corpora', `${corpus}.pristine`, 'interlinear')
// A certificate bundle named here would be parsed by every Node.js process: not what is measured.
const env = {...process.env}
delete env.NODE_EXTRA_CA_CERTS
const scratch = mkdtempSync(join(scratchParent, '.compare-'))
// A warm build reuses one copy per CLI; the job needs a fresh one every round.
const folder = (round, index) => join(scratch, `${warm ? 0 : round}-${index}`)
const job = ['build', '--update', '--check']
const timed = [...(warm ? ['build'] : job), ...extra.split(' ').filter(Boolean)]
const run = (index, round, command) => {
  const started = process.hrtime.bigint()
  const result = spawnSync('node', [resolve(bins[index]), ...command], {cwd: folder(round, index), env, stdio: 'ignore'})
  if (result.status !== 0) throw new Error(`${bins[index]} exited with ${result.status}`)
  return Number(process.hrtime.bigint() - started) / 1e6
}
/** Append a word to the first translation of the first language's first segment file (see run.mjs). */
function appendWord(project) {
  const translations = join(project, 'translations')
  const language = readdirSync(translations).sort()[0]
  const file = join(translations, language, readdirSync(join(translations, language)).find((entry) => entry.endsWith('.md')))
  writeFileSync(file, readFileSync(file, 'utf8').replace(/(<!-- segment [^\n]*-->\n>[^\n]*\n\n[^\n]+)/, '$1 x'))
}

try {
  for (let round = 0; round < (warm ? 1 : rounds); round++) for (const index of bins.keys()) execFileSync('cp', ['-r', pristine, folder(round, index)])
  execFileSync('sync')
  if (warm) {
    for (const index of bins.keys()) run(index, 0, job)
    execFileSync('sleep', ['2.5'])
    for (const index of bins.keys()) run(index, 0, timed)
  }
  const times = bins.map(() => [])
  for (let round = 0; round < rounds; round++) {
    const order = [...bins.keys()]
    if (round % 2 === 1) order.reverse()
    for (const index of order) {
      if (mode === '--edit') appendWord(folder(round, index))
      times[index].push(run(index, round, timed))
    }
  }
  for (const [index, bin] of bins.entries()) process.stdout.write(`${bin}: median ${median(times[index]).toFixed(0)} ms (${times[index].map((time) => time.toFixed(0)).join(', ')})\n`)
} finally {
  rmSync(scratch, {recursive: true, force: true})
}
