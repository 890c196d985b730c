import {readFileSync} from 'node:fs'
import {VFile} from 'vfile'
import {checkLimits} from '../scripts/parse/parse-markdown.js'
const path = process.argv[2]!
const flat = readFileSync(path, 'utf8')
let rope = ''
for (const piece of flat.split(/(?<=\n)/)) rope += piece
for (const [name, text] of [['flat', flat], ['rope', rope], ['flat', flat]] as const) {
  const t0 = performance.now(); checkLimits(text, new VFile()); console.log(name, (performance.now() - t0).toFixed(1), 'ms')
}
const joined = flat.split('\n\n').join('\n\n') + '\n'
for (let i = 0; i < 2; i++) { const t0 = performance.now(); checkLimits(joined, new VFile()); console.log('join+nl', (performance.now() - t0).toFixed(1), 'ms') }
const joined2 = flat.split('\n\n').join('\n\n') + '\n'
const t0 = performance.now(); for (let i = 0; i < joined2.length; i += 100) joined2.charCodeAt(i); console.log('charCodeAt walk', (performance.now() - t0).toFixed(1))
