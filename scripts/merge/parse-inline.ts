import type {Break, Emphasis, PhrasingContent, Text} from 'mdast'
import {parseMarkdown} from '../parse/parse-markdown.js'

// Anything that can start Markdown syntax (escapes, code, emphasis, links and images, HTML, entities,
// tables, line breaks, GFM autolinks via `://`, `@` and `www.`), or white space at the ends.
const syntax = /[\\`*_[\]<>&~|#\n@]|:\/\/|www\./i
const otherSyntax = /[\\`_[\]<>&~|#\n@]|:\/\/|www\./i
// Lines that could start a block, or under a first line make it a heading or a table (`:-`).
const blockStart = /^[-+=]|^\d+[.)]|^:-/

/** Whether `text` reads as itself, one text node, so the parser can be skipped (proven equal by a property test). */
export function isPlainInline(text: string): boolean {
  return text !== '' && !syntax.test(text) && text === text.trim() && !blockStart.test(text)
}

// How micromark classes the code unit on each side of a `*` (its `classifyCharacter`): white space (or
// the start or end of the text), punctuation (Unicode P and S), or anything else, a surrogate included.
type Side = 'space' | 'punctuation' | 'other'
const space = /\s/
const punctuation = /\p{P}|\p{S}/u
function side(unit: string | undefined): Side {
  if (unit === undefined || space.test(unit)) return 'space'
  return punctuation.test(unit) ? 'punctuation' : 'other'
}

// CommonMark's flanking rules for a run of one `*` at `index`: it opens when left-flanking, closes when right-flanking.
function flanking(text: string, index: number): {left: boolean; right: boolean} {
  const before = side(text[index - 1])
  const after = side(text[index + 1])
  return {
    left: after !== 'space' && (after !== 'punctuation' || before !== 'other'),
    right: before !== 'space' && (before !== 'punctuation' || after !== 'other')
  }
}

/** A hard break as a segment writes it: a backslash at the end of a line. */
export const hardBreak = '\\\n'

/** The nodes of text whose only syntax is emphasis of plain text and hard breaks. */
export type SimpleInline = Text | Emphasis | Break

/** Whether `node` is text, a hard break, or emphasis of one text. */
export function isSimpleInline(node: PhrasingContent): node is SimpleInline {
  return node.type === 'text' || node.type === 'break' || (node.type === 'emphasis' && node.children.length === 1 && node.children[0]!.type === 'text')
}

/**
 * Text whose only syntax is `*emphasis*` and hard breaks (a backslash at the end of a line), parsed
 * without the parser. Every `*` must either only open or only close, openers and closers alternate,
 * emphasis holds plain text on one line, and no line could start a block, so the delimiter rules
 * reduce to pairing neighbours. `undefined` for anything else. Proven equal to the full parser by a
 * property test.
 */
export function parseSimpleInline(text: string): SimpleInline[] | undefined {
  for (const line of text.split(hardBreak)) {
    if (line === '' || otherSyntax.test(line) || line !== line.trim() || blockStart.test(line)) return undefined
  }
  const children: SimpleInline[] = []
  let start = 0
  let opener = -1
  for (let index = text.indexOf('*'); index !== -1; index = text.indexOf('*', index + 1)) {
    const {left, right} = flanking(text, index)
    if (opener === -1) {
      if (!left || right || (index === start && start > 0)) return undefined
      pushLines(children, text.slice(start, index))
      opener = index
    } else {
      const inside = text.slice(opener + 1, index)
      if (!right || left || inside === '' || inside.includes(hardBreak)) return undefined
      children.push({type: 'emphasis', children: [{type: 'text', value: inside}]})
      opener = -1
      start = index + 1
    }
  }
  if (opener !== -1) return undefined
  pushLines(children, text.slice(start))
  return children
}

// Text and the hard breaks in it.
function pushLines(children: SimpleInline[], text: string): void {
  text.split(hardBreak).forEach((line, index) => {
    if (index > 0) children.push({type: 'break'})
    if (line !== '') children.push({type: 'text', value: line})
  })
}

/**
 * Parse a segment's inline Markdown into phrasing content, with the source's link and footnote
 * definitions in scope. Text that does not parse as one paragraph (it cannot come from a valid
 * segment file) is kept as literal text rather than trusted as blocks.
 */
export function parseInline(text: string, definitions: string): readonly PhrasingContent[] {
  if (isPlainInline(text)) return [{type: 'text', value: text}]
  const simple = parseSimpleInline(text)
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
