import {existsSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import {Worker} from 'node:worker_threads'
import {rm} from 'node:fs/promises'
import {dirname, join, relative, sep} from 'node:path'
import {compareRecords, findingRecords, type FindingRecord} from '../check/format-findings.js'
import {checkSegmentFile} from '../check/run-checks.js'
import type {Glossary} from '../check/rules/glossary.js'
import {defaults, outputFormats, relativeSegmentFilePath, threadMarker} from '../config.js'
import {failNow, isFileSystemError} from '../diagnostics.js'
import {errors} from '../errors.js'
import {cacheKey, readBuildCache, sha256, writeBuildCache, type BuildCache, type CachedFile, type CachedPage, type OutputFile, type PageSummary} from '../io/build-cache.js'
import {cacheDir, outputsIntact, withoutStamps} from '../io/cache-folder.js'
import {lastBuild, writeLastBuild, type InputRecord, type LastBuild} from '../io/last-build.js'
import {parseProjectFiles, type LoadedProject} from '../io/load-project.js'
import {readOwnFile} from '../io/read-text.js'
import {decodeProjectFiles, readProjectBytes, type ProjectFiles} from '../io/read-project-files.js'
import type {Project} from '../io/project.js'
import {readConfig} from '../io/read-config.js'
import type {ProjectConfig} from '../io/read-config.js'
import type {StatusRow} from '../types.js'
import {assertRealFolders, isInside} from '../io/write-atomic.js'
import {inlineWriter, startOutputThread, writeOutputFile, type OutputWriter} from '../io/output-writer.js'
import {createResolver} from '../merge/create-resolver.js'
import {collectResources, localizedTree, mergeTranslations, type LocalizedDocument} from '../merge/merge-translations.js'
import {byPath, compareText} from '../order.js'
import {pseudoLocale, pseudoSegmentFile} from '../pseudo/pseudo-localize.js'
import {renderHtml} from '../render/render-html.js'
import {renderDashboard, type DashboardRow, type RuleCount} from '../render/render-dashboard.js'
import {renderIndex} from '../render/render-index.js'
import {renderMarkdown} from '../render/render-markdown.js'
import {renderReview} from '../render/render-review.js'
import {renderText} from '../render/render-text.js'
import {computeStatus} from '../status/compute-status.js'
import {buildSettings, outputFolder, resultOf, type BuildOptions, type BuildResult, type CoverageRecord, type Format, type Manifest} from './build.js'
import {checkLoaded, readGlossaries, type CheckReport} from './check.js'
import {planUpdate, writeUpdate, type FileChange, type UpdatePlan} from './update.js'

/**
 * The part of `build` that parses, updates, checks and renders: loaded only when a build has work
 * to do. Updates the cache with what it wrote. `last`: the record of the last whole build, if any,
 * which tells how much is left to render.
 */
export async function buildProject(project: Project, options: BuildOptions, last?: LastBuild): Promise<BuildResult> {
  const config = readConfig(project)
  const cache = readBuildCache(project)
  // Every language is read, even with --lang: a fallback chain may lead through any of them.
  const read = decodeProjectFiles(readProjectBytes(project))
  // Started before anything else: a thread loads its code while this one parses and updates.
  const count = threadCount(pagesToRender(read, config, options, cache, last), options)
  const writer = count > 1 ? startOutputThread(workerUrl) : inlineWriter
  const threads = Array.from({length: Math.max(0, count - 2)}, startThread)
  try {
    let loaded = parseProjectFiles(read)
    const languages = languagesToCheck(loaded, options)
    const known = new Set([...loaded.languages, ...loaded.documents.map((document) => document.language), ...(options.pseudo ? [pseudoLocale] : [])])
    // Before anything is written.
    for (const language of options.languages ?? []) if (!known.has(language)) failNow(`${defaults.translationsDir}/${language}`, errors.unknownLanguage(language))
    const glossaries = readGlossaries(loaded)
    let changes: FileChange[] | undefined
    let plan: UpdatePlan | undefined
    if (options.update) {
      plan = planUpdate(loaded, languages)
      ;({changes, updated: loaded} = plan)
    }
    const checksums = segmentFileChecksums(loaded)
    const shards = threads.map((_, index) => ({index: index + 2, count: threads.length + 1}))
    const {onProgress: _onProgress, onWarning: _onWarning, ...plain} = options
    // Sent as data (cloned, not parsed again): what it renders from, without diagnostics and raw bytes.
    const {files: _files, segmentFileBytes: _bytes, ...parsed} = loaded
    const running = threads.map((thread, index) => thread.render({loaded: parsed, config, options: plain, shard: shards[index]!, pages: cache.pages, glossaries, checksums}))
    // Flushed while the pages render (rendering lets IO callbacks run between pages); awaited before
    // the cache records the inputs. A failure is held, not left unhandled, until then.
    const flushed = plan ? writeUpdate(plan).then(() => undefined, (error: unknown) => ({error})) : undefined
    const own = threads.length > 0 ? {...options, shard: {index: 1, count: threads.length + 1}} : options
    const report = options.check ? await checkLoaded({...loaded, languages: languagesToCheck(loaded, own)}, {glossaries}) : undefined
    const others = running.map(async (result, index): Promise<ShardResult> => {
      const done = await result
      if ('files' in done) return done
      // A thread that failed (it cannot start, say) leaves its shard to this one.
      options.onWarning?.(`a render thread failed (${done.error}); its languages were rendered on the main thread`)
      return renderShard(loaded, config, {...options, shard: shards[index]!}, cache, {glossaries, checksums})
    })
    const result = await buildLoaded(loaded, config, own, cache, {checked: report, glossaries, checksums, others: threads.length > 0 ? Promise.all(others) : undefined, flushing: flushed !== undefined, writer})
    const done = await Promise.all(others)
    for (const shard of done) {
      cache.pages = {...cache.pages, ...shard.pages}
      result.files.push(...shard.files)
    }
    result.files.sort(byPath)
    // Stamps as the pages (the index and the dashboard among them) and the manifest were written (or found intact).
    const manifestFile = result.shared.file === undefined ? [] : [result.shared.file]
    const stamps = new Map([...Object.values(cache.pages).flatMap((page) => page.files), ...manifestFile].map((file) => [file.path, file.stamp]))
    const files = [...result.files, ...manifestFile].map((file) => ({...file, stamp: stamps.get(file.path) ?? ''}))
    const last = lastBuild(buildSettings(config, options, result.out), inputRecords(read, loaded, checksums), read.folders, result.shared.manifest, files)
    const failed = await flushed
    if (failed) throw failed.error
    try {
      writeBuildCache(project, cache)
      writeLastBuild(project, last)
    } catch (error) {
      // The outputs are complete: a cache that cannot be written (a read-only or full disk) only costs the next build its shortcuts.
      if (!isFileSystemError(error)) throw error
      options.onWarning?.(`could not write the build cache in ${cacheDir}/ (${error.code} on ${error.syscall}): the outputs are complete, but the next build will do all its work again; check that the folder may be written`)
    }
    return {...result, changes, report: report && mergeReports(report, done, loaded)}
  } finally {
    // Threads still waiting for work when something failed.
    for (const thread of threads) void thread.worker.terminate()
    writer.stop()
  }
}

/** The checksum of every segment file as written (updated, with `update`), by its path in the project. */
function segmentFileChecksums(loaded: LoadedProject): Map<string, string> {
  return new Map([...loaded.segmentFileBytes].flatMap(([language, files]) => [...files].map(([id, bytes]) => [relativeSegmentFilePath(language, id), sha256(bytes)] as const)))
}

/** The inputs a build read, as the record of the last build keeps them: segment files as updated. */
function inputRecords(read: ProjectFiles, loaded: LoadedProject, checksums: ReadonlyMap<string, string>): InputRecord[] {
  const asRead = new Map(read.segmentFiles.map((file) => [file.path, file]))
  const segmentFiles = [...loaded.segmentFileBytes].flatMap(([language, files]) =>
    [...files].map(([id, bytes]) => {
      const path = relativeSegmentFilePath(language, id)
      const original = asRead.get(path)
      // A file this run wrote changed just now: its stamp is not trusted until a later build reads it.
      return {path, stamp: original?.bytes === bytes ? original.stamp : '', sha256: checksums.get(path)!}
    })
  )
  return [...read.sources.map(({path, stamp, bytes}) => ({path, stamp, sha256: sha256(bytes)})), ...segmentFiles]
}

/** The check report of the main thread with those of the other threads, in the order one thread gives. */
function mergeReports(report: CheckReport, shards: readonly ShardResult[], loaded: LoadedProject): CheckReport {
  const order = new Map(loaded.languages.map((language, index) => [language, index]))
  const documents = new Map(loaded.documents.map((document, index) => [document.id, index]))
  const rows = [...report.rows, ...shards.flatMap((shard) => shard.report?.rows ?? [])]
  rows.sort((a, b) => order.get(a.language)! - order.get(b.language)! || documents.get(a.document)! - documents.get(b.document)!)
  // The sort is stable and each file's findings come from one thread: their order within a place holds.
  const records = [...report.records, ...shards.flatMap((shard) => shard.report?.records ?? [])].sort(compareRecords)
  return {records, rows, badInput: report.badInput}
}

/** The languages whose segment files a build updates and checks: the requested ones (`--lang` may name the source language, which has none) of its shard. */
function languagesToCheck(loaded: LoadedProject, options: BuildOptions): string[] {
  const inShard = shardFilter(loaded, options)
  return loaded.languages.filter((language) => (options.languages?.includes(language) ?? true) && inShard(language))
}

/**
 * Check (with `check`) and render one shard of the languages, without the shared files: what a
 * build thread does, and what the main thread does for a thread that failed.
 */
export async function renderShard(loaded: LoadedProject, config: ProjectConfig, options: BuildOptions & {shard: {index: number; count: number}}, cache: BuildCache, {glossaries, checksums}: {glossaries: ReadonlyMap<string, Glossary>; checksums: ReadonlyMap<string, string>}): Promise<ShardResult> {
  const inShard = shardFilter(loaded, options)
  const report = options.check ? await checkLoaded({...loaded, languages: languagesToCheck(loaded, options)}, {glossaries, sources: false}) : undefined
  const result = await buildLoaded(loaded, config, options, cache, {shared: false, checked: report, glossaries, checksums})
  const pages = Object.fromEntries(Object.entries(cache.pages).filter(([base]) => inShard(base.slice(0, base.indexOf('/')))))
  return {files: result.files, pages, dashboard: result.dashboard, report}
}

/** Options of `buildLoaded` that only other stages set. */
export interface BuildLoadedOptions {
  /** Write the index, dashboard and manifest (default); a worker's shard writes its pages alone. */
  shared?: boolean
  /** The report of `check` on the same project: review pages show its findings instead of checking again. */
  checked?: CheckReport
  /** The glossaries, already read (default: read them). */
  glossaries?: ReadonlyMap<string, Glossary>
  /** The checksum of each segment file by its path in the project (default: made from `loaded`): what review pages' keys are made of. */
  checksums?: ReadonlyMap<string, string>
  /** What the other threads rendered (with `shard` set to this thread's): their dashboard rows. */
  others?: Promise<readonly ShardResult[]>
  /** Files are being flushed meanwhile: let their IO callbacks run between pages. */
  flushing?: boolean
  /** What writes the pages (default: this thread, at once). */
  writer?: OutputWriter
}

/** `BuildResult` with the dashboard rows of the review pages rendered. */
export interface LoadedBuildResult extends BuildResult {
  dashboard: DashboardRow[]
  /** The manifest as written, and its file with its stamp (none from a shard: only the whole build writes it). */
  shared: {manifest: string; file?: CachedFile}
}

/**
 * `build` on a project already loaded (by a run that also updates and checks). With a cache, a page
 * whose inputs are unchanged and whose files are intact is not rendered again; the cache is updated.
 */
export async function buildLoaded(loaded: LoadedProject, config: ProjectConfig, options: BuildOptions = {}, cache: BuildCache = {pages: {}}, {shared: writeShared = true, checked, glossaries: read, checksums: given, others, flushing = false, writer = inlineWriter}: BuildLoadedOptions = {}): Promise<LoadedBuildResult> {
  const out = outputFolder(loaded.project, options)
  // No symbolic link between the project and the outputs (a `dist` link in a pull request); an --out elsewhere is the user's.
  const within = isInside(loaded.project.root, out) ? loaded.project.root : out
  const chosen = options.formats ?? outputFormats
  const width = options.width ?? defaults.width
  const outputFiles: OutputFile[] = []
  const pages: BuildCache['pages'] = Object.create(null)
  const coverage: CoverageRecord[] = []
  const listed: string[] = []
  const inShard = shardFilter(loaded, options)
  // Review pages and the dashboard come with the HTML, except where a caller (release) leaves them out.
  const review = chosen.includes('html') && options.review !== false
  const glossaries = review ? read ?? readGlossaries(loaded) : new Map<string, Glossary>()
  // A worker has no bytes: its checksums come from the main thread.
  const checksums = given ?? segmentFileChecksums(loaded)
  const dashboard: DashboardRow[] = []
  const reported = checked === undefined ? undefined : reportByFile(checked)
  // Checked once, before anything is written; each language's folder when its first page is.
  assertRealFolders(within, out)
  // Checked folders, and whether each existed: files in a new one need no comparison with what was there.
  const checkedFolders = new Map<string, boolean>()
  // Pages handed to the writer and not written yet: their texts are held (twice, with a writer thread) until then.
  const pending = new Set<Promise<void>>()
  /** Before the next page: let the segment files' flushes run, and wait while too many pages are still being written. */
  const pace = async () => {
    if (flushing) await nextTurn()
    while (pending.size >= pagesBeingWritten) await Promise.race(pending)
  }
  const shared: LoadedBuildResult['shared'] = {manifest: ''}
  let failure: {error: unknown} | undefined
  /** The cached page `name` when its key is `key` and its files, exactly `paths`, are intact, counted as output. */
  const reuse = (name: string, key: string, paths: readonly string[]): CachedPage | undefined => {
    const cached = cache.pages[name]
    // Keys can be computed by anyone who has the code and the inputs: an entry listing fewer files (a
    // forged cache in a pull request) would leave a page unwritten, and whatever is at its place served.
    if (cached?.key !== key || !sameMembers(cached.files.map((file) => file.path), paths) || !outputsIntact(out, cached.files)) return undefined
    outputFiles.push(...withoutStamps(cached.files))
    pages[name] = cached
    return cached
  }
  /** Write a page's files (as rendered: hundreds of languages' pages are never all in memory at once) and cache them. */
  const emit = (name: string, key: string, texts: readonly (readonly [string, string])[], summary?: PageSummary) => {
    const folder = dirname(texts[0]![0])
    let existed = checkedFolders.get(folder)
    if (existed === undefined) checkedFolders.set(folder, (existed = assertRealFolders(within, join(out, folder))))
    const page: CachedPage = {key, files: [], ...(summary ? {summary} : {})}
    pages[name] = page
    const record = (files: CachedFile[]) => {
      page.files = files
      outputFiles.push(...withoutStamps(files))
    }
    const written = writer.write(texts.map(([path, text]) => ({out, path, text, within, folderExists: existed})))
    // Held, not left unhandled, until every page is rendered.
    if (Array.isArray(written)) record(written)
    else {
      const done: Promise<void> = written.then(record, (error: unknown) => void (failure ??= {error})).finally(() => pending.delete(done))
      pending.add(done)
    }
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
    // Every page's key depends on the document and the menu: hashed once, not once per page.
    const documentKey = cacheKey(document.id, document.text, JSON.stringify(links))
    const mine = published.filter((page) => inShard(page.language))
    for (const page of published) listed.push(...chosen.map((format) => `${page.language}/${document.id}.${format}`))
    for (const [index, page] of mine.entries()) {
      await pace()
      options.onProgress?.({document: document.id, done: index + 1, total: mine.length})
      const base = `${page.language}/${document.id}`
      const key = pageKey(page, documentKey, chosen, width)
      if (reuse(base, key, chosen.map((format) => `${base}.${format}`))) continue
      const texts: [string, string][] = []
      if (chosen.includes('html')) texts.push([`${base}.html`, renderHtml(page, {links})])
      if (chosen.includes('md')) texts.push([`${base}.md`, renderMarkdown(page)])
      if (chosen.includes('txt')) texts.push([`${base}.txt`, renderText(localizedTree(page), {width})])
      emit(base, key, texts)
    }
    if (!review) continue
    // Every review page's key depends on the source: hashed once, not once per page.
    const reviewKey = cacheKey('review', document.text)
    for (const language of translated) {
      await pace()
      // The pseudo-locale has no segment file to review.
      if (language === pseudoLocale || (requested !== undefined && !requested.includes(language))) continue
      const base = `${language}/${document.id}`
      const path = `${base}.review.html`
      listed.push(path)
      // Rows of other shards' languages: from their threads, or made here for a dashboard of every language.
      if (!inShard(language) && (!writeShared || others !== undefined)) continue
      const isPublished = published.some((page) => page.language === language)
      const segmentFile = loaded.segmentFiles.get(language)?.get(document.id)
      const glossary = glossaries.get(language)
      const hrefs = {fileHref: segmentFileHref(loaded.project.root, out, config, language, document.id), statusHref: '../status.html', pageHref: isPublished ? `${document.id}.html` : undefined}
      // Everything the review page and its dashboard row depend on: the source, the segment file (its
      // checksum: the same bytes always parse the same), the glossary and the links.
      const file = relativeSegmentFilePath(language, document.id)
      // A checksum for every segment file there is: none, no file.
      const contents = checksums.get(file) ?? 'none'
      const key = cacheKey(reviewKey, language, contents, JSON.stringify(glossary === undefined ? null : [...glossary]), JSON.stringify(hrefs))
      const name = `${base}.review`
      // Another shard renders the page; this one only needs its row for the dashboard.
      let summary = inShard(language) ? reuse(name, key, [path])?.summary : cache.pages[name]?.key === key ? cache.pages[name]?.summary : undefined
      if (summary === undefined) {
        const known = reported?.rows.get(file)
        const result =
          known === undefined
            ? checkSegmentFile(document, language, segmentFile, glossary)
            : {statuses: statuses.get(language)!, row: known, findings: reported!.findings.get(file) ?? []}
        const findings = 'file' in result ? findingRecords([result.file]) : result.findings
        summary = {row: result.row, findings: countByRule(findings)}
        if (inShard(language)) emit(name, key, [[path, renderReview({document, language, statuses: result.statuses, row: result.row, findings, ...hrefs})]], summary)
      }
      dashboard.push({...summary, reviewHref: path, pageHref: isPublished ? `${base}.html` : undefined})
    }
  }
  if (chosen.includes('html')) listed.push('index.html')
  if (review) listed.push('status.html')
  const manifest: Manifest = {
    sources: loaded.documents.map((document) => ({document: document.id, path: document.path, language: document.language, revision: document.revision})),
    coverage,
    files: listed.map((path) => ({path})).sort(byPath)
  }
  const epoch = process.env.SOURCE_DATE_EPOCH
  if (epoch !== undefined && /^\d+$/.test(epoch)) manifest.built = new Date(Number(epoch) * 1000).toISOString()
  if (writeShared) {
    if (chosen.includes('html')) {
      const key = cacheKey('index', JSON.stringify(coverage), JSON.stringify(loaded.documents.map((document) => [document.id, document.language])))
      await writeSitePage('index', key, () => renderIndex(coverage, loaded.documents))
    }
    if (review) {
      const rows = [...dashboard, ...(others ? (await others).flatMap((shard) => shard.dashboard) : [])]
      rows.sort((a, b) => compareText(a.row.language, b.row.language) || compareText(a.row.document, b.row.document))
      const sourceLanguage = loaded.documents[0]?.language ?? 'en'
      await writeSitePage('status', cacheKey('status', sourceLanguage, JSON.stringify(rows)), () => renderDashboard(rows, sourceLanguage))
    }
  }
  await Promise.all(pending)
  if (failure) throw failure.error
  if (writeShared) {
    await removeStaleOutputs(out, within, new Set(listed))
    shared.manifest = `${JSON.stringify(manifest, null, 2)}\n`
    // Its stamp is kept for the record of the build.
    shared.file = writeOutputFile({out, path: 'manifest.json', text: shared.manifest, within, folderExists: true})
  }
  // Pages of other languages (a build with --lang or --shard) stay cached.
  cache.pages = {...cache.pages, ...pages}
  outputFiles.sort(byPath)
  return {...resultOf(out, manifest, outputFiles), dashboard, shared}

  /**
   * `<name>.html` at the top of the output, for the whole project (the index, the dashboard): rendered
   * only when `key`, what it shows, changed or its file is not as written; after a translator's edit, seldom.
   */
  async function writeSitePage(name: string, key: string, render: () => string): Promise<void> {
    await pace()
    const path = `${name}.html`
    if (!reuse(name, key, [path])) emit(name, key, [[path, render()]])
  }
}

/** Whether `a` and `b` hold the same strings, each once. */
function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  const members = new Set(a)
  return members.size === a.length && new Set(b).size === b.length && a.length === b.length && b.every((item) => members.has(item))
}

