import {columnWidth} from './column-width.js'

// Characters between which a line may break although there is no space: CJK ideographs, kana, Hangul, full-width forms.
const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u
// Kinsoku: never at the start of a line (closing punctuation, small kana, prolonged sound mark)…
const noStart = /[、。，．：；！？）」』】〕〉》”’・ー…‥々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ!),.:;?\]}»›]/u
// …nor at the end (opening punctuation).
const noEnd = /[（「『【〔〈《“‘([{«‹]/u

/** Whether a line may break between the characters `before` and `after` that touch (no space between). */
function mayBreakBetween(before: string, after: string): boolean {
  if (!cjk.test(before) && !cjk.test(after)) return false
  return !noStart.test(after) && !noEnd.test(before)
}

/** Tokens of a line: each with the separator that joins it to the previous token (' ' or ''). */
function tokenize(line: string): {text: string; separator: string}[] {
  const tokens: {text: string; separator: string}[] = []
  // Only the plain space and tab break; no-break spaces (U+00A0, U+202F) and ZWNJ stay inside words.
  for (const word of line.split(/[ \t]+/).filter((part) => part !== '')) {
    const characters = [...word]
    let current = characters[0]!
    let separator = ' '
    for (let index = 1; index < characters.length; index++) {
      const character = characters[index]!
      if (mayBreakBetween(characters[index - 1]!, character)) {
        tokens.push({text: current, separator})
        current = character
        separator = ''
      } else {
        current += character
      }
    }
    tokens.push({text: current, separator})
  }
  return tokens
}

/**
 * Wrap text at `width` terminal columns (CJK characters count 2, combining marks 0). Lines break at
 * spaces, and between CJK characters where the line-breaking rules for punctuation allow; a word
 * longer than the width stays whole on its own line. `\n` in the text is a forced break.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = []
  for (const paragraphLine of text.split('\n')) {
    let line = ''
    let lineWidth = 0
    for (const token of tokenize(paragraphLine)) {
      const tokenWidth = columnWidth(token.text)
      const separator = line === '' ? '' : token.separator
      if (line !== '' && lineWidth + separator.length + tokenWidth > width) {
        lines.push(line)
        line = token.text
        lineWidth = tokenWidth
      } else {
        line += separator + token.text
        lineWidth += separator.length + tokenWidth
      }
    }
    lines.push(line)
  }
  return lines
}
