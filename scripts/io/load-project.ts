import {access} from 'node:fs/promises'
import type {VFile} from 'vfile'
import {throwIfErrors} from '../diagnostics.js'
import {parseSourceDocument} from '../parse/parse-source-document.js'
import {parseSegmentFile} from '../segment-file/parse-segment-file.js'
import type {SegmentFile, SourceDocument} from '../types.js'
import type {Project} from './project.js'
import {readProjectFiles, type LoadOptions, type ProjectFiles} from './read-project-files.js'

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

/**
 * Parse the files of a project. All problems of all files are gathered first, then thrown together as
 * one `InputError`, so a user sees every mistake at once and no command goes on with bad input.
 */
export function parseProjectFiles(read: ProjectFiles): LoadedProject {
  const files: VFile[] = []
  const documents: SourceDocument[] = []
  for (const source of read.sources) {
    const {document, file} = parseSourceDocument(source.text, {id: source.id, path: source.path})
    files.push(file)
    if (document !== undefined) documents.push(document)
  }
  const segmentFiles = new Map(read.languages.map((language) => [language, new Map<string, SegmentFile>()]))
  const segmentFileBytes = new Map(read.languages.map((language) => [language, new Map<string, Buffer>()]))
  for (const source of read.segmentFiles) {
    segmentFileBytes.get(source.language)!.set(source.id, source.bytes)
    const {segmentFile, file} = parseSegmentFile(source.text, {path: source.path, language: source.language})
    files.push(file)
    if (segmentFile !== undefined) segmentFiles.get(source.language)!.set(source.id, segmentFile)
  }
  throwIfErrors([...read.failed, ...files])
  return {project: read.project, documents, languages: read.languages, segmentFiles, segmentFileBytes, files}
}

/** Read and parse every source document and the segment files of the requested languages. */
export async function loadProject(project: Project, options: LoadOptions = {}): Promise<LoadedProject> {
  return parseProjectFiles(readProjectFiles(project, options))
}

/** Whether `path` exists. */
export async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false
  )
}
