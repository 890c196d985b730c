import type {Paragraph, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {visitBlocks} from '../../parse/visit-blocks.js'
import type {Place} from '../../types.js'
import type {Rule} from '../finding.js'

export const splitParagraph: Rule = {id: 'source-split-paragraph', severity: 'warning'}
export const hyphenatedBreak: Rule = {id: 'source-hyphenated-break', severity: 'warning'}

/** A likely scan artifact in a canonical source. */
export interface SourceLintFinding {
  rule: Rule
  reason: string
  place: Place
}

/**
 * Find likely page-break artifacts of scanned texts: a paragraph that ends in a hyphenated word
 * fragment (`revolu-`), and a paragraph that ends without final punctuation followed by one that
 * starts in lower case (`are` / `duty bound`).
 */
export function lintSource(tree: Root): SourceLintFinding[] {
  const paragraphs: Paragraph[] = []
  visitBlocks(tree, (node) => {
    if (node.type === 'paragraph') paragraphs.push(node)
  })
  const texts = paragraphs.map((paragraph) => toString(paragraph))
  const findings: SourceLintFinding[] = []
  paragraphs.forEach((paragraph, index) => {
    const text = texts[index]!.trimEnd()
    const end = paragraph.position?.end
    const place = {line: end?.line ?? 1, column: Math.max(1, (end?.column ?? 2) - 1)}
    const next = texts[index + 1]
    const fragment = hyphenatedFragment(text)
    if (fragment !== undefined) {
      findings.push({rule: hyphenatedBreak, reason: `Paragraph ends in a hyphenated fragment \`${fragment}\`: a word split across a page break? Join it with the next paragraph`, place})
    } else if (next !== undefined && /[\p{L}\p{N}]$/u.test(text.slice(-2)) && /^\p{Ll}/u.test(next)) {
      findings.push({rule: splitParagraph, reason: `Paragraph ends without punctuation and the next starts in lower case (\`${next.split(/\s/)[0]}\`): one paragraph split by a page break? Join them`, place})
    }
  })
  return findings
}

const fragmentAtEnd = /\p{L}+-$/u

// Matched on the end only: the pattern alone is tried at every letter of the paragraph.
function hyphenatedFragment(text: string): string | undefined {
  if (!text.endsWith('-')) return undefined
  const tail = text.slice(-64)
  const found = fragmentAtEnd.exec(tail)
  // A run of letters that may go on before the tail: look at the whole text.
  return (found?.index === 0 && tail.length < text.length ? fragmentAtEnd.exec(text) : found)?.[0]
}
