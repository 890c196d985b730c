// Make lib/interlinear.code-cache (run by scripts/bundle.mjs, in a process of its own): run the
// bundle on typical commands in a copy of the repository's project, then save V8's code for
// everything that ran, the functions compiled on first call included.
//
//   node scripts/make-code-cache.mjs
import {cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {bundlePath, cacheFile, cachePath, compileBundle, runBundle} from '../bin/load-bundle.js'

const repository = new URL('..', import.meta.url).pathname
// The benchmark's job first; a build with nothing to do, a check and the status; help.
const workloads = [['build', '--update', '--check', '--jobs', '1'], ['build'], ['check'], ['status'], ['--help']]

const project = mkdtempSync(join(tmpdir(), 'interlinear-code-cache-'))
process.on('exit', () => rmSync(project, {recursive: true, force: true}))
for (const folder of ['source', 'translations']) cpSync(join(repository, folder), join(project, folder), {recursive: true})
process.chdir(project)
// An old cache would be loaded, and all its functions saved again as if they had run.
rmSync(cachePath, {force: true})
const script = compileBundle()

// A command's run ends when the event loop has nothing left to do: then the next one starts.
process.on('beforeExit', () => {
  // 1 is a check that found problems in the project's translations: the code still ran.
  if ((process.exitCode ?? 0) > 1) throw new Error(`interlinear ${process.argv.slice(2).join(' ')} exited with ${process.exitCode}`)
  process.exitCode = 0
  const next = workloads.shift()
  if (next !== undefined) return run(next)
  const temporary = `${cachePath}.${process.pid}.tmp`
  writeFileSync(temporary, cacheFile(readFileSync(bundlePath, 'latin1'), script.createCachedData()))
  renameSync(temporary, cachePath)
})

/** Run the bundle as `interlinear ...args` would. */
function run(args) {
  process.argv = [process.argv[0], bundlePath, ...args]
  runBundle(script)
  // Work on promises alone keeps no event loop alive: this makes sure 'beforeExit' comes again.
  setImmediate(() => {})
}