/**
 * The most pages a build hands its writer before it has written them: enough to keep a writer thread
 * busy, few enough to bound the memory when it writes slower than pages render (at 500 languages,
 * every page waiting took a build 270–330 MB; 16 at most, 160–175 MB).
 */
export const pagesBeingWritten = 16

/** Let pending IO callbacks (segment files being flushed) run before the next page. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/** What a worker thread of `build` is given: a project, its settings and a shard of its languages. */
export interface ShardJob {
  loaded: Omit<LoadedProject, 'files' | 'segmentFileBytes'>
  config: ProjectConfig
  options: Omit<BuildOptions, 'onProgress' | 'onWarning'>
  shard: {index: number; count: number}
  /** The build cache's pages. */
  pages: BuildCache['pages']
  glossaries: ReadonlyMap<string, Glossary>
  checksums: ReadonlyMap<string, string>
}

/** What a worker thread wrote, the cache entries of its pages, its dashboard rows and check report. */
export interface ShardResult {
  files: OutputFile[]
  pages: BuildCache['pages']
  dashboard: DashboardRow[]
  report?: CheckReport
}

// The bundled CLI's entry, which a thread runs too (see scripts/bin.ts); from source (tests) there is none.
const workerUrl = new URL('../bin/interlinear.js', import.meta.url)

