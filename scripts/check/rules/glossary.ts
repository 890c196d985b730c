import type {Rule} from '../finding.js'

export const glossaryTerm: Rule = {id: 'glossary', severity: 'warning'}

/** Required renderings of source terms in one language: term → accepted translations. */
export type Glossary = ReadonlyMap<string, readonly string[]>

function escape(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Glossary terms that occur in the source (whole words, any case) while none of their required
 * renderings occurs in the translation (any case).
 */
export function checkGlossary(source: string, translation: string, glossary: Glossary): string | undefined {
  const lowered = translation.normalize('NFC').toLocaleLowerCase()
  const missed: string[] = []
  for (const [term, renderings] of glossary) {
    if (!new RegExp(`(?<![\\p{L}\\p{N}])${escape(term)}(?![\\p{L}\\p{N}])`, 'iu').test(source)) continue
    if (renderings.some((rendering) => lowered.includes(rendering.normalize('NFC').toLocaleLowerCase()))) continue
    missed.push(`“${term}” → ${renderings.map((rendering) => `“${rendering}”`).join(' or ')}`)
  }
  return missed.length === 0 ? undefined : `Glossary: ${missed.join('; ')}`
}
