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
  const parts: string[] = [`---\n${file.frontMatterText}\n---`, header(file.language, context)]
  const active = file.entries.filter((entry) => !entry.obsolete)
  const obsolete = file.entries.filter((entry) => entry.obsolete)
  for (const entry of active) parts.push(stringifyEntry(entry))
  if (obsolete.length > 0) {
    parts.push(`## ${obsoleteHeading}`)
    for (const entry of obsolete) parts.push(stringifyEntry(entry))
  }
  return parts.join('\n\n') + '\n'
}

function header(language: string, context: SegmentFileContext): string {
  return [
    `${headerCommentPrefix} for ${context.sourcePath} (${context.document}) in ${language}.`,
    'Write the translation of each quoted source below it, as one paragraph; end a line with a backslash',
    'for a line break. Keep the segment lines and the quotes as they are: `interlinear update` rewrites them.',
    '-->'
  ].join('\n')
}

function stringifyEntry(entry: SegmentEntry): string {
  const blocks = [`${idLine(entry.id)}\n${quoteLines(entry.source)}`]
  if (entry.previousSource !== undefined) {
    blocks.push(`> ${reviewNoteMarker}\n> ${reviewNoteText}\n>\n${quoteLines(entry.previousSource)}`)
  }
  if (entry.translation !== '') blocks.push(entry.translation)
  return blocks.join('\n\n')
}
