import {createHash} from 'node:crypto'
import {lstatSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {sha256} from '../checksum.js'
import {failNow} from '../diagnostics.js'
import {errors} from '../errors.js'
import type {RuleCount} from '../render/render-dashboard.js'
import type {StatusRow} from '../types.js'
import {insideProject, type Project} from './project.js'
import {readOwnFile} from './read-text.js'
import {assertRealFolders, stampOf, writeOutputSync} from './write-atomic.js'
import {compareText} from '../order.js'

/** Folder of the build cache in a project: git-ignored, safe to delete at any time. */
export const cacheDir = '.interlinear-cache'

/** One file written by a build, with its checksum. */
export interface OutputFile {
  path: string
  sha256: string
  size: number
}

/**
 * An output file as the build that wrote it left it: with its device, inode, modification time and
 * size. A file put there by anyone else (a checkout of files committed to `dist/`, a copy) has another
 * stamp, so a cache and outputs committed together in a pull request are never taken for a build's own.
 */
export interface CachedFile extends OutputFile {
  stamp: string
}

/** What the previous builds of a project left to reuse. */
export interface BuildCache {
  /** Hash of every input of the last whole build, and what it wrote then. */
  last?: {fingerprint: string; manifest: string; files: CachedFile[]}
  /**
   * Per page (`<lang>/<doc>`, `<lang>/<doc>.review`, `status`): the hash of everything its outputs
   * depend on, those outputs, and for a review page what the dashboard shows of it.
   */
  pages: Record<string, CachedPage>
}

/** A cached page. */
export interface CachedPage {
  key: string
  files: CachedFile[]
  summary?: PageSummary
}

/** What the dashboard shows of a language and document: its counts and its findings per rule. */
export interface PageSummary {
  row: StatusRow
  findings: RuleCount[]
}

// Replaced by a hash of the code when the CLI is bundled; otherwise (tests run from source) every
// process is a new version, so nothing built by other code is ever reused.
declare const __INTERLINEAR_CODE__: string | undefined
const codeVersion = typeof __INTERLINEAR_CODE__ === 'string' ? __INTERLINEAR_CODE__ : `source-${process.pid}-${Date.now()}`

/** A hash of `parts` and of the code that builds: a cache key. */
export function cacheKey(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256').update(codeVersion)
  // Lengths keep ("ab", "c") and ("a", "bc") apart.
  for (const part of parts) hash.update(`\0${part.length}\0`).update(part)
  return hash.digest('hex')
}

// Build outputs and releases checksum their files alike.
export {sha256}

const cacheFile = 'build.json'
const cachePath = (project: Project) => insideProject(project, cacheDir, cacheFile)

/**
 * Read the build cache. It is only a hint: a missing, unreadable or malformed cache (or one written
 * by hand to mislead) reads as empty, and a cached output is reused only when its key matches and the
 * file on disk still has the recorded stamp.
 */
export function readBuildCache(project: Project): BuildCache {
  // Refused before the build writes anything: its write would go wherever the link points.
  if (lstatSync(insideProject(project, cacheDir), {throwIfNoEntry: false})?.isSymbolicLink()) failNow(cacheDir, errors.symlink())
  const bytes = readOwnFile(cachePath(project), `${cacheDir}/${cacheFile}`)
  let data: unknown
  try {
    data = JSON.parse(bytes?.toString('utf8') ?? '')
  } catch {
    return {pages: {}}
  }
  if (!isRecord(data) || !isRecord(data.pages)) return {pages: {}}
  const pages: BuildCache['pages'] = Object.create(null)
  for (const [page, entry] of Object.entries(data.pages)) {
    if (!isRecord(entry) || typeof entry.key !== 'string' || !isFileList(entry.files)) continue
    pages[page] = isPageSummary(entry.summary) ? {key: entry.key, files: entry.files, summary: entry.summary} : {key: entry.key, files: entry.files}
  }
  const last = data.last
  const valid = isRecord(last) && typeof last.fingerprint === 'string' && typeof last.manifest === 'string' && isFileList(last.files)
  return valid ? {last: {fingerprint: last.fingerprint as string, manifest: last.manifest as string, files: last.files as CachedFile[]}, pages} : {pages}
}

/** Write the build cache atomically (not flushed: losing it costs a rebuild, nothing more). */
export function writeBuildCache(project: Project, cache: BuildCache): void {
  const path = cachePath(project)
  assertRealFolders(project.root, dirname(path))
  writeOutputSync(path, `${JSON.stringify(cache)}\n`, project.root)
}

/** The stamp of a regular file (see `CachedFile`); `undefined` when it is missing or not a regular file. */
export function fileStamp(path: string): string | undefined {
  const stats = lstatSync(path, {throwIfNoEntry: false})
  return stats?.isFile() ? stampOf(stats) : undefined
}

/** Cached files as a build reports them: without their stamps. */
export function withoutStamps(files: readonly CachedFile[]): OutputFile[] {
  return files.map(({stamp: _stamp, ...file}) => file)
}

/**
 * Whether every file is in `out` as the build that wrote it left it: the same stamp. A file written or
 * touched since, or put there by a checkout or a copy, has another inode or modification time; so, as
 * for make and git, the stamp is trusted without reading the file.
 */
export function outputsIntact(out: string, files: readonly CachedFile[]): boolean {
  return files.every((file) => file.stamp !== '' && fileStamp(join(out, file.path)) === file.stamp)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// Only plain relative paths a build itself writes: a tampered cache cannot point anywhere else.
const outputPath = /^(?:[A-Za-z0-9-]+\/)?[A-Za-z0-9_.-]+\.(?:html|md|txt|json)$/

function isFileList(value: unknown): value is CachedFile[] {
  return (
    Array.isArray(value) &&
    value.every(
      (file) =>
        isRecord(file) && typeof file.path === 'string' && outputPath.test(file.path) && !file.path.includes('..') && typeof file.sha256 === 'string' && typeof file.size === 'number' && typeof file.stamp === 'string'
    )
  )
}

const rowCounts = ['total', 'translated', 'stale', 'needsReview', 'missing', 'obsolete'] as const

function isPageSummary(value: unknown): value is PageSummary {
  if (!isRecord(value) || !isRecord(value.row) || !Array.isArray(value.findings)) return false
  const {row} = value
  return (
    typeof row.language === 'string' &&
    typeof row.document === 'string' &&
    rowCounts.every((key) => Number.isSafeInteger(row[key])) &&
    value.findings.every((finding) => isRecord(finding) && typeof finding.rule === 'string' && ['error', 'warning', 'info'].includes(finding.severity as string) && Number.isSafeInteger(finding.count))
  )
}

/** What a build's output depends on besides the files: project settings, output settings and folder. */
export interface BuildSettings {
  config: unknown
  /** The options that change what is written, each with its default filled in. */
  options: unknown
  out: string
}

/** A hash of every input of a build as it is on disk (bytes, not decoded): sources, segment files, settings and output folder. */
export function inputFingerprint(sources: readonly {id: string; bytes: Uint8Array}[], segmentFiles: readonly {language: string; id: string; bytes: Uint8Array}[], settings: BuildSettings): string {
  const files = [...segmentFiles].sort((a, b) => compareText(`${a.language}/${a.id}`, `${b.language}/${b.id}`))
  return cacheKey(
    JSON.stringify({config: settings.config, options: settings.options, out: settings.out, epoch: process.env.SOURCE_DATE_EPOCH ?? null}),
    ...sources.flatMap((source) => [source.id, source.bytes]),
    ...files.flatMap((file) => [`${file.language}/${file.id}`, file.bytes])
  )
}
