// Run the benchmark: the same job for Interlinear, po4a and Translate Toolkit on every generated corpus,
// several runs each with hyperfine, in rounds of one run of every tool (median wall time), with the bare
// remark-parse + remark-gfm yardstick (and remark-parse alone) in the rounds of the big documents, and peak RSS from
// /usr/bin/time -v; then Interlinear's warm rebuilds (nothing changed; one segment of one language edited).
// Before and after, what the machine gives (bench/machine.mjs): start-up, threads, file creation.
//
//   npx tsx bench/generate-corpora.ts && node bench/run.mjs [--runs N] [name...]
//
// Prints Markdown tables and writes bench/results.json.
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {cpus, totalmem} from 'node:os'
import {join} from 'node:path'
import {probeMachine} from './machine.mjs'
import {median} from './median.mjs'

const bench = new URL('.', import.meta.url).pathname
const corpora = join(bench, 'corpora')
const cli = join(bench, '..', 'bin/interlinear.js')
const args = process.argv.slice(2)
const runsIndex = args.indexOf('--runs')
const runs = runsIndex === -1 ? 5 : Number(args.splice(runsIndex, 2)[1])
const names = args.length > 0 ? args : ['statement-1', 'statement-10', 'statement-100', 'statement-500', '10kb-100', 'big-1mb', 'big-2mb']

