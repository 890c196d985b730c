import {access} from 'node:fs/promises'
import {VFile} from 'vfile'
import {defaults} from '../config.js'
import {InputError, fail, throwIfErrors} from '../diagnostics.js'
import {errors} from '../errors.js'
import {parseSourceDocument} from '../parse/parse-source-document.js'
import {parseSegmentFile} from '../segment-file/parse-segment-file.js'
import type {SegmentFile, SourceDocument} from '../types.js'
import {listDocuments, listLanguages, listSegmentFiles, projectPath, segmentFilePath, sourcePath, type Project} from './project.js'
import {readTextAndBytes} from './read-text.js'

/** Everything a command needs from disk, parsed and validated. */
export interface LoadedProject {
  project: Project
  documents: SourceDocument[]
  /** Languages with a folder in `translations/`, sorted. */
  languages: string[]
  /** Segment file of each language and document; absent when not created yet. */
  segmentFiles: Map<string, Map<string, SegmentFile>>
  /** The bytes of each segment file as read, by language and document. */
  segmentFileBytes: Map<string, Map<string, Buffer>>
  /** Diagnostics files of every file read, for reporting warnings. */
  files: VFile[]
}

/** Options for `loadProject`. */
export interface LoadOptions {
  /** Languages to load (default: every folder in `translations/`). */
  languages?: readonly string[]
}

// Read a file and turn an InputError from the reader into messages on a shared list.
async function readOrCollect(absolute: string, display: string, failed: VFile[]): Promise<{text: string; bytes: Buffer} | undefined> {
  try {
    return await readTextAndBytes(absolute, display)
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    failed.push(...error.files)
    return undefined
  }
}

/**
 * Read and parse every source document and the segment files of the requested languages. All problems
 * of all files are gathered first, then thrown together as one `InputError`, so a user sees every
 * mistake at once and no command goes on with bad input.
 */
export async function loadProject(project: Project, options: LoadOptions = {}): Promise<LoadedProject> {
  const failed: VFile[] = []
  const files: VFile[] = []
  const documents: SourceDocument[] = []
  for (const id of await listDocuments(project)) {
    const path = projectPath(project, sourcePath(project, id))
    const read = await readOrCollect(sourcePath(project, id), path, failed)
    if (read === undefined) continue
    const {document, file} = parseSourceDocument(read.text, {id, path})
    files.push(file)
    if (document !== undefined) documents.push(document)
  }
  const existing = await listLanguages(project)
  for (const language of options.languages ?? []) {
    if (!existing.includes(language)) {
      const file = failedFile(`${defaults.translationsDir}/${language}`)
      fail(file, errors.unknownLanguage(language))
      failed.push(file)
    }
  }
  const languages = options.languages ? existing.filter((language) => options.languages!.includes(language)) : existing
  const segmentFiles = new Map<string, Map<string, SegmentFile>>()
  const segmentFileBytes = new Map<string, Map<string, Buffer>>()
  const known = new Set(documents.map((document) => document.id))
  // Read every file at once (IO overlaps), then parse in a fixed order so reports are deterministic.
  const listed = await Promise.all(languages.map(async (language) => (await listSegmentFiles(project, language)).map((id) => ({language, id}))))
  const reads = listed.flat().map(({language, id}) => {
    const absolute = segmentFilePath(project, language, id)
    const path = projectPath(project, absolute)
    const readFailures: VFile[] = []
    const contents = known.has(id) ? readOrCollect(absolute, path, readFailures) : Promise.resolve(undefined)
    return {language, id, path, contents, readFailures}
  })
  for (const language of languages) {
    segmentFiles.set(language, new Map())
    segmentFileBytes.set(language, new Map())
  }
  for (const read of reads) {
    if (!known.has(read.id)) {
      const file = failedFile(read.path)
      fail(file, errors.unknownDocument(read.id), {line: 1, column: 1})
      failed.push(file)
      continue
    }
    const contents = await read.contents
    failed.push(...read.readFailures)
    if (contents === undefined) continue
    segmentFileBytes.get(read.language)!.set(read.id, contents.bytes)
    const {segmentFile, file} = parseSegmentFile(contents.text, {path: read.path, language: read.language})
    files.push(file)
    if (segmentFile !== undefined) segmentFiles.get(read.language)!.set(read.id, segmentFile)
  }
  throwIfErrors([...failed, ...files])
  return {project, documents, languages, segmentFiles, segmentFileBytes, files}
}

function failedFile(path: string): VFile {
  return new VFile({path})
}

/** Whether `path` exists. */
export async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false
  )
}
