// Bundle the CLI into one minified ES module: start-up costs a fraction of loading ~150 separate
// modules, and no TypeScript is compiled at run time.
import {createHash} from 'node:crypto'
import {readdirSync, readFileSync, rmSync} from 'node:fs'
import {join} from 'node:path'
import {build} from 'esbuild'

const scripts = new URL('.', import.meta.url).pathname

/** A hash of the code and its locked dependencies: build caches made by other code are never reused. */
function codeVersion() {
  const hash = createHash('sha256')
  const files = readdirSync(scripts, {recursive: true}).map(String).filter((name) => /\.(?:ts|json|mjs)$/.test(name)).sort()
  for (const name of files) hash.update(`${name}\0`).update(readFileSync(join(scripts, name)))
  hash.update(readFileSync(new URL('../package-lock.json', import.meta.url)))
  return hash.digest('hex').slice(0, 16)
}

/** gray-matter's built-in engines load js-yaml (and esprima for `---js`): we always pass our own YAML engine, so they are never called. */
const withoutGrayMatterEngines = {
  name: 'without-gray-matter-engines',
  setup(context) {
    context.onResolve({filter: /^js-yaml$/}, () => ({path: 'js-yaml', namespace: 'unused-engine'}))
    context.onLoad({filter: /.*/, namespace: 'unused-engine'}, () => ({
      contents: "const refuse = () => { throw new Error('gray-matter engines are disabled: Interlinear passes its own YAML engine') }\nmodule.exports = {safeLoad: refuse, load: refuse, safeDump: refuse, dump: refuse}",
      loader: 'js'
    }))
  }
}

// Chunk names change with their content: old ones would pile up.
rmSync(new URL('../lib/', import.meta.url), {recursive: true, force: true})

await build({
  // The CLI, and the entry of build's worker threads (which shares its chunks).
  entryPoints: {interlinear: new URL('./bin.ts', import.meta.url).pathname, 'build-worker': new URL('./commands/build-worker.ts', import.meta.url).pathname},
  outdir: new URL('../lib/', import.meta.url).pathname,
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: {'.js': '.mjs'},
  // Each command loads only what it uses: `--help` or `status` never load the PO and XML libraries.
  splitting: true,
  bundle: true,
  // PROFILE=1 keeps names readable for --cpu-prof.
  minify: process.env.PROFILE !== '1',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [withoutGrayMatterEngines],
  define: {__INTERLINEAR_CODE__: JSON.stringify(codeVersion())},
  // gray-matter is CommonJS and calls `require`.
  banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"}
})
