import {join, resolve} from 'node:path'
import {defaults, outputFormats} from '../config.js'
import {inputFingerprint, outputsIntact, readBuildCache, withoutStamps, type BuildCache, type OutputFile} from '../io/build-cache.js'
import {withProjectLock} from '../io/lock.js'
import {assertLanguageTag, type Project} from '../io/project.js'
import {readConfig} from '../io/read-config.js'
import {decodeProjectFiles, readProjectBytes, type ProjectBytes} from '../io/read-project-files.js'
import type {ProjectConfig} from '../io/read-config.js'
import type {LocalizedCounts, LocalizedDocument, StalePolicy} from '../merge/merge-translations.js'
import type {CheckReport} from './check.js'
import type {FileChange} from './update.js'

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
  /**
   * Render only the languages of shard `index` of `count` (1-based): the project's languages sorted,
   * dealt out in turn. `index.html` and `manifest.json` list every language in every shard, so the
   * union of all shards' output is the full build, byte for byte.
   */
  shard?: {index: number; count: number}
  /** Threads to use: with two or more, one writes the output files and the others render (default: as many as the number of pages pays for, up to the cores). */
  jobs?: number
  /**
   * With HTML: also write the dashboard `status.html` and a review page `<lang>/<doc>.review.html` per
   * translation (default true; a release leaves them out).
   */
  review?: boolean
  /** Called as each language of a document is rendered, for a progress line on long builds. */
  onProgress?: (progress: BuildProgress) => void
  /** Called with what a user should know but that does not stop the build. */
  onWarning?: (message: string) => void
}

/** How far `build` got: language `done` of `total` of `document`. */
export interface BuildProgress {
  document: string
  done: number
  total: number
}

/** Coverage of one language and document, as recorded in the manifest. */
export interface CoverageRecord extends LocalizedCounts {
  language: string
  document: string
  status: LocalizedDocument['status']
  coverage: number
  published: boolean
}

/**
 * One file of the build. Without checksums: a shard lists every file of the full build without
 * rendering it (`BuildResult.files` has the checksums of what a build wrote).
 */
export interface ManifestFile {
  path: string
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
  /** The files this build wrote or found up to date (its shard's, with a shard), with checksums; not `manifest.json`. */
  files: OutputFile[]
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
 * (a build time is recorded only when SOURCE_DATE_EPOCH is set, and then it is that time). Pages whose
 * inputs did not change since the last build, and whose files are intact, are not rendered again.
 */
export async function build(project: Project, options: BuildOptions = {}): Promise<BuildResult> {
  for (const language of options.languages ?? []) assertLanguageTag(language)
  const run = async () => {
    const inputs = await readBuildInputs(project, options)
    const unchanged = unchangedResult(inputs, options)
    if (unchanged !== undefined) return unchanged
    const {buildProject} = await import('./build-project.js')
    return buildProject(decodeProjectFiles(inputs.files), inputs.config, options, inputs.cache)
  }
  // Only a run that writes segment files takes the project lock.
  return options.update ? withProjectLock(project, run) : run()
}

/**
 * `build` without options when nothing changed since the last build and its outputs are intact: the
 * last build's result, with nothing parsed, rendered or written; otherwise `undefined`. It loads only what it
 * reads, for the small bundle that answers `interlinear build` when nothing changed (scripts/warm.ts).
 */
export async function upToDate(project: Project): Promise<BuildResult | undefined> {
  return unchangedResult(await readBuildInputs(project, {}), {})
}

/** What a build reads before it knows whether anything changed: settings, cache and the files' bytes. */
interface BuildInputs {
  config: ProjectConfig
  out: string
  cache: BuildCache
  files: ProjectBytes
}

async function readBuildInputs(project: Project, options: BuildOptions): Promise<BuildInputs> {
  const config = readConfig(project)
  const out = resolve(options.out ?? join(project.root, defaults.distDir))
  const cache = readBuildCache(project)
  // Every language is read, even with --lang: a fallback chain may lead through any of them.
  return {config, out, cache, files: readProjectBytes(project)}
}

/** The last build's result when the inputs hash as they did then and its outputs are intact. */
function unchangedResult({config, out, cache, files}: BuildInputs, options: BuildOptions): BuildResult | undefined {
  if (options.update || options.check || files.failed.length > 0 || cache.last === undefined) return undefined
  // Bytes as the last build read them, and decoded then: they need not be decoded again to be trusted.
  if (cache.last.fingerprint !== buildFingerprint(files, config, options, out) || !outputsIntact(out, cache.last.files)) return undefined
  const written = withoutStamps(cache.last.files.filter((file) => file.path !== 'manifest.json'))
  return resultOf(out, JSON.parse(cache.last.manifest) as Manifest, written)
}

// What a build writes when an option is left out: `{}` and the CLI's spelled-out defaults hash alike.
const outputDefaults = {formats: outputFormats, minCoverage: 0, width: defaults.width, stale: 'fallback', pseudo: false, review: true}

/**
 * A hash of everything a build's outputs depend on: the files as read, the project settings, the
 * output folder and the options, defaults filled in. Updating and checking change segment files
 * first: the hash is of what the build then reads. Threads change how fast, not what.
 */
export function buildFingerprint(files: {sources: readonly {id: string; bytes: Uint8Array}[]; segmentFiles: readonly {language: string; id: string; bytes: Uint8Array}[]}, config: ProjectConfig, options: BuildOptions, out: string): string {
  const {update: _update, check: _check, jobs: _jobs, out: _out, onProgress: _onProgress, onWarning: _onWarning, ...rest} = options
  const settings = {...outputDefaults, ...Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined))}
  return inputFingerprint(files.sources, files.segmentFiles, {config, options: settings, out})
}

/** What `interlinear build` prints when it is done (without --json or --quiet). */
export function buildSummary(result: BuildResult): string {
  return `wrote ${result.files.length + 1} files to ${result.out}\n`
}

/** The result of a build that wrote `manifest` and `files` to `out`. */
export function resultOf(out: string, manifest: Manifest, files: OutputFile[]): BuildResult {
  return {out, manifest, files, withheld: manifest.coverage.filter((record) => !record.published)}
}
