import {lstatSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {defaults, outputFormats} from '../config.js'
import {codeVersion, outputsIntact} from '../io/cache-folder.js'
import type {OutputFile} from '../io/build-cache.js'
import {lastReport, readLastBuild, writeLastBuild, type LastBuild} from '../io/last-build.js'
import {hasInputStamp, trustedInputStamp} from '../io/stamps.js'
import {withProjectLock} from '../io/lock.js'
import {isFileSystemError} from '../diagnostics.js'
import {assertLanguageTag, type Project} from '../io/project.js'
import {readConfig} from '../io/read-config.js'
import {listedAsRecorded, listProjectFiles} from '../io/read-project-files.js'
import type {ProjectConfig} from '../io/read-config.js'
import {readFileBytes} from '../io/read-text.js'
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
    const last = readLastBuild(project)
    const unchanged = last && (await unchangedBuild(project, options, last))
    const report = unchanged && lastReport(unchanged.last)
    // The manifest is written but not listed in a result's files.
    if (unchanged && report) return resultOf(unchanged.out, JSON.parse(report.manifest) as Manifest, report.files.filter((file) => file.path !== 'manifest.json'))
    const {buildProject} = await import('./build-project.js')
    return buildProject(project, options, last)
  }
  // Only a run that writes segment files takes the project lock.
  return options.update ? withProjectLock(project, run) : run()
}

/**
 * `build` without options when nothing changed since the last build and its outputs are intact: what
 * `interlinear build` prints then (`buildSummary`), with nothing parsed, rendered or written; otherwise
 * `undefined`. It loads only what it reads, for the small bundle that answers `interlinear build` when
 * nothing changed (scripts/warm.ts).
 */
export async function upToDate(project: Project): Promise<string | undefined> {
  const last = readLastBuild(project)
  const unchanged = last && (await unchangedBuild(project, {}, last))
  return unchanged && summary(unchanged.last.outputs.length, unchanged.out)
}

/**
 * The record of the last whole build (`last`), and its output folder, when the code, settings,
 * options and inputs are as it found them and its outputs are intact; otherwise `undefined`. Folders
 * whose stamps are as recorded are not listed again. An input whose stamp is as recorded is not read;
 * any other is read, and counts as changed only if its bytes did (a file touched or checked out again).
 */
async function unchangedBuild(project: Project, options: BuildOptions, last: LastBuild): Promise<{last: LastBuild; out: string} | undefined> {
  if (options.update || options.check) return undefined
  const out = outputFolder(project, options)
  if (last.settings !== buildSettings(readConfig(project), options, out)) return undefined
  let restamped = false
  let inputs = listedAsRecorded(project, last)
  if (inputs === undefined) {
    const listing = listProjectFiles(project)
    inputs = [...listing.sources, ...listing.segmentFiles]
    if (listing.failed.length > 0 || inputs.length !== last.inputs.length) return undefined
    restamped = JSON.stringify(listing.folders) !== JSON.stringify(last.folders)
    last.folders = listing.folders
  }
  const recorded = new Map(last.inputs.map((input) => [input.path, input]))
  const readAt = Date.now()
  for (const {absolute, path} of inputs) {
    const record = recorded.get(path)
    const stats = lstatSync(absolute, {throwIfNoEntry: false})
    // Gone, or a link: the whole build says what is wrong.
    if (record === undefined || stats?.isFile() !== true) return undefined
    if (hasInputStamp(stats, record.stamp)) continue
    const read = readFileBytes(absolute, path)
    // Loaded only here: a build whose stamps all match needs no hash at all.
    const {sha256} = await import('../checksum.js')
    if (sha256(read.bytes) !== record.sha256) return undefined
    const stamp = trustedInputStamp(read.stats, readAt)
    restamped ||= stamp !== record.stamp
    record.stamp = stamp
  }
  if (!outputsIntact(out, last.outputs)) return undefined
  // Stamps that can be trusted now spare the next build reading those files. Only a hint: a build with
  // nothing to do still succeeds where it cannot write (a read-only checkout).
  if (restamped) {
    try {
      writeLastBuild(project, last)
    } catch (error) {
      if (!isFileSystemError(error)) throw error
    }
  }
  return {last, out}
}

/** The folder a build writes to. */
export function outputFolder(project: Project, options: BuildOptions): string {
  return resolve(options.out ?? join(project.root, defaults.distDir))
}

// What a build writes when an option is left out: `{}` and the CLI's spelled-out defaults record alike.
const outputDefaults = {formats: outputFormats, minCoverage: 0, width: defaults.width, stale: 'fallback', pseudo: false, review: true}

/**
 * Everything a build's outputs depend on besides its inputs, as one string: the code, the project
 * settings, the output folder and the options, defaults filled in. Threads change how fast, not what.
 */
export function buildSettings(config: ProjectConfig, options: BuildOptions, out: string): string {
  const {update: _update, check: _check, jobs: _jobs, out: _out, onProgress: _onProgress, onWarning: _onWarning, ...rest} = options
  const settings = {...outputDefaults, ...Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined))}
  return JSON.stringify({code: codeVersion, config, options: settings, out, epoch: process.env.SOURCE_DATE_EPOCH ?? null})
}

/** What `interlinear build` prints when it is done (without --json or --quiet). */
export function buildSummary(result: BuildResult): string {
  // The manifest is not in `files`.
  return summary(result.files.length + 1, result.out)
}

function summary(count: number, out: string): string {
  return `wrote ${count} files to ${out}\n`
}

/** The result of a build that wrote `manifest` and `files` to `out`. */
export function resultOf(out: string, manifest: Manifest, files: OutputFile[]): BuildResult {
  return {out, manifest, files, withheld: manifest.coverage.filter((record) => !record.published)}
}
