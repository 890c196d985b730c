import type {Place, SegmentEntry} from '../types.js'
import {headerCommentPrefix, idLinePattern, obsoleteHeading, reviewNoteMarker} from './segment-file-syntax.js'

// A line that could start or interrupt a block, so it would not stay inside one paragraph:
// indentation, headings, quotes, list items, thematic breaks, setext underlines, fences, HTML,
// definitions and tables.
const blockStart = /^(?:[ \t]|#{1,6}(?:[ \t]|$)|>|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|(?:\*[ \t]*){3,}$|(?:_[ \t]*){3,}$|(?:-[ \t]*){3,}$|-+[ \t]*$|=+[ \t]*$|```|~~~|<|\[|\|)/

const quoteLine = /^> [^ \t]/

function isInlineLine(line: string, multiline: boolean): boolean {
  return line === line.trimEnd() && !blockStart.test(line) && !(multiline && line.includes('|'))
}

function quoted(lines: readonly string[]): string | undefined {
  if (!lines.every((line) => quoteLine.test(line) && isInlineLine(line.slice(2), lines.length > 1))) return undefined
  return lines.map((line) => line.slice(2)).join('\n').normalize('NFC')
}

interface Draft {
  entry: SegmentEntry
  hasNote: boolean
  hasTranslation: boolean
}

/**
 * Read the entries of a segment file laid out as the writer lays it out, line by line, without the
 * Markdown parser (which reads ~0.5 MB/s). Returns `undefined` as soon as anything is unusual — any
 * line that Markdown could read as a block, indentation, duplicate IDs, stray text — and the caller then
 * uses the full parser, which also reports errors. A property test checks both readers agree.
 */
export function readEntriesFast(text: string, bodyStart: number): SegmentEntry[] | undefined {
  let lineNumber = (text.slice(0, bodyStart).match(/\n/g)?.length ?? 0) + 1
  const blocks: {line: number; lines: string[]}[] = []
  let current: {line: number; lines: string[]} | undefined
  for (const line of text.slice(bodyStart).split('\n')) {
    if (/^[ \t]*$/.test(line)) current = undefined
    else if (current === undefined) blocks.push((current = {line: lineNumber, lines: [line]}))
    else current.lines.push(line)
    lineNumber++
  }
  const entries: SegmentEntry[] = []
  const seen = new Set<string>()
  let draft: Draft | undefined
  let obsolete = false
  for (const block of blocks) {
    const [first, ...rest] = block.lines as [string, ...string[]]
    const place: Place = {line: block.line, column: 1}
    const id = idLinePattern.exec(first)?.[1]
    if (id !== undefined) {
      const source = quoted(rest)
      if (seen.has(id) || rest.length === 0 || source === undefined) return undefined
      seen.add(id)
      const sourceEnd = {line: block.line + block.lines.length, column: 1}
      draft = {entry: {id, source, translation: '', obsolete, place, translationPlace: sourceEnd}, hasNote: false, hasTranslation: false}
      entries.push(draft.entry)
    } else if (first.startsWith(headerCommentPrefix)) {
      const closing = block.lines.findIndex((line) => line.includes('-->'))
      if (draft !== undefined || closing !== block.lines.length - 1) return undefined
    } else if (first === `## ${obsoleteHeading}` && rest.length === 0 && !obsolete) {
      obsolete = true
      draft = undefined
    } else if (first === `> ${reviewNoteMarker}`) {
      const separator = rest.indexOf('>')
      if (draft === undefined || draft.hasNote || draft.hasTranslation || separator < 1 || rest.lastIndexOf('>') !== separator) return undefined
      const previous = quoted(rest.slice(separator + 1))
      if (previous === undefined || quoted(rest.slice(0, separator)) === undefined) return undefined
      draft.entry.previousSource = previous
      draft.hasNote = true
    } else {
      if (draft === undefined || draft.hasTranslation || !block.lines.every((line) => isInlineLine(line, block.lines.length > 1))) return undefined
      draft.entry.translation = block.lines.join('\n')
      draft.entry.translationPlace = place
      draft.hasTranslation = true
    }
  }
  return entries
}
