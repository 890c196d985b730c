import {VFile} from 'vfile'
import {defaults} from '../config.js'
import {InputError, fail} from '../diagnostics.js'
import {errors} from '../errors.js'
import {listDocuments, listLanguages, listSegmentFiles, projectPath, segmentFilePath, sourcePath, type Project} from './project.js'
import {readTextAndBytes} from './read-text.js'
import {compareText} from '../order.js'

/** Options for `readProjectFiles` and `loadProject`. */
export interface LoadOptions {
  /** Languages to load (default: every folder in `translations/`). */
  languages?: readonly string[]
}

/** One file of a project as read from disk: its bytes and their strictly decoded text. */
export interface ReadFile {
  /** Path relative to the project, as diagnostics show it. */
  path: string
  text: string
  bytes: Buffer
}

/** The files of a project, read but not parsed. */
export interface ProjectFiles {
  project: Project
  sources: (ReadFile & {id: string})[]
  /** Languages with a folder in `translations/` (or the requested ones), sorted. */
  languages: string[]
  segmentFiles: (ReadFile & {language: string; id: string})[]
  /** Files that could not be read, or should not be there, with their messages. */
  failed: VFile[]
}

// Read a file and turn an InputError from the reader into messages on a shared list.
function readOrCollect(absolute: string, path: string, failed: VFile[]): ReadFile | undefined {
  try {
    return {path, ...readTextAndBytes(absolute, path)}
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
  const failed: VFile[] = []
  const ids = listDocuments(project)
  const sourceReads = ids.map((id) => readOrCollect(sourcePath(project, id), projectPath(project, sourcePath(project, id)), failed))
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
    const path = projectPath(project, absolute)
    if (known.has(id)) {
      const read = readOrCollect(absolute, path, failed)
      return read && {...read, language, id}
    }
    const file = failedFile(path)
    fail(file, errors.unknownDocument(id), {line: 1, column: 1})
    failed.push(file)
    return undefined
  })
  const sources = sourceReads.flatMap((read, index) => (read ? [{...read, id: ids[index]!}] : []))
  const segmentFiles = segmentReads.flatMap((read) => (read ? [read] : []))
  // Sources fail before segment files: sort failures by path for a report in file order.
  failed.sort((a, b) => compareText(a.path, b.path))
  return {project, sources, languages, segmentFiles, failed}
}

function failedFile(path: string): VFile {
  return new VFile({path})
}
