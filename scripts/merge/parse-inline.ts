import type {PhrasingContent} from 'mdast'
import {parseMarkdown} from '../parse/parse-markdown.js'

/**
 * Parse a segment's inline Markdown into phrasing content, with the source's link and footnote
 * definitions in scope. Text that does not parse as one paragraph (it cannot come from a valid
 * segment file) is kept as literal text rather than trusted as blocks.
 */
export function parseInline(text: string, definitions: string): PhrasingContent[] {
  const tree = parseMarkdown(definitions === '' ? text : `${text}\n\n${definitions}`)
  const [first] = tree.children
  if (first?.type !== 'paragraph') return [{type: 'text', value: text}]
  return first.children.map((child) => withoutPositions(child))
}

// Positions would point into the translation, not the source file.
function withoutPositions<T extends PhrasingContent>(node: T): T {
  const copy = {...node}
  delete copy.position
  if ('children' in copy) (copy as {children: PhrasingContent[]}).children = copy.children.map((child) => withoutPositions(child))
  return copy
}
