import {boundedCache} from '../../bounded-cache.js'
import type {Rule} from '../finding.js'

export const numbersMismatch: Rule = {id: 'numbers', severity: 'warning'}

// Zeros of the decimal digit blocks translators use: Arabic-Indic, Extended (Persian), Devanagari, Bengali, Thai, full-width.
const digitZeros = [0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0xff10]
const hex = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`
// Only these digits change: a plain character class, much cheaper than testing every character for \p{Nd}.
const otherDigits = new RegExp(`[${digitZeros.map((zero) => `${hex(zero)}-${hex(zero + 9)}`).join('')}]`, 'g')

/** Digits of any of those scripts as ASCII digits. */
export function asciiDigits(text: string): string {
  return text.replace(otherDigits, (digit) => {
    const code = digit.charCodeAt(0)
    return String(code - digitZeros.find((zero) => code >= zero && code <= zero + 9)!)
  })
}

/** The numbers in a text (digit runs, with `,` `.` `٬` `٫` grouping removed), whatever the script of their digits. */
export function numbersIn(text: string): Set<string> {
  const normalized = asciiDigits(text)
  const numbers = new Set<string>()
  for (const [match] of normalized.matchAll(/\d+(?:[.,\u066b\u066c\u00a0\u202f]\d{3})*/g)) numbers.add(match.replace(/[.,\u066b\u066c\u00a0\u202f]/g, '').replace(/^0+(?=\d)/, ''))
  return numbers
}

// Every language's translation of a segment is compared with the same source text.
const sourceNumbers = boundedCache<ReadonlySet<string>>()

/**
 * Numbers of the source missing from the translation (1984, 1986, the 1 and 3 of `WC1N 3XX`), compared
 * across scripts: `۱۹۸۴` and `１９８４` are 1984.
 */
export function checkNumbers(sourceText: string, translationText: string): string | undefined {
  const source = sourceNumbers(sourceText, () => numbersIn(sourceText))
  const translation = numbersIn(translationText)
  const missing = [...source].filter((number) => !translation.has(number))
  if (missing.length === 0) return undefined
  const extra = [...translation].filter((number) => !source.has(number))
  return `Numbers differ from the source: missing ${missing.join(', ')}${extra.length > 0 ? `; not in the source: ${extra.join(', ')}` : ''}`
}
