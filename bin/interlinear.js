#!/usr/bin/env node
'use strict'
// The CLI is bundled by `npm ci` / `npm install` (the `prepare` script) into lib/. Build's render
// threads start here too (see scripts/bin.ts).
const {existsSync, writeSync} = require('node:fs')
const {bundlePath, compileBundle, compileWarm, loadWarm, runBundle, warmPath} = require('./load-bundle.js')

if (!existsSync(bundlePath)) {
  process.stderr.write('interlinear: lib/interlinear.js is missing: run `npm install` (or `npm run bundle`) first\n')
  process.exit(2)
}
const args = process.argv.slice(2)
// `interlinear build` with nothing to do is answered by a small bundle of its own when it can (see
// scripts/warm.ts); otherwise, and for everything else, the whole CLI runs.
if (args.length === 1 && args[0] === 'build' && existsSync(warmPath)) {
  loadWarm(compileWarm())
    .warmBuild(args, process.cwd())
    .then((text) => (text === undefined ? runBundle(compileBundle()) : writeOut(text)))
} else {
  runBundle(compileBundle())
}

/** Write to stdout without making `process.stdout`, whose streams take longer to load than the warm build takes to answer. */
function writeOut(text) {
  const bytes = Buffer.from(text)
  let written = 0
  try {
    while (written < bytes.length) written += writeSync(1, bytes, written)
  } catch {
    // A non-blocking pipe that is full, say: the rest through the stream.
    process.stdout.write(bytes.subarray(written))
  }
}
