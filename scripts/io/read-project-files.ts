import {lstatSync} from 'node:fs'
import {VFile} from 'vfile'
import {defaults, relativeSegmentFilePath} from '../config.js'
import {InputError, fail} from '../diagnostics.js'
import {errors} from '../errors.js'
import {folderPrefix, insideProject, listDocuments, listLanguages, listSegmentFiles, segmentFilePath, sourcePath, type Project} from './project.js'
import type {LastBuild, StampedPath} from './last-build.js'
import {hasInputStamp, trustedInputStamp} from './stamps.js'
import {decodeText, readFileBytes} from './read-text.js'
import {compareText} from '../order.js'

/** Options for `readProjectFiles` and `loadProject`. */
export interface LoadOptions {
  /** Languages to load (default: every folder in `translations/`). */
  languages?: readonly string[]
}

/** A file of a project found by listing its folders, not read yet. */
export interface ListedFile {
  absolute: string
  /** Path relative to the project, as diagnostics show it. */
  path: string
}

/** One file of a project as read from disk, not decoded yet. */
export interface FileBytes {
  /** Path relative to the project, as diagnostics show it. */
  path: string
  bytes: Buffer
  /** Its stamp when read, where it can be trusted (see `trustedInputStamp`). */
  stamp: string
}

/** One file of a project as read from disk: its bytes and their strictly decoded text. */
export interface ReadFile extends FileBytes {
  text: string
}

/** The files of a project, read but not parsed; `File` is what is known of each. */
export interface ProjectFilesOf<File> {
  project: Project
  sources: (File & {id: string})[]
  /** Languages with a folder in `translations/` (or the requested ones), sorted. */
  languages: string[]
  segmentFiles: (File & {language: string; id: string})[]
  /** The folders listed to find them, by their stamps before listing (see `LastBuild`). */
  folders: StampedPath[]
  /** Files that could not be read or decoded, or should not be there, with their messages. */
  failed: VFile[]
}

/** The files of a project, read but not decoded: enough to tell whether they changed since a build. */
export type ProjectBytes = ProjectFilesOf<FileBytes>

/** The files of a project, read and decoded but not parsed. */
export type ProjectFiles = ProjectFilesOf<ReadFile>

// Run a reader and turn an InputError from it into messages on a shared list.
function collect<T>(read: () => T, failed: VFile[]): T | undefined {
  try {
    return read()
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    failed.push(...error.files)
    return undefined
  }
}

/**
 * Read every source document and the segment files of the requested languages, in a fixed order so
 * that reports are deterministic. Nothing is parsed.
 */
export function readProjectFiles(project: Project, options: LoadOptions = {}): ProjectFiles {
  return decodeProjectFiles(readProjectBytes(project, options))
}

/** The files of a project as listed, not read: the sources, and the segment files of the requested languages. */
export type ProjectListing = ProjectFilesOf<ListedFile>

/**
 * List the project's files without reading them: every source document, and the segment files of the
 * requested languages; a segment file of no document joins the failures.
 */
export function listProjectFiles(project: Project, options: LoadOptions = {}): ProjectListing {
  const failed: VFile[] = []
  const listedAt = Date.now()
  const folders: StampedPath[] = []
  // Before the listing: a change made meanwhile leaves the folder with another stamp than recorded.
  const stampFolder = (...parts: string[]) => {
    const stats = lstatSync(insideProject(project, ...parts), {throwIfNoEntry: false})
    folders.push({path: parts.join('/'), stamp: stats?.isDirectory() ? trustedInputStamp(stats, listedAt) : ''})
  }
  stampFolder(defaults.sourceDir)
  const ids = listDocuments(project)
  // Display paths are made, not related back from absolute ones: listed names cannot leave their folders.
  const sources = ids.map((id) => ({id, absolute: sourcePath(project, id), path: `${defaults.sourceDir}/${id}.md`}))
  stampFolder(defaults.translationsDir)
  const existing = listLanguages(project)
  for (const language of options.languages ?? []) {
    if (!existing.includes(language)) {
      const file = failedFile(`${defaults.translationsDir}/${language}`)
      fail(file, errors.unknownLanguage(language))
      failed.push(file)
    }
  }
  const languages = options.languages ? existing.filter((language) => options.languages!.includes(language)) : existing
  const known = new Set(ids)
  const segmentFiles: ProjectListing['segmentFiles'] = []
  for (const language of languages) {
    stampFolder(defaults.translationsDir, language)
    for (const id of listSegmentFiles(project, language)) {
      const path = relativeSegmentFilePath(language, id)
      if (known.has(id)) {
        segmentFiles.push({language, id, absolute: segmentFilePath(project, language, id), path})
        continue
      }
      const file = failedFile(path)
      fail(file, errors.unknownDocument(id), {line: 1, column: 1})
      failed.push(file)
    }
  }
  return {project, sources, languages, segmentFiles, folders, failed}
}

/**
 * The inputs of the last build, without listing a folder, when every folder it listed still has the
 * stamp it recorded (so still holds the same entries); otherwise `undefined`.
 */
export function listedAsRecorded(project: Project, last: Pick<LastBuild, 'folders' | 'inputs'>): ListedFile[] | undefined {
  // Recorded paths are plain relative ones (`readLastBuild` checks them).
  const root = folderPrefix(project.root)
  const folders = new Set<string>()
  for (const {path, stamp} of last.folders) {
    const stats = lstatSync(root + path, {throwIfNoEntry: false})
    if (!stats?.isDirectory() || !hasInputStamp(stats, stamp)) return undefined
    folders.add(path)
  }
  const inputs = last.inputs.map(({path}) => ({path, absolute: root + path}))
  // Every input where a recorded folder holds it.
  return inputs.every(({path}) => folders.has(path.slice(0, path.lastIndexOf('/')))) ? inputs : undefined
}

/** `readProjectFiles` without decoding, each file with its stamp: a build records both (see last-build.ts). */
export function readProjectBytes(project: Project, options: LoadOptions = {}): ProjectBytes {
  const listing = listProjectFiles(project, options)
  const failed = [...listing.failed]
  const readAt = Date.now()
  const read = <File extends ListedFile>({absolute, ...file}: File) =>
    collect(() => {
      const {bytes, stats} = readFileBytes(absolute, file.path)
      return [{...file, bytes, stamp: trustedInputStamp(stats, readAt)}]
    }, failed) ?? []
  return {...listing, sources: listing.sources.flatMap(read), segmentFiles: listing.segmentFiles.flatMap(read), failed}
}

/** Decode the files read by `readProjectBytes` strictly as UTF-8; a file that is not joins the failures. */
export function decodeProjectFiles(read: ProjectBytes): ProjectFiles {
  const failed = [...read.failed]
  const decode = <File extends FileBytes>(file: File) => {
    const decoded = collect(() => ({...file, text: decodeText(file.bytes, file.path)}), failed)
    return decoded ? [decoded] : []
  }
  const sources = read.sources.flatMap(decode)
  const segmentFiles = read.segmentFiles.flatMap(decode)
  // Sources fail before segment files: sort failures by path for a report in file order.
  failed.sort((a, b) => compareText(a.path, b.path))
  return {...read, sources, segmentFiles, failed}
}

function failedFile(path: string): VFile {
  return new VFile({path})
}
