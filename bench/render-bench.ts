// Each renderer's cost per page over every language of a project, and the checks' per language: a
// first pass (cold: V8 has not optimized the code yet, as in a build of a hundred languages) and a
// second (warm). In one process, so a loaded machine skews both passes alike.
//
//   npx tsx bench/render-bench.ts bench/corpora/statement-100.pristine/interlinear
import {readProjectFiles} from '../scripts/io/read-project-files.js'
import {parseProjectFiles} from '../scripts/io/load-project.js'

import {computeStatus} from '../scripts/status/compute-status.js'
import {createResolver} from '../scripts/merge/create-resolver.js'
import {collectResources, localizedTree, mergeTranslations} from '../scripts/merge/merge-translations.js'
import {renderHtml} from '../scripts/render/render-html.js'
import {renderText} from '../scripts/render/render-text.js'
import {renderMarkdown} from '../scripts/render/render-markdown.js'
import {runChecks} from '../scripts/check/run-checks.js'

const root = process.argv[2]!
const project = {root}
const loaded = parseProjectFiles(readProjectFiles(project))
const document = loaded.documents[0]!
const files = new Map([...loaded.segmentFiles].map(([l, m]) => [l, m.get(document.id)!]))
const translated = [...files.keys()].sort()
const statuses = new Map(translated.map((l) => [l, computeStatus(document.segments, files.get(l))]))
const resolver = createResolver(document.id, collectResources(document, statuses, 'fallback'), {sourceLanguage: document.language, fallbacks: {}})
const pages = [document.language, ...translated].map((language) => mergeTranslations(document, language, {resolver, statuses, status: language === document.language ? 'source' : files.get(language)?.status ?? 'draft'}))
const links = pages.map((p) => ({language: p.language, href: `../${p.language}/x.html`}))
const time = (name: string, f: (p: (typeof pages)[number]) => unknown) => {
  for (const pass of ['cold', 'warm']) {
    const t = performance.now()
    for (const p of pages) f(p)
    process.stdout.write(`${name} ${pass}: ${((performance.now() - t) / pages.length).toFixed(3)} ms/page\n`)
  }
}
time('html', (p) => renderHtml(p, {links}))
time('text', (p) => renderText(localizedTree(p), {width: 72}))
time('md', (p) => renderMarkdown(p))
const t = performance.now(); runChecks({...loaded}); process.stdout.write(`checks cold: ${((performance.now() - t) / pages.length).toFixed(3)} ms/lang\n`)
const t2 = performance.now(); runChecks({...loaded}); process.stdout.write(`checks warm: ${((performance.now() - t2) / pages.length).toFixed(3)} ms/lang\n`)
