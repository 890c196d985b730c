import {defaults} from '../config.js'
import type {CachedFile, OutputFile} from './build-cache.js'
import {isOutputList, isRecord, isStampList, readCacheText, withoutStamps, writeCacheText} from './cache-folder.js'
import type {Project} from './project.js'

/** An input of a build (a source or a segment file) as the build read it. */
export interface InputRecord {
  /** Path relative to the project, with `/`. */
  path: string
  /** Its stamp, when the build could trust it (see `trustedInputStamp` in stamps.ts); otherwise `''`. */
  stamp: string
  /** SHA-256 of its bytes. */
  sha256: string
}

/** An output file (see `CachedFile`) or an input folder (see `inputStamp` in stamps.ts) by its stamp. */
export interface StampedPath {
  /** Path relative to the output folder or the project, with `/`. */
  path: string
  stamp: string
}

/**
 * What the last whole build read and wrote: enough to tell that a build has nothing to do without
 * reading inputs whose stamps are as recorded, and to answer as that build did.
 */
export interface LastBuild {
  /** The code, project settings, output folder and options it built with, as one string. */
  settings: string
  inputs: InputRecord[]
  /**
   * The folders it listed to find its inputs (`source`, `translations` and each language's), by their
   * stamps taken before listing them, where they can be trusted (or `''`): while a folder's stamp is
   * as recorded, no entry was added to it, removed or renamed.
   */
  folders: StampedPath[]
  /** The stamp of every file it wrote, its manifest included. */
  outputs: StampedPath[]
  /**
   * What it reported (see `LastReport`), as JSON: parsed only by a build that answers with it, not by
   * `interlinear build`, which prints a count (at 500 languages, most of the record).
   */
  report: string
}

/** What the last whole build reported: its `manifest.json`, and every file it wrote, with checksums. */
export interface LastReport {
  manifest: string
  files: OutputFile[]
}

const lastBuildFile = 'last-build.json'

/**
 * The record of the last whole build; `undefined` when there is none, or it is not one a build wrote.
 * Two lines of JSON in one file (written at once, so they always belong together): the record, and
 * the report, which is only split off here.
 */
export function readLastBuild(project: Project): LastBuild | undefined {
  const text = readCacheText(project, lastBuildFile)
  const end = text?.indexOf('\n') ?? -1
  let data: unknown
  try {
    data = JSON.parse(text!.slice(0, end))
  } catch {
    return undefined
  }
  if (!isRecord(data) || typeof data.settings !== 'string' || !isInputList(data.inputs) || !isFolderList(data.folders) || !isStampList(data.outputs)) return undefined
  // Every build writes its manifest, whose stamp no one can foresee: a record without it is forged.
  if (!data.outputs.some((file) => file.path === 'manifest.json')) return undefined
  return {settings: data.settings, inputs: data.inputs, folders: data.folders, outputs: data.outputs, report: text!.slice(end + 1).trimEnd()}
}

/** The report of a record, or `undefined` when it is not one a build wrote. */
export function lastReport(last: LastBuild): LastReport | undefined {
  let data: unknown
  try {
    data = JSON.parse(last.report)
  } catch {
    return undefined
  }
  return isRecord(data) && typeof data.manifest === 'string' && isOutputList(data.files) ? {manifest: data.manifest, files: data.files} : undefined
}

/** The record of a whole build that read `inputs` found in `folders` and wrote `files` (with their stamps) and `manifest`. */
export function lastBuild(settings: string, inputs: InputRecord[], folders: StampedPath[], manifest: string, files: readonly CachedFile[]): LastBuild {
  return {settings, inputs, folders, outputs: files.map(({path, stamp}) => ({path, stamp})), report: JSON.stringify({manifest, files: withoutStamps(files)})}
}

/** Record the last whole build. */
export function writeLastBuild(project: Project, last: LastBuild): void {
  const {report, ...record} = last
  writeCacheText(project, lastBuildFile, `${JSON.stringify(record)}\n${report}\n`)
}

function isInputList(value: unknown): value is InputRecord[] {
  return Array.isArray(value) && value.every((input) => isRecord(input) && isInputPath(input.path) && typeof input.stamp === 'string' && typeof input.sha256 === 'string')
}

function isFolderList(value: unknown): value is StampedPath[] {
  return Array.isArray(value) && value.every((folder) => isRecord(folder) && isInputFolder(folder.path) && typeof folder.stamp === 'string')
}

// Only the paths a listing finds: a tampered record cannot send a build reading anywhere else.
const inputFolder = new RegExp(`^(?:${defaults.sourceDir}|${defaults.translationsDir}(?:/[A-Za-z0-9-]+)?)$`)
const inputPath = new RegExp(`^(?:${defaults.sourceDir}|${defaults.translationsDir}/[A-Za-z0-9-]+)/[A-Za-z0-9_-]+\\.md$`)
const isInputFolder = (path: unknown): path is string => typeof path === 'string' && inputFolder.test(path)
const isInputPath = (path: unknown): path is string => typeof path === 'string' && inputPath.test(path)
