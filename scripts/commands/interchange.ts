import {VFile} from 'vfile'
import type {exchangeFormats} from '../config.js'
import {failNow, throwIfErrors} from '../diagnostics.js'
import {errors} from '../errors.js'
import {applyImport} from '../interchange/apply-import.js'
import type {ExchangeUnit} from '../interchange/exchange-unit.js'
import {exportI18next, parseI18next} from '../interchange/i18next-json.js'
import {exportPo, parsePo} from '../interchange/po.js'
import {exportXliff, parseXliff} from '../interchange/xliff.js'
import {loadProject, type LoadedProject} from '../io/load-project.js'
import {withProjectLock} from '../io/lock.js'
import {assertLanguageTag, segmentFilePath, type Project} from '../io/project.js'
import {readText} from '../io/read-text.js'
import {writeAtomic} from '../io/write-atomic.js'
import {updateSegmentFile} from '../segment-file/update-segment-file.js'
import type {SegmentFile, SourceDocument} from '../types.js'
import {serialize} from './update.js'

/** Exchange formats. */
export type ExchangeFormat = (typeof exchangeFormats)[number]

const parsers: Record<ExchangeFormat, (text: string, path: string) => {units?: ExchangeUnit[]; file: VFile}> = {
  i18next: parseI18next,
  po: parsePo,
  xliff: parseXliff
}

/** Options shared by `export` and `import`. */
export interface ExchangeOptions {
  language: string
  /** Document ID; may be left out when the project has one document. */
  document?: string
  format: ExchangeFormat
}

/** The document named by --doc, or the only one. */
export function pickDocument(loaded: LoadedProject, id: string | undefined): SourceDocument {
  if (id === undefined) {
    if (loaded.documents.length === 1) return loaded.documents[0]!
    failNow('<arguments>', errors.chooseDocument(loaded.documents.map((document) => document.id)))
  }
  const document = loaded.documents.find((item) => item.id === id)
  if (document === undefined) failNow('<arguments>', errors.unknownDocument(id))
  return document
}

/** The segment file of a language and document in line with the source (in memory; nothing is written). */
function currentFile(loaded: LoadedProject, document: SourceDocument, language: string): SegmentFile {
  return updateSegmentFile(loaded.segmentFiles.get(language)?.get(document.id), document.segments, language)
}

/**
 * Export one language of one document for other tools: i18next JSON, PO or XLIFF 2.0. For the source
 * language the export is a template (sources, no translations).
 */
export async function exportTranslations(project: Project, options: ExchangeOptions): Promise<string> {
  assertLanguageTag(options.language)
  const loaded = await loadProject(project)
  const document = pickDocument(loaded, options.document)
  const isSource = options.language === document.language
  if (!isSource && !loaded.languages.includes(options.language)) failNow('<arguments>', errors.unknownLanguage(options.language))
  const file = isSource ? updateSegmentFile(undefined, document.segments, options.language) : currentFile(loaded, document, options.language)
  if (options.format === 'i18next') return exportI18next(document, isSource ? undefined : file)
  if (options.format === 'po') return exportPo(document, file)
  return exportXliff(document, file, document.language)
}

/**
 * Import translations from another tool into a segment file. Everything is validated first (syntax,
 * unknown IDs, inline text); nothing is written if any entry is bad.
 * @returns whether the segment file changed
 */
export async function importTranslations(project: Project, options: ExchangeOptions & {input: string; displayPath: string}): Promise<boolean> {
  assertLanguageTag(options.language)
  return withProjectLock(project, async () => {
    const loaded = await loadProject(project)
    const document = pickDocument(loaded, options.document)
    if (!loaded.languages.includes(options.language)) failNow('<arguments>', errors.unknownLanguage(options.language))
    const {units, file} = parsers[options.format](readText(options.input, options.displayPath), options.displayPath)
    throwIfErrors([file])
    const updated = applyImport(document, currentFile(loaded, document, options.language), units!, file)
    throwIfErrors([file])
    const path = segmentFilePath(project, options.language, document.id)
    const text = serialize(updated!, document)
    if (readTextOrNothing(path) === text) return false
    await writeAtomic(path, text, {within: project.root})
    return true
  })
}

// The segment file as it is now, if it can be read at all: only to skip rewriting identical text.
function readTextOrNothing(path: string): string | undefined {
  try {
    return readText(path, path)
  } catch {
    return undefined
  }
}
