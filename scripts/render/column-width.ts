import {eastAsianWidth} from 'get-east-asian-width'

// Zero-width: combining marks, format characters (ZWNJ, ZWJ, bidi marks), variation selectors.
const zeroWidth = /[\p{Mn}\p{Me}\p{Cf}\u{FE00}-\u{FE0F}]/u

/**
 * Width of text in terminal columns: East Asian wide and full-width characters count 2, combining
 * marks and format characters 0, everything else 1. Printable ASCII takes a fast path.
 */
export function columnWidth(text: string): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length
  let width = 0
  for (const character of text) {
    if (zeroWidth.test(character)) continue
    width += eastAsianWidth(character.codePointAt(0)!)
  }
  return width
}
