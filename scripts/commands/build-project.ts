import {readFile, rm} from 'node:fs/promises'
import {join, relative, resolve, sep} from 'node:path'
import {findingRecords, type FindingRecord} from '../check/format-findings.js'
import {checkSegmentFile, type SegmentFileCheck} from '../check/run-checks.js'
import type {Glossary} from '../check/rules/glossary.js'
import {defaults, outputFormats} from '../config.js'
import {failNow} from '../diagnostics.js'
import {errors} from '../errors.js'
import {cacheKey, inputFingerprint, outputsIntact, sha256, stampFiles, writeBuildCache, type BuildCache, type CachedPage, type OutputFile, type PageSummary} from '../io/build-cache.js'
import {parseProjectFiles, type LoadedProject} from '../io/load-project.js'
import type {ProjectFiles} from '../io/read-project-files.js'
import type {ProjectConfig} from '../io/read-config.js'
import type {SegmentStatus, SourceDocument, StatusRow} from '../types.js'
import {forEachConcurrently, startPool} from '../io/concurrently.js'
import {writeAtomic} from '../io/write-atomic.js'
import {createResolver} from '../merge/create-resolver.js'
import {collectResources, mergeTranslations, type LocalizedDocument} from '../merge/merge-translations.js'
import {pseudoLocale, pseudoSegmentFile} from '../pseudo/pseudo-localize.js'
import {renderHtml} from '../render/render-html.js'
import {renderDashboard, type DashboardRow, type RuleCount} from '../render/render-dashboard.js'
import {renderIndex} from '../render/render-index.js'
import {renderMarkdown} from '../render/render-markdown.js'
import {renderReview} from '../render/render-review.js'
import {renderText} from '../render/render-text.js'
import {computeStatus} from '../status/compute-status.js'
import {resultOf, type BuildOptions, type BuildResult, type CoverageRecord, type Format, type Manifest} from './build.js'
import {checkLoaded, readGlossaries, type CheckReport} from './check.js'
import {planUpdate, writeUpdate, type FileChange} from './update.js'

/**
 * The part of `build` that parses, updates, checks and renders: loaded only when a build has work
 * to do. Updates the cache with what it wrote.
 */
export async function buildProject(read: ProjectFiles, config: ProjectConfig, options: BuildOptions, cache: BuildCache): Promise<BuildResult> {
  const {project} = read
  let loaded = parseProjectFiles(read)
  // --lang may name the source language, which has no segment files to update or check.
  const languages = loaded.languages.filter((language) => options.languages?.includes(language) ?? true)
  const known = new Set([...loaded.languages, ...loaded.documents.map((document) => document.language), ...(options.pseudo ? [pseudoLocale] : [])])
  // Before anything is written.
  for (const language of options.languages ?? []) if (!known.has(language)) failNow(`${defaults.translationsDir}/${language}`, errors.unknownLanguage(language))
  let changes: FileChange[] | undefined
  if (options.update) {
    const plan = planUpdate(loaded, languages)
    await writeUpdate(plan)
    ;({changes, updated: loaded} = plan)
  }
  const report = options.check ? await checkLoaded({...loaded, languages}) : undefined
  const result = await buildLoaded(loaded, config, options, cache, report)
  const sources = loaded.documents.map((document) => ({id: document.id, text: document.text}))
  const segmentFiles = [...loaded.segmentFileBytes].flatMap(([language, files]) => [...files].map(([id, bytes]) => ({language, id, bytes})))
  const manifest = await readFile(join(result.out, 'manifest.json'), 'utf8')
  const files = await stampFiles(result.out, [...result.manifest.files, {path: 'manifest.json', sha256: sha256(manifest), size: Buffer.byteLength(manifest)}])
  cache.last = {fingerprint: inputFingerprint(sources, segmentFiles, {config, options, out: result.out}), manifest, files}
  await writeBuildCache(project, cache)
  return {...result, changes, report}
}

