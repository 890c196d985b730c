import type {Rule} from '../finding.js'

export const numbersMismatch: Rule = {id: 'numbers', severity: 'warning'}

// Zeros of the decimal digit blocks translators use: Arabic-Indic, Extended (Persian), Devanagari, Bengali, Thai, full-width.
const digitZeros = [0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0xff10]

/** Digits of any of those scripts as ASCII digits. */
export function asciiDigits(text: string): string {
  // ASCII digits stay as they are: only the others need a look.
  return text.replace(/(?![0-9])\p{Nd}/gu, (digit) => {
    const code = digit.codePointAt(0)!
    const zero = digitZeros.find((base) => code >= base && code <= base + 9)
    return zero === undefined ? digit : String(code - zero)
  })
}

/** The numbers in a text (digit runs, with `,` `.` `٬` `٫` grouping removed), whatever the script of their digits. */
export function numbersIn(text: string): Set<string> {
  const normalized = asciiDigits(text)
  const numbers = new Set<string>()
  for (const [match] of normalized.matchAll(/\d+(?:[.,\u066b\u066c\u00a0\u202f]\d{3})*/g)) numbers.add(match.replace(/[.,\u066b\u066c\u00a0\u202f]/g, '').replace(/^0+(?=\d)/, ''))
  return numbers
}

/**
 * Numbers of the source missing from the translation (1984, 1986, the 1 and 3 of `WC1N 3XX`), compared
 * across scripts: `۱۹۸۴` and `１９８４` are 1984.
 */
export function checkNumbers(sourceText: string, translationText: string): string | undefined {
  const source = numbersIn(sourceText)
  const translation = numbersIn(translationText)
  const missing = [...source].filter((number) => !translation.has(number))
  if (missing.length === 0) return undefined
  const extra = [...translation].filter((number) => !source.has(number))
  return `Numbers differ from the source: missing ${missing.join(', ')}${extra.length > 0 ? `; not in the source: ${extra.join(', ')}` : ''}`
}
