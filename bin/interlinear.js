#!/usr/bin/env node
'use strict'
// The CLI is bundled by `npm ci` / `npm install` (the `prepare` script) into lib/. Build's render
// threads start here too (see scripts/bin.ts).
const {existsSync} = require('node:fs')
const {bundlePath, compileBundle, runBundle} = require('./load-bundle.js')

if (!existsSync(bundlePath)) {
  process.stderr.write('interlinear: lib/interlinear.js is missing: run `npm install` (or `npm run bundle`) first\n')
  process.exit(2)
}
runBundle(compileBundle())
