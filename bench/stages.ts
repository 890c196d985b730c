// What each stage of the benchmark job costs per language, in one process: every stage over every
// language of a project, in the job's order, several passes (the first as a CLI run meets it: V8 has
// not optimized anything yet; the last in the steady state). Nothing is written.
//
//   npx tsx bench/stages.ts [passes] bench/corpora/statement-100.pristine/interlinear
import {createHash} from 'node:crypto'
import {findingRecords} from '../scripts/check/format-findings.js'
import {checkSegmentFile, runChecks} from '../scripts/check/run-checks.js'
import {planUpdate} from '../scripts/commands/update.js'
import {parseProjectFiles} from '../scripts/io/load-project.js'
import {readProjectFiles} from '../scripts/io/read-project-files.js'
import {createResolver} from '../scripts/merge/create-resolver.js'
import {collectResources, localizedTree, mergeTranslations} from '../scripts/merge/merge-translations.js'
import {renderHtml} from '../scripts/render/render-html.js'
import {renderMarkdown} from '../scripts/render/render-markdown.js'
import {renderReview} from '../scripts/render/render-review.js'
import {renderText} from '../scripts/render/render-text.js'
import {computeStatus} from '../scripts/status/compute-status.js'

const [passesArgument = '5', root = 'bench/corpora/statement-100.pristine/interlinear'] = process.argv.slice(2)
const passes = Number(passesArgument)
const rows = new Map<string, number[]>()
let languages = 0
function time<T>(name: string, run: () => T): T {
  const started = performance.now()
  const result = run()
  const list = rows.get(name) ?? []
  list.push(performance.now() - started)
  rows.set(name, list)
  return result
}
for (let pass = 0; pass < passes; pass++) {
  const read = time('read and decode', () => readProjectFiles({root}))
  const parsed = time('parse', () => parseProjectFiles(read))
  const loaded = time('update', () => planUpdate(parsed).updated)
  time('check', () => runChecks(loaded))
  const document = loaded.documents[0]!
  const files = new Map([...loaded.segmentFiles].map(([language, perDocument]) => [language, perDocument.get(document.id)!]))
  const translated = [...files.keys()].sort()
  languages = translated.length
  const pages = time('merge', () => {
    const statuses = new Map(translated.map((language) => [language, computeStatus(document.segments, files.get(language))]))
    const resolver = createResolver(document.id, collectResources(document, statuses, 'fallback'), {sourceLanguage: document.language, fallbacks: {}})
    return [document.language, ...translated].map((language) => mergeTranslations(document, language, {resolver, statuses, status: language === document.language ? 'source' : files.get(language)?.status ?? 'draft'}))
  })
  const links = pages.map((page) => ({language: page.language, href: `../${page.language}/${document.id}.html`}))
  const outputs: string[] = []
  time('html', () => pages.forEach((page) => outputs.push(renderHtml(page, {links}))))
  time('markdown', () => pages.forEach((page) => outputs.push(renderMarkdown(page))))
  time('text', () => pages.forEach((page) => outputs.push(renderText(localizedTree(page), {width: 72}))))
  time('review (with its checks)', () =>
    translated.forEach((language) => {
      const checked = checkSegmentFile(document, language, files.get(language), undefined)
      outputs.push(renderReview({document, language, statuses: checked.statuses, row: checked.row, findings: findingRecords([checked.file]), fileHref: 'x', statusHref: 'y', pageHref: 'z'}))
    })
  )
  time('encode and hash', () => outputs.forEach((text) => createHash('sha256').update(Buffer.from(text)).digest('hex')))
}
const format = (ms: number) => (ms / languages).toFixed(3).padStart(7)
process.stdout.write(`${languages} languages, ms per language: pass 1, the median of passes 2–${passes}\n`)
let first = 0
let steady = 0
for (const [name, times] of rows) {
  const rest = times.slice(1).sort((a, b) => a - b)
  const median = rest[Math.floor(rest.length / 2)] ?? times[0]!
  first += times[0]!
  steady += median
  process.stdout.write(`${name.padEnd(26)} ${format(times[0]!)} ${format(median)}\n`)
}
process.stdout.write(`${'all'.padEnd(26)} ${format(first)} ${format(steady)}\n`)
