import type {PhrasingContent} from 'mdast'
import {parseMarkdown} from '../parse/parse-markdown.js'

// Anything that can start Markdown syntax (escapes, code, emphasis, links, HTML, entities, tables,
// line breaks, GFM autolinks via `:` `@` `www.`), or white space at the ends.
const syntax = /[\\`*_[\]<>!&~|#\n@:]|www\./i

/** Whether `text` reads as itself, one text node, so the parser can be skipped (proven equal by a property test). */
export function isPlainInline(text: string): boolean {
  return text !== '' && !syntax.test(text) && text === text.trim() && !/^[-+=]|^\d+[.)]/.test(text)
}

/**
 * Parse a segment's inline Markdown into phrasing content, with the source's link and footnote
 * definitions in scope. Text that does not parse as one paragraph (it cannot come from a valid
 * segment file) is kept as literal text rather than trusted as blocks.
 */
export function parseInline(text: string, definitions: string): readonly PhrasingContent[] {
  if (isPlainInline(text)) return [{type: 'text', value: text}]
  // Check and build parse the same translations, and languages share many: parse each text once.
  let parsed = memo.get(definitions)
  if (parsed === undefined) memo.set(definitions, (parsed = new Map()))
  let children = parsed.get(text)
  if (children === undefined) parsed.set(text, (children = deepFreeze(parseInlineMarkdown(text, definitions))))
  return children
}

const memo = new Map<string, Map<string, readonly PhrasingContent[]>>()

// Shared results must not be changed by one user under another's feet.
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

/** `parseInline` without the fast path: always the full parser. */
export function parseInlineMarkdown(text: string, definitions: string): PhrasingContent[] {
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
