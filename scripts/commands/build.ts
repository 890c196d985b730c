import {createHash} from 'node:crypto'
import {readFile, rm} from 'node:fs/promises'
import {join, resolve} from 'node:path'
import {defaults, outputFormats} from '../config.js'
import {failNow} from '../diagnostics.js'
import {errors} from '../errors.js'
import {loadProject, type LoadedProject} from '../io/load-project.js'
import {readConfig, type ProjectConfig} from '../io/read-config.js'
import {assertLanguageTag, type Project} from '../io/project.js'
import {writeAtomic} from '../io/write-atomic.js'
import {withProjectLock} from '../io/lock.js'
import {checkLoaded, type CheckReport} from './check.js'
import {planUpdate, writeUpdate, type FileChange} from './update.js'
import {createResolver} from '../merge/create-resolver.js'
import {collectResources, mergeTranslations, type LocalizedCounts, type LocalizedDocument, type StalePolicy} from '../merge/merge-translations.js'
import {renderHtml} from '../render/render-html.js'
import {renderIndex} from '../render/render-index.js'
import {renderMarkdown} from '../render/render-markdown.js'
import {renderText} from '../render/render-text.js'
import {pseudoLocale, pseudoSegmentFile} from '../pseudo/pseudo-localize.js'
import {computeStatus} from '../status/compute-status.js'

/** Output formats of `build`. */
export type Format = (typeof outputFormats)[number]

/** Options for `build`. */
export interface BuildOptions {
  /** Languages to write (default: the source language and every translation). */
  languages?: readonly string[]
  formats?: readonly Format[]
  /** Output folder (default: `dist/` in the project). */
  out?: string
  /** Languages under this percentage of translated, current segments are not published. */
  minCoverage?: number
  /** Plain-text width in terminal columns. */
  width?: number
  /** Stale and needs-review translations: fall back (default) or keep, marked as outdated. */
  stale?: StalePolicy
  /** Also build the pseudo-locale `qps-ploc`: every segment accented and expanded. */
  pseudo?: boolean
  /** First bring the segment files in line with the sources, as `update` does. */
  update?: boolean
  /** Also run every check, as `check` does, on the (updated) segment files. */
  check?: boolean
}

/** Coverage of one language and document, as recorded in the manifest. */
export interface CoverageRecord extends LocalizedCounts {
  language: string
  document: string
  status: LocalizedDocument['status']
  coverage: number
  published: boolean
}

/** One file written, with its checksum. */
export interface ManifestFile {
  path: string
  sha256: string
  size: number
}

/** `dist/manifest.json`. */
export interface Manifest {
  sources: {document: string; path: string; language: string; revision: string}[]
  coverage: CoverageRecord[]
  files: ManifestFile[]
  built?: string
}

/** What `build` did. */
export interface BuildResult {
  out: string
  manifest: Manifest
  /** Languages and documents held back by `minCoverage`. */
  withheld: CoverageRecord[]
  /** With `update`: what it did to each segment file. */
  changes?: FileChange[]
  /** With `check`: what the checks found. */
  report?: CheckReport
}

/**
 * Build every language of every document as standalone HTML, Markdown and plain text, plus
 * `index.html` and `manifest.json`. Output depends on the inputs alone: two builds are byte-identical
 * (a build time is recorded only when SOURCE_DATE_EPOCH is set, and then it is that time).
 */
export async function build(project: Project, options: BuildOptions = {}): Promise<BuildResult> {
  for (const language of options.languages ?? []) assertLanguageTag(language)
  const run = async () => {
    const config = await readConfig(project)
    // Every language is loaded, even with --lang: a fallback chain may lead through any of them.
    let loaded = await loadProject(project)
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
    return {...(await buildLoaded(loaded, config, options)), changes, report}
  }
  // Only a run that writes segment files takes the project lock.
  return options.update ? withProjectLock(project, run) : run()
}

/** `build` on a project already loaded (by a run that also updates and checks). */
export async function buildLoaded(loaded: LoadedProject, config: ProjectConfig, options: BuildOptions = {}): Promise<BuildResult> {
  const out = resolve(options.out ?? join(loaded.project.root, defaults.distDir))
  const chosen = options.formats ?? outputFormats
  const outputs = new Map<string, string>()
  const coverage: CoverageRecord[] = []
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
    for (const page of published) {
      const base = `${page.language}/${document.id}`
      if (chosen.includes('html')) outputs.set(`${base}.html`, renderHtml(page, {links}))
      if (chosen.includes('md')) outputs.set(`${base}.md`, renderMarkdown(page))
      if (chosen.includes('txt')) outputs.set(`${base}.txt`, renderText(page.tree, {width: options.width ?? defaults.width}))
    }
  }
  if (chosen.includes('html')) outputs.set('index.html', renderIndex(coverage, loaded.documents))
  const files = [...outputs].map(([path, text]) => ({path, sha256: sha256(text), size: Buffer.byteLength(text)})).sort((a, b) => (a.path < b.path ? -1 : 1))
  const manifest: Manifest = {
    sources: loaded.documents.map((document) => ({document: document.id, path: document.path, language: document.language, revision: document.revision})),
    coverage,
    files
  }
  const epoch = process.env.SOURCE_DATE_EPOCH
  if (epoch !== undefined && /^\d+$/.test(epoch)) manifest.built = new Date(Number(epoch) * 1000).toISOString()
  await removeStaleOutputs(out, new Set(outputs.keys()))
  // Build output can always be rebuilt: written without flushing, several at a time.
  const queue = [...outputs]
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) await writeAtomic(join(out, next[0]), next[1], {durable: false})
  }
  await Promise.all(Array.from({length: 8}, worker))
  await writeAtomic(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, {durable: false})
  return {out, manifest, withheld: coverage.filter((record) => !record.published)}
}

function coverageRecord(page: LocalizedDocument, published: boolean): CoverageRecord {
  return {language: page.language, document: page.document.id, status: page.status, coverage: page.coverage, ...page.counts, published}
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** Delete files a previous build listed in its manifest that this build does not write (a language now withheld). */
async function removeStaleOutputs(out: string, current: ReadonlySet<string>): Promise<void> {
  const previous = await readFile(join(out, 'manifest.json'), 'utf8').then(
    (text) => (JSON.parse(text) as Partial<Manifest>).files ?? [],
    () => []
  )
  for (const file of previous) {
    // Only plain relative paths the build itself writes; a tampered manifest cannot point elsewhere.
    if (typeof file.path === 'string' && /^(?:[A-Za-z0-9-]+\/)?[A-Za-z0-9_-]+\.(?:html|md|txt)$/.test(file.path) && !current.has(file.path)) {
      await rm(join(out, file.path), {force: true})
    }
  }
}