const quote = (text) => `'${text.replace(/'/g, `'\\''`)}'`
const interlinear = (folder, command) => `cd ${quote(folder)} && node ${quote(cli)} ${command} >/dev/null`

/** The job of each tool, as a shell command run inside the corpus folder. */
const jobs = {
  // update + check + build in one process (`build --update --check`, equal to the three commands byte for byte).
  interlinear: (folder) => interlinear(folder, 'build --update --check'),
  // The same on one thread (the default starts worker threads when there are enough pages).
  'interlinear-1t': (folder) => interlinear(folder, 'build --update --check --jobs 1'),
  // The same job as three commands, three processes.
  'interlinear-3': (folder) => `${interlinear(folder, 'update')} && node ${quote(cli)} check >/dev/null && node ${quote(cli)} build >/dev/null`,
  po4a: (folder) => `cd ${quote(folder)} && po4a --quiet po4a.cfg >/dev/null`,
  ttk: (folder) => `cd ${quote(folder)} && bash job.sh >/dev/null 2>&1`
}

function hyperfine(command, count, name, prepare) {
  const exported = join(corpora, `${name}.json`)
  execFileSync('hyperfine', ['--style', 'none', '--runs', String(count), ...(prepare ? ['--prepare', prepare] : []), '--export-json', exported, command], {stdio: ['ignore', 'ignore', 'inherit']})
  return JSON.parse(readFileSync(exported, 'utf8')).results[0].median
}

function peakRss(command) {
  const report = spawnSync('/usr/bin/time', ['-v', 'bash', '-c', command], {encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe']}).stderr
  return Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1] ?? 0) / 1024
}

// Every timed run gets a fresh copy of its corpus, and the copies are deleted only when the benchmark is
// done: on ext4, creating files within minutes of deleting thousands makes the kernel search past the
// recently deleted inodes (`recently_deleted` in a kernel profile), which the tool that writes the most
// files pays most for (500 languages: 3.3 s after `rm -rf` of the last run's copy, 1.6 s on a fresh disk).
const scratch = mkdtempSync(join(corpora, '.runs-'))
let copies = 0

/** A fresh copy of a tool's pristine corpus, or undefined where the tool has none. */
function freshCopy(name, tool) {
  const pristine = join(`${join(corpora, name)}.pristine`, tool.startsWith('interlinear') ? 'interlinear' : tool)
  if (!existsSync(pristine)) return undefined
  const folder = join(scratch, `${name}-${tool}-${copies++}`)
  // Flushed before the run: the copy's writeback is not the run's.
  execFileSync('bash', ['-c', `cp -r ${quote(pristine)} ${quote(folder)} && sync`])
  return folder
}

/**
 * Every tool's job on a corpus (and, for the big documents, the bare remark yardstick), in rounds: one
 * run of each per round, the order rotated every round, so that a machine that speeds up or slows down
 * during the benchmark (this one does, by tens of percent within minutes) weighs on every tool alike.
 */
function measureCorpus(name) {
  const tools = Object.keys(jobs).filter((tool) => existsSync(join(`${join(corpora, name)}.pristine`, tool.startsWith('interlinear') ? 'interlinear' : tool)))
  const commands = tools.map((tool) => ({tool, command: (folder) => jobs[tool](folder)}))
  if (name.startsWith('big-')) {
    const source = join(`${join(corpora, name)}.pristine`, 'interlinear', 'source', 'doc.md')
    commands.push({tool: 'remark', command: () => `node ${quote(join(bench, 'remark-baseline.mjs'))} ${quote(source)}`})
    commands.push({tool: 'remark-commonmark', command: () => `node ${quote(join(bench, 'remark-baseline.mjs'))} --commonmark ${quote(source)}`})
  }
  const run = (tool, command) => command(tools.includes(tool) ? freshCopy(name, tool) : undefined)
  const times = Object.fromEntries(commands.map(({tool}) => [tool, []]))
  for (let round = 0; round < runs; round++) {
    for (const [index] of commands.entries()) {
      const {tool, command} = commands[(index + round) % commands.length]
      // Translate Toolkit takes half a minute a run on 100 languages: three runs.
      if (tool === 'ttk' && name.endsWith('-100') && times.ttk.length >= 3) continue
      times[tool].push(hyperfine(run(tool, command), 1, `${name}-${tool}`))
    }
  }
  const results = {}
  for (const {tool, command} of commands) {
    results[tool] = tool.startsWith('remark') ? median(times[tool]) : {median: median(times[tool]), rss: peakRss(run(tool, command))}
  }
  return results
}

/** Warm rebuilds after the job: nothing changed, and one segment of one language edited before each run. */
function measureWarm(name) {
  const folder = freshCopy(name, 'interlinear')
  execFileSync('bash', ['-c', jobs.interlinear(folder)])
  const build = interlinear(folder, 'build')
  // Right after the job, the segment files it updated are read again: they changed too recently for their
  // stamps to be trusted (see scripts/io/last-build.ts). A build two seconds later records their stamps.
  const first = hyperfine(build, 1, `${name}-warm-first`)
  execFileSync('sleep', ['2.5'])
  execFileSync('bash', ['-c', build])
  const unchanged = hyperfine(build, runs, `${name}-warm`)
  const language = readdirSync(join(folder, 'translations')).sort()[0]
  const file = join(folder, 'translations', language, readdirSync(join(folder, 'translations', language)).find((entry) => entry.endsWith('.md')))
  // Each run appends a word to the first translation of the file: a real change every time.
  const edit = `perl -0pi -e 's/(<!-- segment [^\\n]*-->\\n>[^\\n]*\\n\\n[^\\n]+)/$1 x/' ${quote(file)}`
  const edited = hyperfine(build, runs, `${name}-edit`, edit)
  return {first, unchanged, edited, rss: peakRss(build)}
}

// Before the corpora, and again after them: the machine can change within the run.
const probes = [await probeMachine()]
const results = {}
for (const name of names) {
  results[name] = measureCorpus(name)
  for (const [tool, result] of Object.entries(results[name])) {
    process.stderr.write(tool.startsWith('remark') ? `${name} ${tool}: ${result.toFixed(3)} s\n` : `${name} ${tool}: ${result.median.toFixed(3)} s, ${result.rss.toFixed(0)} MB\n`)
  }
  results[name].warm = measureWarm(name)
  process.stderr.write(`${name} warm: ${results[name].warm.first.toFixed(3)} s right after the job, ${results[name].warm.unchanged.toFixed(3)} s unchanged, ${results[name].warm.edited.toFixed(3)} s after one edit\n`)
}

probes.push(await probeMachine())
rmSync(scratch, {recursive: true, force: true})

const seconds = (value) => (value === undefined ? '—' : `${value.toFixed(3)} s`)
const ratio = (a, b) => (a === undefined || b === undefined ? '—' : `${(a / b).toFixed(1)}×`)
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`
const lines = [
  `Machine: ${machine}; ${runs} runs per cell (3 for Translate Toolkit × 100), medians.`,
  '',
  `Before the run: ${probes[0]}.`,
  '',
  `After the run: ${probes[1]}.`,
  '',
  '| corpus | Interlinear (1 process) | Interlinear (1 thread) | Interlinear (3 commands) | po4a | Translate Toolkit | po4a ÷ Interlinear | TTK ÷ Interlinear | peak RSS (Interlinear / po4a / TTK) |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |'
]
for (const [name, tools] of Object.entries(results)) {
  const rss = ['interlinear', 'po4a', 'ttk'].map((tool) => (tools[tool] ? `${tools[tool].rss.toFixed(0)} MB` : '—')).join(' / ')
  lines.push(`| ${name} | ${seconds(tools.interlinear?.median)} | ${seconds(tools['interlinear-1t']?.median)} | ${seconds(tools['interlinear-3']?.median)} | ${seconds(tools.po4a?.median)} | ${seconds(tools.ttk?.median)} | ${ratio(tools.po4a?.median, tools.interlinear?.median)} | ${ratio(tools.ttk?.median, tools.interlinear?.median)} | ${rss} |`)
}
lines.push('', '| corpus | cold job | warm build right after the job | warm build, nothing changed | cold ÷ warm | warm build, one segment edited | peak RSS (warm) | bare remark-parse + gfm | job ÷ remark | remark-parse alone | job ÷ remark-parse alone |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const [name, tools] of Object.entries(results)) {
  const cold = tools.interlinear?.median
  lines.push(`| ${name} | ${seconds(cold)} | ${seconds(tools.warm.first)} | ${seconds(tools.warm.unchanged)} | ${ratio(cold, tools.warm.unchanged)} | ${seconds(tools.warm.edited)} | ${tools.warm.rss.toFixed(0)} MB | ${seconds(tools.remark)} | ${ratio(cold, tools.remark)} | ${seconds(tools['remark-commonmark'])} | ${ratio(cold, tools['remark-commonmark'])} |`)
}
writeFileSync(join(bench, 'results.json'), `${JSON.stringify({machine, probes, runs, results}, null, 2)}\n`)
process.stdout.write(`${lines.join('\n')}\n`)
