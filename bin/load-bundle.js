// Load the bundled CLI, lib/interlinear.js, as a classic script with V8's code cache beside it: the
// code the cache's workload ran is neither parsed nor compiled again. (Node 20 caches no compiled ES
// modules.) Without a usable cache it is compiled from source: slower, nothing else differs.
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {Script} from 'node:vm'

/** The bundle: a function of `require` and its own URL, made by scripts/bundle.mjs. */
export const bundlePath = fileURLToPath(new URL('../lib/interlinear.js', import.meta.url))
/** Its code cache: the last line of the bundle it was made from (a hash of it), then V8's cached data. */
export const cachePath = fileURLToPath(new URL('../lib/interlinear.code-cache', import.meta.url))

/** Compile the bundle, with its code cache when the cache was made from this bundle. */
export function compileBundle() {
  const source = readFileSync(bundlePath, 'utf8')
  const key = lastLine(source)
  let cachedData
  try {
    const cache = readFileSync(cachePath)
    // V8 checks only the source's length: another bundle of the same length would misuse the cache.
    if (cache.toString('latin1', 0, key.length) === key) cachedData = cache.subarray(key.length)
  } catch {
    // No cache: compiled from source.
  }
  // A cache made by another V8 is rejected by V8 (script.cachedDataRejected), and compiled from source.
  return new Script(source, {filename: bundlePath, cachedData})
}

/** Run the compiled bundle: the CLI on the process's arguments, or a render thread's job. */
export function runBundle(script) {
  script.runInThisContext()(createRequire(bundlePath), pathToFileURL(bundlePath).href)
}

/** What `compileBundle` accepts as the cache of the bundle `source`, given V8's `cachedData`. */
export function cacheFile(source, cachedData) {
  return Buffer.concat([Buffer.from(lastLine(source), 'latin1'), cachedData])
}

/** The last line of `text`, with its line feed. */
function lastLine(text) {
  return text.slice(text.lastIndexOf('\n', text.length - 2) + 1)
}
