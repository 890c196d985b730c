import {VFile} from 'vfile'
import {defaults} from '../config.js'
import {InputError, fail} from '../diagnostics.js'
import {errors} from '../errors.js'
import {listDocuments, listLanguages, listSegmentFiles, segmentFilePath, sourcePath, type Project} from './project.js'
import {decodeText, readBytes} from './read-text.js'
import {compareText} from '../order.js'

/** Options for `readProjectFiles` and `loadProject`. */
export interface LoadOptions {
  /** Languages to load (default: every folder in `translations/`). */
  languages?: readonly string[]
}

/** One file of a project as read from disk, not decoded yet. */
export interface FileBytes {
  /** Path relative to the project, as diagnostics show it. */
  path: string
  bytes: Buffer
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

/** `readProjectFiles` without decoding: a build whose inputs are unchanged needs their bytes alone. */
export function readProjectBytes(project: Project, options: LoadOptions = {}): ProjectBytes {
  const failed: VFile[] = []
  const read = (absolute: string, path: string) => collect(() => ({path, bytes: readBytes(absolute, path)}), failed)
  const ids = listDocuments(project)
  // Display paths are made, not related back from absolute ones: listed names cannot leave their folders.
  const sourceReads = ids.map((id) => read(sourcePath(project, id), `${defaults.sourceDir}/${id}.md`))
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
  const listed = languages.flatMap((language) => listSegmentFiles(project, language).map((id) => ({language, id})))
  const segmentReads = listed.map(({language, id}) => {
    const absolute = segmentFilePath(project, language, id)
    const path = `${defaults.translationsDir}/${language}/${id}.md`
    if (known.has(id)) {
      const file = read(absolute, path)
      return file && {...file, language, id}
    }
    const file = failedFile(path)
    fail(file, errors.unknownDocument(id), {line: 1, column: 1})
    failed.push(file)
    return undefined
  })
  const sources = sourceReads.flatMap((file, index) => (file ? [{...file, id: ids[index]!}] : []))
  const segmentFiles = segmentReads.flatMap((file) => (file ? [file] : []))
  return {project, sources, languages, segmentFiles, failed}
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
