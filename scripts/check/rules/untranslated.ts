import type {Rule} from '../finding.js'

export const untranslated: Rule = {id: 'untranslated', severity: 'warning'}

/**
 * Whether a text has words that need translating: something left after removing URLs, e-mail
 * addresses, numbers, codes with digits and names (capitalized or all-capital words).
 */
export function hasTranslatableWords(text: string): boolean {
  const rest = text
    .replace(/\b(?:https?:\/\/|mailto:|www\.)\S+/gi, ' ')
    .replace(/\S+@\S+/g, ' ')
    .replace(/\S*\d\S*/g, ' ')
    .replace(/\b\p{Lu}[\p{L}'’-]*/gu, ' ')
  return /\p{Ll}{2,}|\p{Lo}/u.test(rest)
}

/** A translation identical to its source, unless the source is only names, numbers, codes or URLs. */
export function checkUntranslated(source: string, translation: string, sourcePlain: string): string | undefined {
  if (source.normalize('NFC').trim() !== translation.normalize('NFC').trim()) return undefined
  if (!hasTranslatableWords(sourcePlain)) return undefined
  return 'Translation is identical to the source: translate it, or leave it empty to fall back'
}
