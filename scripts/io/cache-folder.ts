import {lstatSync} from 'node:fs'
import {dirname} from 'node:path'
import {failNow} from '../diagnostics.js'
import {errors} from '../errors.js'
import type {CachedFile, OutputFile} from './build-cache.js'
import type {StampedPath} from './last-build.js'
import {folderPrefix, insideProject, type Project} from './project.js'
import {readOwnFile} from './read-text.js'
import {hasOutputStamp} from './stamps.js'
import {assertRealFolders, writeOutputSync} from './write-atomic.js'

/** Folder of the build cache in a project: git-ignored, safe to delete at any time. */
export const cacheDir = '.interlinear-cache'

// Replaced by a hash of the code when the CLI is bundled; otherwise (tests run from source) every
// process is a new version, so nothing built by other code is ever reused.
declare const __INTERLINEAR_CODE__: string | undefined
/** The version of the code that builds: part of every cache key and of the record of the last build. */
export const codeVersion = typeof __INTERLINEAR_CODE__ === 'string' ? __INTERLINEAR_CODE__ : `source-${process.pid}-${Date.now()}`

/**
 * The text of the cache file `name`, or `undefined` when there is none: the cache is only a hint. A
 * symbolic link at the cache folder is refused, before the build writes anything: its write would go
 * wherever the link points.
 */
export function readCacheText(project: Project, name: string): string | undefined {
  if (lstatSync(insideProject(project, cacheDir), {throwIfNoEntry: false})?.isSymbolicLink()) failNow(cacheDir, errors.symlink())
  return readOwnFile(insideProject(project, cacheDir, name), `${cacheDir}/${name}`)?.toString('utf8')
}

/** The JSON data of the cache file `name`, or `undefined` when there is none or it is not JSON (see `readCacheText`). */
export function readCacheFile(project: Project, name: string): unknown {
  try {
    return JSON.parse(readCacheText(project, name) ?? '')
  } catch {
    return undefined
  }
}

/** Write the cache file `name` atomically (not flushed: losing it costs a rebuild, nothing more). */
export function writeCacheText(project: Project, name: string, text: string): void {
  const path = insideProject(project, cacheDir, name)
  assertRealFolders(project.root, dirname(path))
  writeOutputSync(path, text, project.root)
}

/** Write `data` as the JSON of the cache file `name` (see `writeCacheText`). */
export function writeCacheFile(project: Project, name: string, data: unknown): void {
  writeCacheText(project, name, `${JSON.stringify(data)}\n`)
}

/** Whether `value` is an object that is not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const outputPath = /^(?:[A-Za-z0-9-]+\/)?[A-Za-z0-9_.-]+\.(?:html|md|txt|json)$/

// Only plain relative paths a build itself writes: a tampered cache cannot point anywhere else.
const isOutputPath = (path: unknown): path is string => typeof path === 'string' && outputPath.test(path) && !path.includes('..')

/** Whether `value` is a list of output files by their stamps. */
export function isStampList(value: unknown): value is StampedPath[] {
  return Array.isArray(value) && value.every((file) => isRecord(file) && isOutputPath(file.path) && typeof file.stamp === 'string')
}

/** Whether `value` is a list of output files with their checksums. */
export function isOutputList(value: unknown): value is OutputFile[] {
  return Array.isArray(value) && value.every((file) => isRecord(file) && isOutputPath(file.path) && typeof file.sha256 === 'string' && typeof file.size === 'number')
}

/** Whether `value` is a list of output files as a build records them: checksums and stamps. */
export function isFileList(value: unknown): value is CachedFile[] {
  return isStampList(value) && isOutputList(value)
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
export function outputsIntact(out: string, files: readonly StampedPath[]): boolean {
  // Recorded paths are plain relative ones (`isStampList`).
  const folder = folderPrefix(out)
  return files.every((file) => {
    const stats = lstatSync(folder + file.path, {throwIfNoEntry: false})
    return stats?.isFile() === true && hasOutputStamp(stats, file.stamp)
  })
}
