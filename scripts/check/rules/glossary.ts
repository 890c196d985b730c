import type {Rule} from '../finding.js'

export const glossaryTerm: Rule = {id: 'glossary', severity: 'warning'}

/** Required renderings of source terms in one language: term → accepted translations. */
export type Glossary = ReadonlyMap<string, readonly string[]>

function escape(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Glossary terms that occur in the source (whole words, any case) while none of their required
 * renderings occurs in the translation (any case, by the case rules of `language`, the translation's:
 * never of the machine's locale, so every machine finds the same).
 */
export function checkGlossary(source: string, translation: string, glossary: Glossary, language: string): string | undefined {
  const lower = (text: string) => text.normalize('NFC').toLocaleLowerCase(language || undefined)
  const lowered = lower(translation)
  const missed: string[] = []
  for (const [term, renderings] of glossary) {
    if (!new RegExp(`(?<![\\p{L}\\p{N}])${escape(term)}(?![\\p{L}\\p{N}])`, 'iu').test(source)) continue
    if (renderings.some((rendering) => lowered.includes(lower(rendering)))) continue
    missed.push(`“${term}” → ${renderings.map((rendering) => `“${rendering}”`).join(' or ')}`)
  }
  return missed.length === 0 ? undefined : `Glossary: ${missed.join('; ')}`
}
