import type {Stats} from 'node:fs'
import type {CachedFile} from './build-cache.js'
import {isFileList, isRecord, readCacheFile, writeCacheFile} from './cache-folder.js'
import type {Project} from './project.js'

/** An input of a build (a source or a segment file) as the build read it. */
export interface InputRecord {
  /** Path relative to the project, with `/`. */
  path: string
  /** Its stamp, when the build could trust it (see `trustedInputStamp`); otherwise `''`. */
  stamp: string
  /** SHA-256 of its bytes. */
  sha256: string
}

/**
 * What the last whole build read and wrote: enough to tell that a build has nothing to do without
 * reading inputs whose stamps are as recorded, and to answer as that build did.
 */
export interface LastBuild {
  /** The code, project settings, output folder and options it built with, as one string. */
  settings: string
  inputs: InputRecord[]
  /** Its `manifest.json`. */
  manifest: string
  /** Every file it wrote, with its stamp. */
  files: CachedFile[]
}

const lastBuildFile = 'last-build.json'

/** The record of the last whole build; `undefined` when there is none, or it is not one a build wrote. */
export function readLastBuild(project: Project): LastBuild | undefined {
  const data = readCacheFile(project, lastBuildFile)
  if (!isRecord(data) || typeof data.settings !== 'string' || typeof data.manifest !== 'string' || !isFileList(data.files) || !isInputList(data.inputs)) return undefined
  // Every build writes its manifest, whose stamp no one can foresee: a record without it is forged.
  if (!data.files.some((file) => file.path === 'manifest.json')) return undefined
  return {settings: data.settings, inputs: data.inputs, manifest: data.manifest, files: data.files}
}

/** Record the last whole build. */
export function writeLastBuild(project: Project, last: LastBuild): void {
  writeCacheFile(project, lastBuildFile, last)
}

function isInputList(value: unknown): value is InputRecord[] {
  return Array.isArray(value) && value.every((input) => isRecord(input) && typeof input.path === 'string' && typeof input.stamp === 'string' && typeof input.sha256 === 'string')
}

/**
 * The stamp of an input file: device, inode, size, modification and change time. Any write changes the
 * change time, which no program can set back: a file with the stamp a build recorded holds the bytes it read.
 */
export function inputStamp(stats: Stats): string {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`
}

// A file changed this shortly before it was read may change again within the same tick of the file
// system's clock (coarse on Linux, 2 s on FAT), its times unchanged.
const racyMs = 2000

/**
 * The stamp of an input whose stats were taken when it was read at `readAt` (ms since the epoch), or
 * `''` when it had changed too shortly before then for its times to tell a later change (git's
 * "racily clean" files): such a file is read again by the next build, which then records its stamp.
 */
export function trustedInputStamp(stats: Stats, readAt: number): string {
  // A file system that keeps no times (they read as 0) cannot be trusted by them.
  const kept = stats.mtimeMs > 0 && stats.ctimeMs > 0
  return kept && Math.max(stats.mtimeMs, stats.ctimeMs) < readAt - racyMs ? inputStamp(stats) : ''
}