/**
 * `build` on a project already loaded (by a run that also updates and checks). With a cache, a page
 * whose inputs are unchanged and whose files are intact is not rendered again; the cache is updated.
 * With `checked`, the report of `check` on the same project, review pages show its findings instead
 * of checking each segment file again.
 */
export async function buildLoaded(loaded: LoadedProject, config: ProjectConfig, options: BuildOptions = {}, cache: BuildCache = {pages: {}}, checked?: CheckReport): Promise<BuildResult> {
  const out = resolve(options.out ?? join(loaded.project.root, defaults.distDir))
  const chosen = options.formats ?? outputFormats
  const width = options.width ?? defaults.width
  const outputs = new Map<string, string>()
  // Review pages are written as they are rendered: with hundreds of languages, holding all their text
  // until the end costs tens of megabytes.
  const early = startPool(8)
  const written: OutputFile[] = []
  const reused: OutputFile[] = []
  const pages: BuildCache['pages'] = Object.create(null)
  const rendered = new Map<string, {key: string; files: OutputFile[]; summary?: PageSummary}>()
  const coverage: CoverageRecord[] = []
  // Review pages and the dashboard come with the HTML, except where a caller (release) leaves them out.
  const review = chosen.includes('html') && options.review !== false
  const glossaries = review ? await readGlossaries(loaded) : new Map<string, Glossary>()
  const dashboard: DashboardRow[] = []
  const reported = checked === undefined ? undefined : reportByFile(checked)
  /** `status.html`, rendered only when what it shows changed. */
  const writeDashboard = async (rows: DashboardRow[], documents: readonly SourceDocument[]) => {
    rows.sort((a, b) => compare(a.row.language, b.row.language) || compare(a.row.document, b.row.document))
    const sourceLanguage = documents[0]?.language ?? 'en'
    const key = cacheKey('status', sourceLanguage, JSON.stringify(rows))
    if (await reuse('status', key)) return
    const text = renderDashboard(rows, sourceLanguage)
    outputs.set('status.html', text)
    rendered.set('status', {key, files: [outputFile('status.html', text)]})
  }
  /** Reuse the cached page `name` when its key is `key`, its files are intact and it has the summary asked for. */
  const reuse = async (name: string, key: string, summary = false): Promise<CachedPage | undefined> => {
    const cached = cache.pages[name]
    if (cached?.key !== key || (summary && cached.summary === undefined) || !(await outputsIntact(out, cached.files))) return undefined
    reused.push(...cached.files.map(({stamp: _stamp, ...file}) => file))
    pages[name] = cached
    return cached
  }
  for (const document of loaded.documents) {
    const files = new Map([...loaded.segmentFiles].flatMap(([language, perDocument]) => (perDocument.has(document.id) ? [[language, perDocument.get(document.id)!]] : [])))
    if (options.pseudo) files.set(pseudoLocale, pseudoSegmentFile(document))
    const translated = [...new Set([...loaded.languages, ...files.keys()])].filter((language) => language !== document.language).sort()
    const statuses = new Map(translated.map((language) => [language, computeStatus(document.segments, files.get(language))]))
    const resolver = createResolver(document.id, collectResources(document, statuses, options.stale ?? 'fallback'), {
      sourceLanguage: document.language,
      fallbacks: config.fallbacks
    })
    const languages = [document.language, ...translated]
    const requested = options.languages
    for (const language of requested ?? languages) {
      if (!languages.includes(language)) failNow(`${defaults.translationsDir}/${language}`, errors.unknownLanguage(language))
    }
    const localized = languages
      .filter((language) => requested === undefined || requested.includes(language))
      .map((language) =>
        mergeTranslations(document, language, {
          resolver,
          statuses,
          status: language === document.language ? 'source' : files.get(language)?.status ?? 'draft'
        })
      )
    const published = localized.filter((page) => page.status === 'source' || page.coverage >= (options.minCoverage ?? 0))
    for (const page of localized) coverage.push(coverageRecord(page, published.includes(page)))
    const links = published.map((page) => ({language: page.language, href: `../${page.language}/${document.id}.html`}))
    for (const [index, page] of published.entries()) {
      options.onProgress?.({document: document.id, done: index + 1, total: published.length})
      const base = `${page.language}/${document.id}`
      const key = pageKey(page, links, chosen, width)
      if (await reuse(base, key)) continue
      const texts: [string, string][] = []
      if (chosen.includes('html')) texts.push([`${base}.html`, renderHtml(page, {links})])
      if (chosen.includes('md')) texts.push([`${base}.md`, renderMarkdown(page)])
      if (chosen.includes('txt')) texts.push([`${base}.txt`, renderText(page.tree, {width})])
      for (const [path, text] of texts) outputs.set(path, text)
      rendered.set(base, {key, files: texts.map(([path, text]) => outputFile(path, text))})
    }
    if (!review) continue
    for (const language of translated) {
      // The pseudo-locale has no segment file to review.
      if (language === pseudoLocale || (requested !== undefined && !requested.includes(language))) continue
      const base = `${language}/${document.id}`
      const isPublished = published.some((page) => page.language === language)
      const segmentFile = loaded.segmentFiles.get(language)?.get(document.id)
      const glossary = glossaries.get(language)
      const hrefs = {fileHref: segmentFileHref(loaded.project.root, out, config, language, document.id), statusHref: '../status.html', pageHref: isPublished ? `${document.id}.html` : undefined}
      // Everything the review page and its dashboard row depend on: the source, the segment file as
      // parsed (with its lines), the glossary and the links.
      const key = cacheKey('review', document.text, language, JSON.stringify(segmentFile ?? null), JSON.stringify(glossary === undefined ? null : [...glossary]), JSON.stringify(hrefs))
      let summary = (await reuse(`${base}.review`, key, true))?.summary
      if (summary === undefined) {
        const path = `${base}.review.html`
        const result = reported?.get(`${defaults.translationsDir}/${base}.md`, statuses.get(language)!) ?? fromCheck(checkSegmentFile(document, language, segmentFile, glossary))
        const {findings} = result
        const text = renderReview({document, language, statuses: result.statuses, row: result.row, findings, ...hrefs})
        const output = outputFile(path, text)
        written.push(output)
        await early.add(() => writeIfChanged(join(out, path), text))
        summary = {row: result.row, findings: countByRule(findings)}
        rendered.set(`${base}.review`, {key, files: [output], summary})
      }
      dashboard.push({...summary, reviewHref: `${base}.review.html`, pageHref: isPublished ? `${base}.html` : undefined})
    }
  }
  if (chosen.includes('html')) outputs.set('index.html', renderIndex(coverage, loaded.documents))
  if (review) await writeDashboard(dashboard, loaded.documents)
  await early.settle()
  const files = [...reused, ...written, ...[...outputs].map(([path, text]) => outputFile(path, text))].sort((a, b) => (a.path < b.path ? -1 : 1))
  const manifest: Manifest = {
    sources: loaded.documents.map((document) => ({document: document.id, path: document.path, language: document.language, revision: document.revision})),
    coverage,
    files
  }
  const epoch = process.env.SOURCE_DATE_EPOCH
  if (epoch !== undefined && /^\d+$/.test(epoch)) manifest.built = new Date(Number(epoch) * 1000).toISOString()
  await removeStaleOutputs(out, new Set(files.map((file) => file.path)))
  // Build output can always be rebuilt: written without flushing, several at a time, and only when changed.
  await forEachConcurrently([...outputs, ['manifest.json', `${JSON.stringify(manifest, null, 2)}\n`] as [string, string]], 8, ([path, text]) => writeIfChanged(join(out, path), text))
  for (const [base, page] of rendered) pages[base] = {...page, files: await stampFiles(out, page.files)}
  // Pages of other languages (a build with --lang) stay cached.
  cache.pages = {...cache.pages, ...pages}
  return resultOf(out, manifest)
}

