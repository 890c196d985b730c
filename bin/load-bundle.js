'use strict'
// Load the bundled CLI, lib/interlinear.js, as a classic script with V8's code cache beside it: the
// code the cache's workload ran is neither parsed nor compiled again. (Node 20 caches no compiled ES
// modules.) Without a usable cache it is compiled from source: slower, nothing else differs.
// CommonJS, like bin/interlinear.js (see bin/package.json): Node starts a CommonJS entry without its
// ES module loader, which is measurably faster.
const {readFileSync} = require('node:fs')
const {createRequire} = require('node:module')
const {join} = require('node:path')
const {pathToFileURL} = require('node:url')
const {Script} = require('node:vm')

/** The bundle: a function of `require` and its own URL, made by scripts/bundle.mjs. */
const bundlePath = join(__dirname, '../lib/interlinear.js')
/** Its code cache: the last line of the bundle it was made from (a hash of it), then V8's cached data. */
const cachePath = join(__dirname, '../lib/interlinear.code-cache')
/** `interlinear build` with nothing to do (scripts/warm.ts): small enough to compile without a cache. */
const warmPath = join(__dirname, '../lib/warm.js')

/** Compile the bundle, with its code cache when the cache was made from this bundle. */
function compileBundle() {
  // ASCII only (see scripts/bundle.mjs): latin1 reads it as it is, without decoding.
  const source = readFileSync(bundlePath, 'latin1')
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

/** Compile the warm-build bundle. */
function compileWarm() {
  return new Script(readFileSync(warmPath, 'latin1'), {filename: warmPath})
}

/** Run the compiled bundle: the CLI on the process's arguments, or a render thread's job. */
function runBundle(script) {
  script.runInThisContext()(createRequire(bundlePath), pathToFileURL(bundlePath).href)
}

/** The exports of the compiled warm-build bundle: `warmBuild` (see scripts/warm.ts). */
function loadWarm(script) {
  const module = {exports: {}}
  script.runInThisContext()(createRequire(warmPath), pathToFileURL(warmPath).href, module)
  return module.exports
}

/** What `compileBundle` accepts as the cache of the bundle `source`, given V8's `cachedData`. */
function cacheFile(source, cachedData) {
  return Buffer.concat([Buffer.from(lastLine(source), 'latin1'), cachedData])
}

/** The last line of `text`, with its line feed. */
function lastLine(text) {
  return text.slice(text.lastIndexOf('\n', text.length - 2) + 1)
}

module.exports = {bundlePath, cachePath, warmPath, compileBundle, compileWarm, runBundle, loadWarm, cacheFile}
