// Run the benchmark: the same job for Interlinear, po4a and Translate Toolkit on every generated corpus,
// several runs each with hyperfine (median wall time), and peak RSS from /usr/bin/time -v.
//
//   npx tsx bench/generate-corpora.ts && node bench/run.mjs [--runs N] [name...]
//
// Prints a Markdown table and writes bench/results.json.
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {cpus, totalmem} from 'node:os'
import {join} from 'node:path'

const bench = new URL('.', import.meta.url).pathname
const corpora = join(bench, 'corpora')
const cli = join(bench, '..', 'bin/interlinear.js')
const args = process.argv.slice(2)
const runsIndex = args.indexOf('--runs')
const runs = runsIndex === -1 ? 5 : Number(args.splice(runsIndex, 2)[1])
const names = args.length > 0 ? args : ['statement-1', 'statement-10', 'statement-100', 'statement-500', 'big-1mb', 'big-2mb']

const quote = (text) => `'${text.replace(/'/g, `'\\''`)}'`

/** The job of each tool, as a shell command run inside the corpus folder. */
const jobs = {
  interlinear: (folder) => `cd ${quote(folder)} && node ${quote(cli)} update >/dev/null && node ${quote(cli)} check >/dev/null && node ${quote(cli)} build >/dev/null`,
  po4a: (folder) => `cd ${quote(folder)} && po4a --quiet po4a.cfg >/dev/null`,
  ttk: (folder) => `cd ${quote(folder)} && bash job.sh >/dev/null 2>&1`
}

function measure(name, tool) {
  const folder = join(corpora, name, tool)
  const pristine = join(`${join(corpora, name)}.pristine`, tool)
  if (!existsSync(pristine)) return undefined
  const reset = `rm -rf ${quote(folder)} && cp -r ${quote(pristine)} ${quote(folder)}`
  const exported = join(bench, 'corpora', `${name}-${tool}.json`)
  const count = tool === 'ttk' && name === 'statement-100' ? Math.min(runs, 3) : runs
  execFileSync('hyperfine', ['--style', 'none', '--runs', String(count), '--prepare', reset, '--export-json', exported, jobs[tool](folder)], {stdio: ['ignore', 'ignore', 'inherit']})
  const median = JSON.parse(readFileSync(exported, 'utf8')).results[0].median
  execFileSync('bash', ['-c', reset])
  const report = spawnSync('/usr/bin/time', ['-v', 'bash', '-c', jobs[tool](folder)], {encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe']}).stderr
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1] ?? 0) / 1024
  return {median, rss}
}

const results = {}
for (const name of names) {
  results[name] = {}
  for (const tool of Object.keys(jobs)) {
    const result = measure(name, tool)
    if (result) results[name][tool] = result
    if (result) process.stderr.write(`${name} ${tool}: ${result.median.toFixed(3)} s, ${result.rss.toFixed(0)} MB\n`)
  }
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`
const lines = [`Machine: ${machine}; ${runs} runs per cell (3 for Translate Toolkit × 100), medians.`, '', '| corpus | Interlinear | po4a | Translate Toolkit | po4a ÷ Interlinear | TTK ÷ Interlinear | peak RSS (Interlinear / po4a / TTK) |', '| --- | ---: | ---: | ---: | ---: | ---: | --- |']
for (const [name, tools] of Object.entries(results)) {
  const cell = (tool) => (tools[tool] ? `${tools[tool].median.toFixed(3)} s` : '—')
  const ratio = (tool) => (tools[tool] && tools.interlinear ? `${(tools[tool].median / tools.interlinear.median).toFixed(1)}×` : '—')
  const rss = ['interlinear', 'po4a', 'ttk'].map((tool) => (tools[tool] ? `${tools[tool].rss.toFixed(0)} MB` : '—')).join(' / ')
  lines.push(`| ${name} | ${cell('interlinear')} | ${cell('po4a')} | ${cell('ttk')} | ${ratio('po4a')} | ${ratio('ttk')} | ${rss} |`)
}
writeFileSync(join(bench, 'results.json'), `${JSON.stringify({machine, runs, results}, null, 2)}\n`)
process.stdout.write(`${lines.join('\n')}\n`)