/** Everything a page's files depend on, hashed: its merged segments, its language menu and the options. */
function pageKey(page: LocalizedDocument, links: readonly {language: string; href: string}[], formats: readonly Format[], width: number): string {
  const segments = page.segments.map((resolved) => [resolved.segment.id, resolved.text, resolved.language, resolved.state, resolved.fallback, resolved.outdated])
  return cacheKey(page.document.id, page.document.text, JSON.stringify({language: page.language, status: page.status, segments, links, formats, width}))
}

/**
 * Where a review page links for a segment file: on the configured repository's web view, else
 * relatively from `dist/<lang>/` to the file in the project. `#L<line>` is appended for a line.
 */
function segmentFileHref(root: string, out: string, config: ProjectConfig, language: string, document: string): string {
  const path = `${defaults.translationsDir}/${language}/${document}.md`
  if (config.repository !== undefined) return `${config.repository.url}/blob/${config.repository.branch}/${path}`
  return relative(join(out, language), join(root, path)).split(sep).join('/')
}

/** What a review page shows of a checked segment file. */
interface CheckedFile {
  statuses: SegmentStatus[]
  row: StatusRow
  findings: FindingRecord[]
}

function fromCheck(check: SegmentFileCheck): CheckedFile {
  return {statuses: check.statuses, row: check.row, findings: findingRecords([check.file])}
}

