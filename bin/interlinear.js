#!/usr/bin/env node
// The CLI is bundled by `npm ci` / `npm install` (the `prepare` script) into lib/.
import {existsSync} from 'node:fs'

const bundle = new URL('../lib/interlinear.mjs', import.meta.url)
if (!existsSync(bundle)) {
  process.stderr.write('interlinear: lib/interlinear.mjs is missing: run `npm install` (or `npm run bundle`) first\n')
  process.exit(2)
}
await import(bundle.href)
