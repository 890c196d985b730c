import type {Segment, SegmentEntry, SegmentFile} from '../types.js'
import {alignEntries, unclaimedEntries} from './align-entries.js'
import {newFrontMatterText} from './stringify-segment-file.js'

/**
 * Bring a segment file in line with the source segments, never dropping a translation:
 * - a segment found by ID keeps its entry (an entry back from the Obsolete section is current again);
 * - a segment whose source changed takes the translation of its best match, marked needs-review with
 *   the source it was made for (unless the source is back to exactly that text);
 * - new segments get empty entries;
 * - entries no segment claims move to the Obsolete section if they hold a translation.
 * Running it again on its own result changes nothing.
 */
export function updateSegmentFile(file: SegmentFile | undefined, segments: readonly Segment[], language: string): SegmentFile {
  const base: SegmentFile = file ?? {language, translators: [], status: 'draft', frontMatterText: newFrontMatterText(language), frontMatter: {language, translators: [], status: 'draft'}, entries: []}
  const alignments = alignEntries(segments, base.entries)
  const active = segments.map((segment, index): SegmentEntry => {
    const alignment = alignments[index]
    const entry: SegmentEntry = {id: segment.id, source: segment.text, translation: '', obsolete: false, place: segment.place, translationPlace: segment.place}
    if (alignment === undefined) return entry
    const old = alignment.entry
    entry.translation = old.translation
    if (alignment.exact && old.source === segment.text) {
      if (old.previousSource !== undefined) entry.previousSource = old.previousSource
    } else if (old.translation !== '' && old.previousSource !== segment.text) {
      // The translation still renders the source it was first made for: keep that one to compare.
      entry.previousSource = old.previousSource ?? old.source
    }
    return entry
  })
  const obsolete = unclaimedEntries(base.entries, alignments)
    .filter((entry) => entry.translation !== '')
    .map((entry) => ({...entry, obsolete: true}))
  return {...base, entries: [...active, ...obsolete]}
}
