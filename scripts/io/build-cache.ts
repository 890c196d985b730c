import {createHash} from 'node:crypto'
import {sha256} from '../checksum.js'
import type {RuleCount} from '../render/render-dashboard.js'
import type {StatusRow} from '../types.js'
import {codeVersion, isFileList, isRecord, readCacheFile, writeCacheFile} from './cache-folder.js'
import type {Project} from './project.js'

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

/** What the previous builds of a project left to reuse (the last whole build is recorded apart: see last-build.ts). */
export interface BuildCache {
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

/** A hash of `parts` and of the code that builds: a cache key. */
export function cacheKey(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256').update(codeVersion)
  // Lengths keep ("ab", "c") and ("a", "bc") apart.
  for (const part of parts) hash.update(`\0${part.length}\0`).update(part)
  return hash.digest('hex')
}

// Build outputs and releases checksum their files alike.
export {sha256}

const pagesFile = 'build.json'

/**
 * Read the build cache. It is only a hint: a missing, unreadable or malformed cache (or one written
 * by hand to mislead) reads as empty, and a cached output is reused only when its key matches and the
 * file on disk still has the recorded stamp.
 */
export function readBuildCache(project: Project): BuildCache {
  const data = readCacheFile(project, pagesFile)
  if (!isRecord(data) || !isRecord(data.pages)) return {pages: {}}
  const pages: BuildCache['pages'] = Object.create(null)
  for (const [page, entry] of Object.entries(data.pages)) {
    if (!isRecord(entry) || typeof entry.key !== 'string' || !isFileList(entry.files)) continue
    pages[page] = isPageSummary(entry.summary) ? {key: entry.key, files: entry.files, summary: entry.summary} : {key: entry.key, files: entry.files}
  }
  return {pages}
}

/** Write the build cache. */
export function writeBuildCache(project: Project, cache: BuildCache): void {
  writeCacheFile(project, pagesFile, cache)
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
