import type {Rule} from '../finding.js'

export const lengthRatio: Rule = {id: 'length-ratio', severity: 'info'}

// Typical length of a translation from English, relative to the source (characters).
const typicalRatio: Record<string, number> = {zh: 0.35, ja: 0.5, ko: 0.55, de: 1.2, fr: 1.2, es: 1.15, it: 1.15, pt: 1.15, ru: 1.1, fa: 1.0, ar: 0.95, he: 0.85}

/**
 * A translation much shorter or longer than the language's typical ratio suggests (half a sentence
 * missing, a paragraph pasted twice). Short sources are skipped: their ratios vary too much.
 */
export function checkLengthRatio(source: string, translation: string, language: string): string | undefined {
  if (source.length < 40) return undefined
  const typical = typicalRatio[language.split('-')[0]!] ?? 1
  const ratio = codePoints(translation) / codePoints(source)
  if (ratio >= typical / 2.2 && ratio <= typical * 2.2) return undefined
  return `Translation is ${ratio.toFixed(2)}× the source's length, far from the usual ${typical}× for this language: check that nothing is missing or repeated`
}

// Characters as readers count them: a surrogate pair is one.
function codePoints(text: string): number {
  return text.length - (text.match(/[\ud800-\udbff][\udc00-\udfff]/g)?.length ?? 0)
}