// Below this many pages for each thread, starting one (and warming its code up) costs more than it saves.
const pagesPerThread = 40

/**
 * About how many pages a build will render, for how many threads to start: every page, unless the last
 * whole build had the same settings, its manifest is intact and no source changed since; then one for
 * each segment file whose stamp changed (a translator's edit). A wrong guess costs only time.
 */
export function pagesToRender(read: ProjectFiles, config: ProjectConfig, options: BuildOptions, cache: BuildCache, last: LastBuild | undefined): number {
  const all = read.sources.length * (read.languages.length + 1)
  // No page cached: no build before.
  if (Object.keys(cache.pages).length === 0) return all
  const out = outputFolder(read.project, options)
  if (last === undefined || last.settings !== buildSettings(config, options, out) || !outputsIntact(out, last.outputs.filter((file) => file.path === 'manifest.json'))) return all
  const recorded = new Map(last.inputs.map((input) => [input.path, input.stamp]))
  const changed = (file: {path: string; stamp: string}) => file.stamp === '' || recorded.get(file.path) !== file.stamp
  return read.sources.some(changed) ? all : read.segmentFiles.filter(changed).length
}

/**
 * Threads a build uses in all: `--jobs`, or as many as the `rendered` pages pay for, up to the cores.
 * With two or more, one writes the output files (see `startOutputThread`) and the others render
 * languages besides this one; a shard is not split further.
 */
