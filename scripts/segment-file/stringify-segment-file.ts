import {stringify as stringifyYaml} from 'yaml'
import type {SegmentEntry, SegmentFile} from '../types.js'
import {headerCommentPrefix, idLine, obsoleteHeading, quoteLines, reviewNoteMarker, reviewNoteText} from './segment-file-syntax.js'

/** What the header comment of a segment file names. */
export interface SegmentFileContext {
  /** Document ID. */
  document: string
  /** Path of the source document, relative to the project. */
  sourcePath: string
}

/**
 * Front matter for a new segment file.
 */
export function newFrontMatterText(language: string): string {
  return stringifyYaml({language, translators: [], status: 'draft'}, {flowCollectionPadding: false}).trimEnd()
}

/**
 * Write a segment file: front matter (kept verbatim), a short note for translators, then one entry per
 * segment (ID line, quoted source, optional review note, translation) and the Obsolete section.
 * Translations are written exactly as the translator wrote them.
 */
export function stringifySegmentFile(file: SegmentFile, context: SegmentFileContext): string {
  return layOutSegmentFile(file, context).text
}

/**
 * `stringifySegmentFile`, with the entries as reading the text back gives them: in the order written,
 * each with the places of its ID line and translation, so a file just written need not be parsed again.
 */
export function layOutSegmentFile(file: SegmentFile, context: SegmentFileContext): {text: string; entries: SegmentEntry[]} {
  const parts: string[] = []
  // The line the next part starts on: parts are joined by one blank line.
  let line = 1
  const add = (part: string) => {
    parts.push(part)
    line += lineCount(part) + 1
  }
  add(`---\n${file.frontMatterText}\n---`)
  add(header(file.language, context))
  const entries: SegmentEntry[] = []
  const active = file.entries.filter((entry) => !entry.obsolete)
  const obsolete = file.entries.filter((entry) => entry.obsolete)
  const addEntry = (entry: SegmentEntry) => {
    const start = line
    const quote = `${idLine(entry.id)}\n${quoteLines(entry.source)}`
    // Without a translation, its place is the line after the quote (where it would go).
    let translationLine = start + lineCount(quote)
    const blocks = [quote]
    if (entry.previousSource !== undefined) blocks.push(`> ${reviewNoteMarker}\n> ${reviewNoteText}\n>\n${quoteLines(entry.previousSource)}`)
    if (entry.translation !== '') {
      translationLine = start + blocks.reduce((lines, block) => lines + lineCount(block) + 1, 0)
      blocks.push(entry.translation)
    }
    add(blocks.join('\n\n'))
    entries.push({...entry, place: {line: start, column: 1}, translationPlace: {line: translationLine, column: 1}})
  }
  for (const entry of active) addEntry(entry)
  if (obsolete.length > 0) {
    add(`## ${obsoleteHeading}`)
    for (const entry of obsolete) addEntry(entry)
  }
  return {text: parts.join('\n\n') + '\n', entries}
}

/** The number of lines of a text without a final line break. */
function lineCount(text: string): number {
  let count = 1
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++
  return count
}

function header(language: string, context: SegmentFileContext): string {
  return [
    `${headerCommentPrefix} for ${context.sourcePath} (${context.document}) in ${language}.`,
    'Write the translation of each quoted source below it, as one paragraph; end a line with a backslash',
    'for a line break. Keep the segment lines and the quotes as they are: `interlinear update` rewrites them.',
    '-->'
  ].join('\n')
}
