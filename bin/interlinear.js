#!/usr/bin/env node
// The CLI is bundled by `npm ci` / `npm install` (the `prepare` script) into lib/. Build's render
// threads start here too (see scripts/bin.ts).
import {existsSync} from 'node:fs'
import {bundlePath, compileBundle, runBundle} from './load-bundle.js'

if (!existsSync(bundlePath)) {
  process.stderr.write('interlinear: lib/interlinear.js is missing: run `npm install` (or `npm run bundle`) first\n')
  process.exit(2)
}
runBundle(compileBundle())