function threadCount(rendered: number, options: BuildOptions): number {
  if (!existsSync(workerUrl)) return 1
  const pages = rendered / (options.shard?.count ?? 1)
  const count = Math.max(1, options.jobs ?? Math.min(availableParallelism(), Math.floor(pages / pagesPerThread)))
  return options.shard === undefined ? count : Math.min(count, 2)
}

/** A build thread, started before it has work; `render` sends it its job and resolves with what it rendered, or why it failed. */
function startThread(): {worker: Worker; render: (job: ShardJob) => Promise<ShardResult | {error: string}>} {
  const worker = new Worker(workerUrl, {env: {...process.env, [threadMarker]: '1'}})
  // Listened to at once: a thread may fail before it is given work.
  const result = new Promise<ShardResult | {error: string}>((resolve) => {
    worker.once('message', (message: ShardResult) => resolve(message))
    worker.once('error', (error) => resolve({error: String(error)}))
    worker.once('exit', (code) => resolve({error: `exit code ${code}`}))
  })
  return {
    worker,
    render: (job) => {
      worker.postMessage(job)
      return result
    }
  }
}

/** Whether a language is rendered in this build: every language, or those of its shard (see `BuildOptions.shard`). */
export function shardFilter(loaded: LoadedProject, options: BuildOptions): (language: string) => boolean {
  const {shard} = options
  if (shard === undefined) return () => true
  const all = [...new Set([...loaded.documents.map((document) => document.language), ...loaded.languages, ...(options.pseudo ? [pseudoLocale] : [])])].sort()
  const mine = new Set(all.filter((_language, index) => index % shard.count === shard.index - 1))
  return (language) => mine.has(language)
}

