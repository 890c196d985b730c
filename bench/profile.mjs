// Where the time goes: run the benchmark job (`build --update --check`) on a fresh copy of a corpus
// under --cpu-prof, with a bundle that keeps function names, and print the functions that take the
// most time, by self time and with their callees, summed over several runs (each on its own fresh copy)
// and given per run. Rebundles minified afterwards. With --scratch DIR, the copies are made in DIR (a RAM
// disk, /dev/shm, leaves the computation alone in the profile). With --args "...", another command
// than the job (`update`, say).
//
//   node bench/profile.mjs [--runs N] [--scratch DIR] [--args "update"] [corpus] [rows]      (default: 1 run, statement-100, 25 rows)
import {execFileSync} from 'node:child_process'
import {cpSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

const bench = new URL('.', import.meta.url).pathname
const repository = join(bench, '..')
const args = process.argv.slice(2)
const option = (flag, fallback) => (args.includes(flag) ? args.splice(args.indexOf(flag), 2)[1] : fallback)
const runs = Number(option('--runs', '1'))
const command = option('--args', 'build --update --check --jobs 1').split(' ').filter(Boolean)
const work = mkdtempSync(join(option('--scratch', tmpdir()), 'interlinear-profile-'))
const [name = 'statement-100', rowsArgument = '25'] = args
const rows = Number(rowsArgument)
const folders = Array.from({length: runs}, (_, run) => join(work, `project-${run}`))
for (const folder of folders) cpSync(join(bench, 'corpora', `${name}.pristine`, 'interlinear'), folder, {recursive: true})
const bundle = (profile) => execFileSync('node', [join(repository, 'scripts/bundle.mjs')], {env: {...process.env, PROFILE: profile ? '1' : ''}, stdio: 'inherit'})
bundle(true)
let modules
try {
  // The unminified bundle marks where each source file starts: self time is summed by file too.
  const starts = [...readFileSync(join(repository, 'lib/interlinear.js'), 'utf8').split('\n').entries()].filter(([, line]) => /^\/\/ (?:scripts|node_modules)\//.test(line))
  modules = starts.map(([index, line]) => ({line: index + 1, name: line.slice(3).replace(/^node_modules\/((?:@[^/]+\/)?[^/]+)\/.*/, '$1')}))
  for (const folder of folders) execFileSync('node', ['--cpu-prof', `--cpu-prof-dir=${work}`, join(repository, 'bin/interlinear.js'), ...command], {cwd: folder, stdio: 'ignore'})
} finally {
  bundle(false)
}
const profiles = readdirSync(work).filter((file) => file.endsWith('.cpuprofile')).map((file) => JSON.parse(readFileSync(join(work, file), 'utf8')))
rmSync(work, {recursive: true, force: true})

const label = ({callFrame: frame}) => `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-1)[0]}:${frame.lineNumber + 1}`
const self = new Map()
const inclusive = new Map()
const byModule = new Map()
/** The source file (or package) of a frame: the last start at or before its line in the bundle. */
const moduleOf = ({callFrame: frame}) => {
  if (!frame.url.endsWith('lib/interlinear.js')) return frame.url === '' ? frame.functionName : frame.url.split('/').slice(-1)[0].replace(/:.*/, '') || frame.url
  let low = 0
  let high = modules.length - 1
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if (modules[middle].line <= frame.lineNumber + 1) low = middle
    else high = middle - 1
  }
  return modules[low]?.name ?? 'bundle'
}
// Top-down: the runs' call trees merged, a node per path of labels from the root.
const root = {label: '(root)', time: 0, children: new Map()}
let total = 0
for (const profile of profiles) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
  const parents = new Map(profile.nodes.flatMap((node) => (node.children ?? []).map((child) => [child, node.id])))
  for (const [index, id] of profile.samples.entries()) {
    const time = profile.timeDeltas[index] ?? 0
    total += time
    const stack = []
    for (let node = id; node !== undefined; node = parents.get(node)) stack.push(label(nodes.get(node)))
    self.set(stack[0], (self.get(stack[0]) ?? 0) + time)
    const file = moduleOf(nodes.get(id))
    byModule.set(file, (byModule.get(file) ?? 0) + time)
    // Each function once per sample, however deep its recursion.
    for (const key of new Set(stack)) inclusive.set(key, (inclusive.get(key) ?? 0) + time)
    let branch = root
    branch.time += time
    for (const key of stack.reverse().slice(1)) {
      if (!branch.children.has(key)) branch.children.set(key, {label: key, time: 0, children: new Map()})
      branch = branch.children.get(key)
      branch.time += time
    }
  }
}
const perRun = (time) => (time / 1000 / runs).toFixed(0)
const table = (title, times) => [
  `| ${title} | ms a run | share |`,
  '| --- | ---: | ---: |',
  ...[...times].sort((a, b) => b[1] - a[1]).slice(0, rows).map(([key, time]) => `| \`${key}\` | ${perRun(time)} | ${((100 * time) / total).toFixed(1)}% |`)
]
// Each call path's time with callees, down to paths that take 1.5% or more.
const tree = []
const walk = (node, depth) => {
  if (depth > 0) tree.push(`${'  '.repeat(depth - 1)}${((100 * node.time) / total).toFixed(1).padStart(5)}%  ${node.label}`)
  for (const child of [...node.children.values()].sort((a, b) => b.time - a.time)) if (child.time >= total * 0.015) walk(child, depth + 1)
}
walk(root, 0)
process.stdout.write(`Profile of \`${command.join(" ")}\` on ${name}: ${perRun(total)} ms sampled a run, ${runs} run${runs === 1 ? '' : 's'}.\n\n${table('self time', self).join('\n')}\n\n${table('self time by file', byModule).join('\n')}\n\n${table('with callees', inclusive).join('\n')}\n\nTop-down (1.5% or more):\n\n\`\`\`\n${tree.join('\n')}\n\`\`\`\n`)
