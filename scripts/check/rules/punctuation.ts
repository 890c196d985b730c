import type {Rule} from '../finding.js'

export const finalPunctuation: Rule = {id: 'final-punctuation', severity: 'warning'}
export const unbalancedBrackets: Rule = {id: 'unbalanced-brackets', severity: 'warning'}
export const whitespace: Rule = {id: 'whitespace', severity: 'warning'}

// Final punctuation by kind, with CJK, Arabic-script, Devanagari and other equivalents.
const kinds: Record<string, string> = {
  '.': 'period', '。': 'period', '．': 'period', '۔': 'period', '।': 'period', '︒': 'period',
  '!': 'exclamation', '！': 'exclamation', '¡': 'exclamation',
  '?': 'question', '？': 'question', '؟': 'question', '¿': 'question',
  ':': 'colon', '：': 'colon',
  ';': 'semicolon', '；': 'semicolon', '؛': 'semicolon',
  ',': 'comma', '，': 'comma', '،': 'comma', '、': 'comma',
  '…': 'ellipsis'
}

// Closing quotes and brackets that may follow final punctuation: `."` and `。”`.
const closer = /[\s"'“”‘’»›)\]}」』）》〉】*_]/u

/** Kind of the final punctuation of a text, or undefined if it ends otherwise (a word, a symbol). */
export function finalKind(text: string): string | undefined {
  // Trimmed from the end by hand: a regex anchored at the end is tried at every position of the text.
  let end = text.length
  while (end > 0 && closer.test(text[end - 1]!)) end--
  const trimmed = text.slice(0, end)
  if (trimmed.endsWith('...')) return 'ellipsis'
  return kinds[trimmed.at(-1) ?? '']
}

/** Final punctuation of another kind than the source's (a period for an exclamation mark, say). */
export function checkFinalPunctuation(source: string, translation: string): string | undefined {
  const expected = finalKind(source)
  const actual = finalKind(translation)
  if (expected === actual || expected === undefined && actual === undefined) return undefined
  if (expected === undefined) return undefined
  return `Final punctuation differs from the source: expected a ${expected}${actual ? `, found a ${actual}` : ''}`
}

const pairs: [string, string][] = [['(', ')'], ['[', ']'], ['{', '}'], ['«', '»'], ['‹', '›'], ['「', '」'], ['『', '』'], ['（', '）'], ['《', '》'], ['〈', '〉'], ['【', '】'], ['“', '”']]
const opening = new Map(pairs)
const closing = new Set(pairs.map(([, close]) => close))
const anyBracket = new RegExp(`[${pairs.flat().join('').replace(/[[\]\\^-]/g, '\\$&')}"„]`)
const bracketCharacters = new RegExp(anyBracket.source, 'g')

/**
 * Unbalanced brackets and quotes: every opening bracket closed in order, and an even number of
 * straight double quotes. `“”` are checked only when the translation has no `„` (German opens with `„`
 * and closes with `“`).
 */
export function checkBrackets(translation: string): string | undefined {
  if (!anyBracket.test(translation)) return undefined
  const german = translation.includes('„')
  const stack: string[] = []
  // Only the brackets and quotes matter: visited alone.
  for (const [character] of translation.matchAll(bracketCharacters)) {
    const close = opening.get(character)
    if (close !== undefined && !(german && character === '“')) stack.push(close)
    else if (closing.has(character) && !(german && character === '”') && stack.pop() !== character) return `Unbalanced \`${character}\`: check the brackets and quotes`
  }
  if (stack.length > 0) return `Unclosed bracket or quote: add \`${stack.at(-1)}\``
  if ((translation.match(/"/g)?.length ?? 0) % 2 === 1) return 'Odd number of `"`: a quotation is not closed'
  if (german && (translation.match(/„/g)?.length ?? 0) !== (translation.match(/“/g)?.length ?? 0)) return 'Unbalanced `„` and `“`: each quotation opens with `„` and closes with `“`'
  return undefined
}

/** Leading or trailing white space on a line, or doubled spaces (outside inline code). */
export function checkWhitespace(raw: string): string | undefined {
  const withoutCode = raw.replace(/`[^`]*`/g, '``')
  for (const line of withoutCode.split('\n')) {
    if (/^[ \t]/.test(line)) return 'Leading space: remove it'
    if (/ {2,}$/.test(line)) return 'Two trailing spaces make a hard break that editors strip: end the line with a backslash instead'
    if (/[ \t]$/.test(line)) return 'Trailing space: remove it'
    if (/\S {2,}\S/.test(line)) return 'Doubled space: use one'
  }
  return undefined
}