/**
 * Everything a page's files depend on, hashed: its document and language menu (`documentKey`, their
 * hash), its merged segments and the options.
 */
function pageKey(page: LocalizedDocument, documentKey: string, formats: readonly Format[], width: number): string {
  const segments = page.segments.map((resolved) => [resolved.segment.id, resolved.text, resolved.language, resolved.state, resolved.fallback, resolved.outdated])
  return cacheKey(documentKey, JSON.stringify({language: page.language, status: page.status, segments, formats, width}))
}

/**
 * Where a review page links for a segment file: on the configured repository's web view, else
 * relatively from `dist/<lang>/` to the file in the project. `#L<line>` is appended for a line.
 */
function segmentFileHref(root: string, out: string, config: ProjectConfig, language: string, document: string): string {
  const path = relativeSegmentFilePath(language, document)
  if (config.repository !== undefined) return `${config.repository.url}/blob/${config.repository.branch}/${path}`
  return relative(join(out, language), join(root, path)).split(sep).join('/')
}

/** A check report's rows and findings by segment file path. */
function reportByFile(report: CheckReport): {rows: Map<string, StatusRow>; findings: Map<string, FindingRecord[]>} {
  const rows = new Map(report.rows.map((row) => [relativeSegmentFilePath(row.language, row.document), row]))
  const findings = new Map<string, FindingRecord[]>()
  for (const record of report.records) {
    const list = findings.get(record.file)
    if (list === undefined) findings.set(record.file, [record])
    else list.push(record)
  }
  return {rows, findings}
}

