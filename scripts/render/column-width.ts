import stringWidth from 'string-width'

// Where a grapheme surely starts: between two letters, digits, punctuation marks, symbols or spaces, but
// not inside a Hangul jamo sequence, before a Thai or Lao SARA AM, a skin tone or within a flag.
const graphemeStart =
  /(?<=[\p{L}\p{N}\p{P}\p{S}\p{Zs}])(?<![\u1100-\u115f\ua960-\ua97f\u{1f1e6}-\u{1f1ff}])(?=[\p{L}\p{N}\p{P}\p{S}\p{Zs}])(?![\u0e33\u0eb3\u1160-\u11ff\ud7b0-\ud7ff\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}])/u
const slice = 256

// CJK text is measured a character at a time, and string-width has a cost per call: remember those widths.
const characterWidths = new Map<string, number>()
function characterColumns(character: string): number {
  let width = characterWidths.get(character)
  if (width === undefined) characterWidths.set(character, (width = stringWidth(character)))
  return width
}

// Blocks of alphabets whose letters, digits, punctuation and symbols are one column each and never join
// into larger graphemes (no marks, joiners or format characters): Latin, Greek, Cyrillic, Armenian,
// Hebrew and Arabic letters, Georgian, general punctuation. Proven against string-width, character by character.
const narrowBlocks = /^[\x20-\x7e\u00a0-\u02ff\u0370-\u0482\u048a-\u052f\u0531-\u058f\u05d0-\u05ea\u0620-\u064a\u0660-\u066f\u0671-\u06d3\u10a0-\u10ff\u1e00-\u1fff\u2010-\u2027\u2030-\u205e]*$/
const spacingCharacters = /^[\p{L}\p{N}\p{P}\p{S}\p{Zs}]*$/u
// © and ® among them may be drawn as emoji, two columns.
const pictographic = /\p{Extended_Pictographic}/u

// The three tests above, answered once per code unit up to the last narrow block, the first time it is
// asked (0: not yet, 1: narrow, 2: not): wrapping asks for every line of every page, and most texts use
// a few dozen distinct characters.
const narrowUnits = new Uint8Array(0x2060)

/** Whether every character of `text` is one column wide on its own and in any company. */
export function isNarrowText(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (!isNarrowUnit(text.charCodeAt(index))) return false
  return true
}

/** `isNarrowText` of one UTF-16 code unit, for callers that scan text anyway. */
export function isNarrowUnit(unit: number): boolean {
  if (unit >= narrowUnits.length) return false
  let known = narrowUnits[unit]
  if (known === 0) {
    const character = String.fromCharCode(unit)
    narrowUnits[unit] = known = narrowBlocks.test(character) && spacingCharacters.test(character) && !pictographic.test(character) ? 1 : 2
  }
  return known === 1
}

/**
 * Width of `text` in terminal columns, as string-width measures it. Its grapheme segmentation (Intl.Segmenter) slows down
 * quadratically on long strings, seconds for a 50,000-character run, so long text is measured in
 * slices cut where a grapheme surely starts. Text of narrow characters only skips it.
 */
export function columnWidth(text: string): number {
  if (isNarrowText(text)) return text.length
  if (/^.$/su.test(text)) return characterColumns(text)
  let total = 0
  let start = 0
  while (text.length - start > 2 * slice) {
    const found = text.slice(start + slice - 1, start + 2 * slice).search(graphemeStart)
    // No such place nearby: a long run of marks or joiners, which overflows any line whatever its exact width.
    let end = found > 0 ? start + slice - 1 + found : start + 2 * slice
    if (/[\udc00-\udfff]/.test(text[end]!)) end++
    total += stringWidth(text.slice(start, end))
    start = end
  }
  return total + stringWidth(text.slice(start))
}
