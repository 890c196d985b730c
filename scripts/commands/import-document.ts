import {throwIfErrors} from '../diagnostics.js'
import {alignDocument, type DocumentAlignment} from '../interchange/align-document.js'
import {loadProject} from '../io/load-project.js'
import {withProjectLock} from '../io/lock.js'
import {assertLanguageTag, projectPath, segmentFilePath, type Project} from '../io/project.js'
import {readText} from '../io/read-text.js'
import {writeAtomic} from '../io/write-atomic.js'
import {parseSourceDocument} from '../parse/parse-source-document.js'
import {updateSegmentFile} from '../segment-file/update-segment-file.js'
import {pickDocument} from './interchange.js'
import {serialize} from './update.js'

/** Options for `importDocument`. */
export interface ImportDocumentOptions {
  language: string
  document?: string
  /** The translated Markdown document to read. */
  input: string
  /** How to name it in messages. */
  displayPath: string
  /** Replace translations that already exist. */
  force?: boolean
}

/** What `importDocument` did. */
export interface ImportDocumentResult {
  /** The segment file written. */
  path: string
  /** The source document it translates. */
  sourcePath: string
  alignment: DocumentAlignment
  /** Translations written. */
  imported: number
  /** Aligned translations not written because the segment already had one (without --force). */
  kept: number
}

/**
 * Bootstrap a segment file from an already translated Markdown document, as po4a-gettextize does:
 * align its blocks with the source's by structure, attach each confidently aligned block to its
 * segment, and report the rest instead of guessing. Existing translations are kept unless `force`.
 */
export async function importDocument(project: Project, options: ImportDocumentOptions): Promise<ImportDocumentResult> {
  assertLanguageTag(options.language)
  return withProjectLock(project, async () => {
    const loaded = await loadProject(project)
    const document = pickDocument(loaded, options.document)
    const {document: translated, file} = parseSourceDocument(readText(options.input, options.displayPath), {
      id: document.id,
      path: options.displayPath,
      language: options.language
    })
    throwIfErrors([file])
    const alignment = alignDocument(document, translated!)
    const segmentFile = updateSegmentFile(loaded.segmentFiles.get(options.language)?.get(document.id), document.segments, options.language)
    const blocks = new Map(alignment.pairs.map((pair) => [pair.segment.id, pair.block.text]))
    let imported = 0
    let kept = 0
    const entries = segmentFile.entries.map((entry) => {
      const text = blocks.get(entry.id)
      if (text === undefined || entry.obsolete) return entry
      if (entry.translation !== '' && !options.force) {
        kept++
        return entry
      }
      imported++
      const next = {...entry, translation: text}
      delete next.previousSource
      return next
    })
    const path = segmentFilePath(project, options.language, document.id)
    await writeAtomic(path, serialize({...segmentFile, entries}, document), {within: project.root})
    return {path: projectPath(project, path), sourcePath: document.path, alignment, imported, kept}
  })
}