/** Findings counted per rule, in rule order. */
function countByRule(findings: readonly {rule: string; severity: RuleCount['severity']}[]): RuleCount[] {
  const counts = new Map<string, RuleCount>()
  for (const {rule, severity} of findings) {
    const count = counts.get(rule)
    if (count === undefined) counts.set(rule, {rule, severity, count: 1})
    else count.count++
  }
  return [...counts.values()].sort((a, b) => compareText(a.rule, b.rule))
}

function coverageRecord(page: LocalizedDocument, published: boolean): CoverageRecord {
  return {language: page.language, document: page.document.id, status: page.status, coverage: page.coverage, ...page.counts, published}
}

/** Delete files a previous build listed in its manifest that this build does not write (a language now withheld). */
async function removeStaleOutputs(out: string, within: string, current: ReadonlySet<string>): Promise<void> {
  const path = join(out, 'manifest.json')
  const bytes = readOwnFile(path, relative(within, path).split(sep).join('/'))
  let previous: unknown
  try {
    previous = (JSON.parse(bytes?.toString('utf8') ?? '') as Partial<Manifest> | null)?.files
  } catch {
    // None, or not one a build wrote: nothing to remove.
  }
  for (const file of Array.isArray(previous) ? (previous as unknown[]) : []) {
    if (typeof file !== 'object' || file === null || !('path' in file)) continue
    // Only plain relative paths the build itself writes; a tampered manifest cannot point elsewhere.
    if (typeof file.path === 'string' && /^(?:[A-Za-z0-9-]+\/)?[A-Za-z0-9_-]+(?:\.review)?\.(?:html|md|txt)$/.test(file.path) && !current.has(file.path)) {
      await rm(join(out, file.path), {force: true})
    }
  }
}
