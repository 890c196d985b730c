// Where the time goes: run the benchmark job (`build --update --check`) on a fresh copy of a corpus
// under --cpu-prof, with a bundle that keeps function names, and print the functions that take the
// most time, by self time and with their callees. Rebundles minified afterwards.
//
//   node bench/profile.mjs [corpus] [rows]      (default: statement-100, 25 rows)
import {execFileSync} from 'node:child_process'
import {cpSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

const bench = new URL('.', import.meta.url).pathname
const repository = join(bench, '..')
const [name = 'statement-100', rowsArgument = '25'] = process.argv.slice(2)
const rows = Number(rowsArgument)
const work = mkdtempSync(join(tmpdir(), 'interlinear-profile-'))
const folder = join(work, 'project')
cpSync(join(bench, 'corpora', `${name}.pristine`, 'interlinear'), folder, {recursive: true})
const bundle = (profile) => execFileSync('node', [join(repository, 'scripts/bundle.mjs')], {env: {...process.env, PROFILE: profile ? '1' : ''}, stdio: 'inherit'})
bundle(true)
try {
  execFileSync('node', ['--cpu-prof', `--cpu-prof-dir=${work}`, join(repository, 'bin/interlinear.js'), 'build', '--update', '--check', '--jobs', '1'], {cwd: folder, stdio: 'ignore'})
} finally {
  bundle(false)
}
const profile = JSON.parse(readFileSync(join(work, readdirSync(work).find((file) => file.endsWith('.cpuprofile'))), 'utf8'))
rmSync(work, {recursive: true, force: true})

const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
const parents = new Map(profile.nodes.flatMap((node) => (node.children ?? []).map((child) => [child, node.id])))
const label = ({callFrame: frame}) => `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-1)[0]}:${frame.lineNumber + 1}`
const self = new Map()
const inclusive = new Map()
let total = 0
for (const [index, id] of profile.samples.entries()) {
  const time = profile.timeDeltas[index] ?? 0
  total += time
  self.set(label(nodes.get(id)), (self.get(label(nodes.get(id))) ?? 0) + time)
  // Each function once per sample, however deep its recursion.
  const seen = new Set()
  for (let node = id; node !== undefined; node = parents.get(node)) {
    const key = label(nodes.get(node))
    if (!seen.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + time)
    seen.add(key)
  }
}
const table = (title, times) => [
  `| ${title} | ms | share |`,
  '| --- | ---: | ---: |',
  ...[...times].sort((a, b) => b[1] - a[1]).slice(0, rows).map(([key, time]) => `| \`${key}\` | ${(time / 1000).toFixed(0)} | ${((100 * time) / total).toFixed(1)}% |`)
]
// Top-down: each call path's time with callees, down to paths that take 1.5% or more.
const byNode = new Map()
for (const [index, id] of profile.samples.entries()) byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0))
const subtree = (node) => (node.total ??= (byNode.get(node.id) ?? 0) + (node.children ?? []).reduce((sum, child) => sum + subtree(nodes.get(child)), 0))
const tree = []
const walk = (node, depth) => {
  if (depth > 0) tree.push(`${'  '.repeat(depth - 1)}${((100 * subtree(node)) / total).toFixed(1).padStart(5)}%  ${label(node)}`)
  for (const child of (node.children ?? []).map((id) => nodes.get(id)).sort((a, b) => subtree(b) - subtree(a))) if (subtree(child) >= total * 0.015) walk(child, depth + 1)
}
walk(profile.nodes[0], 0)
process.stdout.write(`Profile of \`build --update --check --jobs 1\` on ${name}: ${(total / 1000).toFixed(0)} ms sampled.\n\n${table('self time', self).join('\n')}\n\n${table('with callees', inclusive).join('\n')}\n\nTop-down (1.5% or more):\n\n\`\`\`\n${tree.join('\n')}\n\`\`\`\n`)
