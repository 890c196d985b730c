import type {Place} from '../types.js'

/** One segment as other tools exchange it (PO entry, XLIFF unit, i18next key). */
export interface ExchangeUnit {
  id: string
  /** Source text the translation was made for, when the format carries it. */
  source?: string
  translation: string
  /** Marked for review (`#, fuzzy`, XLIFF sub-state); `undefined` when the format cannot say. */
  needsReview?: boolean
  /** Source before the change that made it need review (`#| msgid`). */
  previousSource?: string
  /** In the exchange file's obsolete section (`#~`). */
  obsolete?: boolean
  /** Where the unit starts in the exchange file. */
  place: Place
}

/** Line and column of a character offset in a text. */
export function placeOfOffset(text: string, offset: number): Place {
  const before = text.slice(0, offset)
  return {line: (before.match(/\n/g)?.length ?? 0) + 1, column: offset - before.lastIndexOf('\n')}
}

/** Place of the first occurrence of `needle` in `text` (line 1 when absent). */
export function placeOfText(text: string, needle: string): Place {
  const offset = text.indexOf(needle)
  return offset === -1 ? {line: 1, column: 1} : placeOfOffset(text, offset)
}
