// Bundle the CLI into one minified script, lib/interlinear.js, and make its V8 code cache: start-up
// costs a fraction of loading ~150 separate modules, and no TypeScript is compiled at run time. Also
// `interlinear build` with nothing to do, into a small script of its own: lib/warm.js.
import {execFileSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const scripts = new URL('.', import.meta.url).pathname

/** A hash of the code, its locked dependencies and the Node.js that runs it: build caches made by other code are never reused. */
function codeVersion() {
  const hash = createHash('sha256')
  const files = readdirSync(scripts, {recursive: true}).map(String).filter((name) => /\.(?:ts|json|mjs)$/.test(name)).sort()
  for (const name of files) hash.update(`${name}\0`).update(readFileSync(join(scripts, name)))
  hash.update(readFileSync(new URL('../package-lock.json', import.meta.url)))
  // Pages depend on the ICU of the Node.js that builds them (language names, grapheme segmentation).
  hash.update(`${process.version} ${process.versions.icu} ${process.versions.unicode}`)
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

/**
 * string-width makes its `Intl.Segmenter` when its module loads, and segments even a single character.
 * The first `Intl` service of a process costs about 10 ms, which a run whose text is all narrow
 * characters (scripts/render/column-width.ts) never needs: the segmenter is made on first use, and one
 * code point, always one grapheme, is measured without it. Same widths; a string-width whose code no
 * longer reads as expected fails the bundle.
 */
const lazyStringWidthSegmenter = {
  name: 'lazy-string-width-segmenter',
  setup(context) {
    // Ours, not the older copy vfile-reporter brings (loaded only to report errors).
    const ours = fileURLToPath(import.meta.resolve('string-width'))
    context.onLoad({filter: /[\\/]string-width[\\/]index\.js$/}, async ({path}) => {
      if (path !== ours) return undefined
      const replacements = [
        ['const segmenter = new Intl.Segmenter();', 'let made; const segmenter = {segment: (text) => (made ??= new Intl.Segmenter()).segment(text)};'],
        ['of segmenter.segment(string))', 'of (string.length === 1 || (string.length === 2 && string.codePointAt(0) > 0xffff) ? [{segment: string}] : segmenter.segment(string)))']
      ]
      let contents = readFileSync(path, 'utf8')
      for (const [from, to] of replacements) {
        if (!contents.includes(from)) throw new Error(`bundle: string-width (${path}) no longer contains ${JSON.stringify(from)}`)
        contents = contents.replace(from, to)
      }
      return {contents, loader: 'js'}
    })
  }
}

/** Every two- and three-letter lowercase code, `aa` to `zzz`. */
function plainCodes() {
  const letters = [...'abcdefghijklmnopqrstuvwxyz']
  return letters.flatMap((first) => letters.flatMap((second) => [first + second, ...letters.map((third) => first + second + third)]))
}

/**
 * What the pages and the checks of a project with plain language codes would ask ICU, asked once here
 * of the ICU of the Node.js that bundles, which runs the CLI: for every two- and three-letter code, its
 * name in its own language where ICU has one and its writing direction, as scripts/render/language-info.ts
 * asks them from source (it is loaded here as it runs in tests, without tables), and its canonical form
 * where that is another (`iw`: `he`), as `canonicalLanguageTag` (scripts/language-tag.ts) asks it. The first
 * Intl service of a process costs about 10 ms, and then every tag a few microseconds more.
 */
async function plainCodeTables() {
  const {outputFiles} = await build({entryPoints: [new URL('./render/language-info.ts', import.meta.url).pathname], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'warning'})
  const {direction, nativeName} = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`)
  const names = {}
  const rtl = []
  const aliases = {}
  for (const code of plainCodes()) {
    const name = nativeName(code)
    if (name !== code) names[code] = name
    if (direction(code) === 'rtl') rtl.push(code)
    const canonical = Intl.getCanonicalLocales(code)[0]
    if (canonical !== code) aliases[code] = canonical
  }
  return {names, rtl, aliases}
}

/**
 * The bundle with every non-ASCII code unit written as `\uXXXX` (esbuild leaves them in regular
 * expressions), the same code in strings, regular expressions and identifiers: the loader then reads the
 * bundle as latin1, a copy instead of a UTF-8 decode, and V8 keeps it at one byte a character.
 */
function asciiOnly(text) {
  // After a backslash the escape would change meaning: write such a character as `\uXXXX` in the source.
  const escaped = /\\[^\x00-\x7f]/.exec(text)
  if (escaped) throw new Error(`bundle: a non-ASCII character follows a backslash (${JSON.stringify(text.slice(escaped.index - 20, escaped.index + 20))})`)
  return text.replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

// Whatever an older layout left there (chunks of a split bundle) goes.
rmSync(new URL('../lib/', import.meta.url), {recursive: true, force: true})

/** Bundle `entry` into `lib/<name>`: a classic script that evaluates to a function of `parameters`. */
async function bundle(entry, name, parameters) {
  const {outputFiles} = await build({
    entryPoints: [new URL(entry, import.meta.url).pathname],
    outfile: name,
    write: false,
    bundle: true,
    // PROFILE=1 keeps names readable for --cpu-prof.
    minify: process.env.PROFILE !== '1',
    platform: 'node',
    // A classic script, not an ES module: only vm.Script takes a code cache in Node 20. The commands'
    // modules (dynamic imports) are still evaluated only when a command needs them.
    format: 'cjs',
    target: 'node20',
    // esbuild lowers `/\p{…}/u` to `new RegExp(…)` for Node 20, a new object on every call inside a
    // function; Node 20 has Unicode property escapes.
    supported: {'regexp-unicode-property-escapes': true},
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [withoutGrayMatterEngines, lazyStringWidthSegmenter],
    define: {__INTERLINEAR_CODE__: JSON.stringify(version), __INTERLINEAR_LANGUAGE_NAMES__: JSON.stringify(JSON.stringify(tables.names)), __INTERLINEAR_RTL_CODES__: JSON.stringify(JSON.stringify(tables.rtl)), __INTERLINEAR_LANGUAGE_ALIASES__: JSON.stringify(JSON.stringify(tables.aliases)), 'import.meta.url': '__bundleUrl'},
    // The script evaluates to a function of what a CommonJS module is given (see bin/load-bundle.js).
    banner: {js: `(function (${parameters}) {`},
    footer: {js: '})'}
  })
  const code = asciiOnly(outputFiles[0].text)
  // The last line names the build: a code cache starts with it (see bin/load-bundle.js). Both bundles
  // share the code version, so the small one trusts the builds of the whole CLI.
  writeFileSync(new URL(`../lib/${name}`, import.meta.url), `${code}// ${createHash('sha256').update(code).digest('hex')}\n`)
}

const version = codeVersion()
const tables = await plainCodeTables()
mkdirSync(new URL('../lib/', import.meta.url))
// The CLI, and the entry of build's worker threads: a thread runs the same script (see bin.ts).
await bundle('./bin.ts', 'interlinear.js', 'require, __bundleUrl')
// `interlinear build` with nothing to do (see warm.ts): its exports are set on `module`.
await bundle('./warm.ts', 'warm.js', 'require, __bundleUrl, module')

// Without a cache the CLI works, only starts slower: a failed workload is reported, not fatal.
try {
  execFileSync(process.execPath, [new URL('./make-code-cache.mjs', import.meta.url).pathname], {stdio: ['ignore', 'ignore', 'pipe']})
} catch (error) {
  process.stderr.write(`bundle: no code cache made (the CLI starts slower):\n${error.stderr || error.message}\n`)
}
