import type {VFile} from 'vfile'
import {fail} from '../diagnostics.js'
import {errors} from '../errors.js'
import {translationSyntaxProblem} from '../segment-file/translation-syntax.js'
import type {SegmentEntry, SegmentFile, SourceDocument} from '../types.js'
import type {ExchangeUnit} from './exchange-unit.js'

/**
 * Apply imported units to a segment file that is already in line with the source. Each unit finds its
 * entry by ID (current or obsolete); an empty translation changes nothing (nothing a translator wrote
 * is dropped). A unit translated against another source than the current one becomes needs-review;
 * formats that carry review state (PO, XLIFF) set or clear it. Unknown IDs and translations that are
 * not inline text are recorded on `file` and the result is then undefined: nothing is written.
 */
export function applyImport(document: SourceDocument, segmentFile: SegmentFile, units: readonly ExchangeUnit[], file: VFile): SegmentFile | undefined {
  const entries = new Map(segmentFile.entries.map((entry) => [entry.id, entry]))
  const current = new Map(document.segments.map((segment) => [segment.id, segment.text]))
  const unknown = units.filter((unit) => !entries.has(unit.id))
  if (unknown.length > 0) fail(file, errors.unknownSegments(unknown.map((unit) => unit.id)), unknown[0]!.place)
  for (const unit of units) {
    // JSON and XML escapes can name half a surrogate pair; written as UTF-8 it would silently become U+FFFD.
    const problem = /\p{Cs}/u.test(unit.translation) ? errors.loneSurrogate(unit.id) : unit.translation === '' ? undefined : translationSyntaxProblem(unit.id, unit.translation)
    if (problem) fail(file, problem, unit.place)
  }
  if (file.messages.some((message) => message.fatal === true)) return undefined
  const updates = new Map(units.map((unit) => [unit.id, unit]))
  return {
    ...segmentFile,
    entries: segmentFile.entries.map((entry): SegmentEntry => {
      const unit = updates.get(entry.id)
      if (unit === undefined || unit.translation === '') return entry
      const next: SegmentEntry = {...entry, translation: unit.translation}
      delete next.previousSource
      const previous = reviewSource(entry, unit, current.get(entry.id) ?? entry.source)
      if (previous !== undefined) next.previousSource = previous
      return next
    })
  }
}

/** The source an imported translation must be reviewed against, or undefined when it is current. */
function reviewSource(entry: SegmentEntry, unit: ExchangeUnit, source: string): string | undefined {
  // Translated against an older source: it must be reviewed against that one.
  if (unit.source !== undefined && unit.source !== source) return unit.source
  if (unit.needsReview === true) return unit.previousSource ?? entry.previousSource ?? ''
  // i18next JSON cannot say: the entry keeps its state.
  if (unit.needsReview === undefined) return entry.previousSource
  // Reviewed in the other tool.
  return undefined
}