/** A check report by segment file path: `get` gives a file's row and findings, with the `statuses` given. */
function reportByFile(report: CheckReport): {get: (path: string, statuses: SegmentStatus[]) => CheckedFile | undefined} {
  const rows = new Map(report.rows.map((row) => [`${defaults.translationsDir}/${row.language}/${row.document}.md`, row]))
  const findings = new Map<string, FindingRecord[]>()
  for (const record of report.records) {
    const list = findings.get(record.file)
    if (list === undefined) findings.set(record.file, [record])
    else list.push(record)
  }
  return {
    get(path, statuses) {
      const row = rows.get(path)
      return row === undefined ? undefined : {statuses, row, findings: findings.get(path) ?? []}
    }
  }
}

/** Findings counted per rule, in rule order. */
function countByRule(findings: readonly {rule: string; severity: RuleCount['severity']}[]): RuleCount[] {
  const counts = new Map<string, RuleCount>()
  for (const {rule, severity} of findings) {
    const count = counts.get(rule)
    if (count === undefined) counts.set(rule, {rule, severity, count: 1})
    else count.count++
  }
  return [...counts.values()].sort((a, b) => compare(a.rule, b.rule))
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function outputFile(path: string, text: string): OutputFile {
  return {path, sha256: sha256(text), size: Buffer.byteLength(text)}
}

async function writeIfChanged(path: string, text: string): Promise<void> {
  const current = await readFile(path, 'utf8').catch(() => undefined)
  if (current !== text) await writeAtomic(path, text, {durable: false})
}

function coverageRecord(page: LocalizedDocument, published: boolean): CoverageRecord {
  return {language: page.language, document: page.document.id, status: page.status, coverage: page.coverage, ...page.counts, published}
}

/** Delete files a previous build listed in its manifest that this build does not write (a language now withheld). */
async function removeStaleOutputs(out: string, current: ReadonlySet<string>): Promise<void> {
  const previous = await readFile(join(out, 'manifest.json'), 'utf8').then(
    (text) => (JSON.parse(text) as Partial<Manifest>).files ?? [],
    () => []
  )
  for (const file of previous) {
    // Only plain relative paths the build itself writes; a tampered manifest cannot point elsewhere.
    if (typeof file.path === 'string' && /^(?:[A-Za-z0-9-]+\/)?[A-Za-z0-9_-]+(?:\.review)?\.(?:html|md|txt)$/.test(file.path) && !current.has(file.path)) {
      await rm(join(out, file.path), {force: true})
    }
  }
}
