import type {PhrasingContent} from 'mdast'
import {parseMarkdown} from '../parse/parse-markdown.js'

// Anything that can start Markdown syntax (escapes, code, emphasis, links and images, HTML, entities,
// tables, line breaks, GFM autolinks via `://`, `@` and `www.`), or white space at the ends.
const syntax = /[\\`*_[\]<>&~|#\n@]|:\/\/|www\./i
const otherSyntax = /[\\`_[\]<>&~|#\n@]|:\/\/|www\./i
const blockStart = /^[-+=]|^\d+[.)]/

/** Whether `text` reads as itself, one text node, so the parser can be skipped (proven equal by a property test). */
export function isPlainInline(text: string): boolean {
  return text !== '' && !syntax.test(text) && text === text.trim() && !blockStart.test(text)
}

// CommonMark's Unicode white space.
const whitespace = /[\t\n\f\r\p{Zs}]/u
const startsBlank = (text: string) => whitespace.test(text[0] ?? '')
const endsBlank = (text: string) => whitespace.test(text.at(-1) ?? '')

/**
 * Text whose only syntax is `*emphasis*` in its plainest form, parsed without the parser: each `*` opens
 * after white space (or at the start) before a non-space, and closes after a non-space before white
 * space (or at the end), so no delimiter can both open and close. `undefined` for anything else.
 * Proven equal to the full parser by a property test.
 */
export function parseSimpleEmphasis(text: string): PhrasingContent[] | undefined {
  if (otherSyntax.test(text) || text !== text.trim() || blockStart.test(text)) return undefined
  const pieces = text.split('*')
  if (pieces.length < 3 || pieces.length % 2 === 0) return undefined
  const children: PhrasingContent[] = []
  for (let index = 0; index < pieces.length; index += 2) {
    const before = pieces[index]!
    const last = index === pieces.length - 1
    // Between a closer and the next opener (or after the last closer): white space around, or the end.
    if (index > 0 && before !== '' && !startsBlank(before)) return undefined
    if (index > 0 && before === '' && !last) return undefined
    if (!last && before !== '' && !endsBlank(before)) return undefined
    if (before !== '') children.push({type: 'text', value: before})
    if (last) break
    const inside = pieces[index + 1]!
    if (inside === '' || startsBlank(inside) || endsBlank(inside)) return undefined
    children.push({type: 'emphasis', children: [{type: 'text', value: inside}]})
  }
  return children
}

/**
 * Parse a segment's inline Markdown into phrasing content, with the source's link and footnote
 * definitions in scope. Text that does not parse as one paragraph (it cannot come from a valid
 * segment file) is kept as literal text rather than trusted as blocks.
 */
export function parseInline(text: string, definitions: string): readonly PhrasingContent[] {
  if (isPlainInline(text)) return [{type: 'text', value: text}]
  const simple = parseSimpleEmphasis(text)
  if (simple !== undefined) return simple
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
