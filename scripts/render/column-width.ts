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

/**
 * Width of `text` in terminal columns, as string-width measures it. Its grapheme segmentation (Intl.Segmenter) slows down
 * quadratically on long strings, seconds for a 50,000-character run, so long text is measured in
 * slices cut where a grapheme surely starts. Printable ASCII, one column a character, skips it.
 */
export function columnWidth(text: string): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length
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
