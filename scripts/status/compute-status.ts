import {alignEntries, unclaimedEntries} from '../segment-file/align-entries.js'
import type {Segment, SegmentFile, SegmentStatus, StatusRow} from '../types.js'

/**
 * State of every source segment in a segment file, read from the file alone (no `update` needed):
 * - `translated`: its entry is current and translated;
 * - `needs-review`: `update` carried the translation over from a changed source and no one has checked it;
 * - `stale`: the translation was made for a source that has changed since (its quote differs);
 * - `missing`: no translation.
 */
export function computeStatus(segments: readonly Segment[], file: SegmentFile | undefined): SegmentStatus[] {
  const alignments = alignEntries(segments, file?.entries ?? [])
  return segments.map((segment, index) => {
    const alignment = alignments[index]
    if (alignment === undefined) return {segment, state: 'missing'}
    const {entry} = alignment
    if (entry.translation === '') return {segment, state: 'missing', entry}
    if (!alignment.exact && entry.previousSource === segment.text) return {segment, state: 'translated', entry}
    if (!alignment.exact || entry.source !== segment.text) return {segment, state: 'stale', entry}
    if (entry.previousSource !== undefined) return {segment, state: 'needs-review', entry}
    return {segment, state: 'translated', entry}
  })
}

/**
 * Counts for one language and document. `obsolete` counts the translations that are (or, at the next
 * `update`, will be) in the Obsolete section.
 */
export function summarizeStatus(language: string, document: string, segments: readonly Segment[], file: SegmentFile | undefined): StatusRow {
  const statuses = computeStatus(segments, file)
  const count = (state: SegmentStatus['state']) => statuses.filter((status) => status.state === state).length
  const claimed = statuses.flatMap((status) => (status.entry === undefined ? [] : [{entry: status.entry, exact: true}]))
  const obsolete = unclaimedEntries(file?.entries ?? [], claimed).filter((entry) => entry.translation !== '').length
  return {
    language,
    document,
    total: segments.length,
    translated: count('translated'),
    stale: count('stale'),
    needsReview: count('needs-review'),
    missing: count('missing'),
    obsolete
  }
}
