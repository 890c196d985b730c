import type {Break, Nodes, Paragraph, Parents, PhrasingContent, Root} from 'mdast'
import {defaultHandlers, type Info, type State} from 'mdast-util-to-markdown'
import {toString} from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkStringify, {type Options} from 'remark-stringify'
import {unified} from 'unified'
import {parseMarkdown} from '../parse/parse-markdown.js'
import {hardBreak, isPlainInline, isSimpleInline, parseSimpleInline, type SimpleInline} from '../merge/parse-inline.js'

/** Fixed remark-stringify options: the same prose always serializes to the same bytes. */
export const stringifyOptions: Options = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  listItemIndent: 'one',
  incrementListMarker: true,
  resourceLink: false,
  handlers: {break: hardBreakHandler}
}

/**
 * A hard break as mdast-util-to-markdown writes it, kept where the next line starts with inline HTML
 * that would open an HTML block there (`<!-- -->`, `<div>`): the library turns that line ending into a
 * space, and the break is lost (syntax-tree/mdast-util-to-markdown#15). Indented by four spaces, the
 * line cannot open a block, so it continues the paragraph. Where no line ending may stand (a table
 * cell, a setext heading), the library's space stays.
 */
function hardBreakHandler(node: Break, parent: Parents | undefined, state: State, info: Info): string {
  const written = defaultHandlers.break(node, parent, state, info)
  if (written !== hardBreak) return written
  const siblings: readonly Nodes[] = parent?.children ?? []
  const next = siblings[siblings.indexOf(node) + 1]
  return next?.type === 'html' && opensHtmlBlock(next.value) ? `${hardBreak}    ` : written
}

const processor = unified().use(remarkStringify, stringifyOptions).use(remarkGfm).freeze()

/** Serialize an mdast tree to Markdown with the fixed options (remark-stringify + remark-gfm). */
export function stringifyMarkdown(tree: Root): string {
  return processor.stringify(tree)
}

/**
 * Serialize inline content as a translator sees it: normalized Markdown on one line except for hard
 * breaks (a backslash at the end of a line; the next line is indented four spaces where it starts with
 * HTML that would open a block), escaped so that it reads back as the same inline content at the start
 * of a block (`1984\. ` rather than an ordered list).
 */
export function serializeInline(children: PhrasingContent[]): string {
  // Most segments are one run of text with no syntax: it is its own Markdown (proven by a property test).
  if (children.length === 1 && children[0]!.type === 'text') {
    const value = foldWhitespace(children[0].value)
    if (isPlainInline(value) && prose.test(value) && !autolinkLike.test(value)) return value.normalize('NFC')
  }
  return serializeSimpleInline(children) ?? serializeInlineMarkdown(children)
}

// Text that starts with a letter and holds only letters, digits, marks, spaces and the punctuation of
// prose: nothing remark-stringify would escape anywhere in it.
const prose = /^\p{L}[\p{L}\p{N}\p{M} \u00a0,.;:!?'"()/%\u2010-\u2027«»‹›-]*$/u
// Except where GFM would see an autolink literal coming (`www.`, `http:/`): escaped there.
const autolinkLike = /[Ww]\.[-.\w]|[ps]:\//

// A line of prose, here with other symbols (□, €, emoji) and `*` too: whether those are emphasis that
// reads back is checked by parsing.
const proseLine = /^\*?\p{L}[\p{L}\p{N}\p{M}\p{So}\p{Sc} \u00a0,.;:!?'"()/%\u2010-\u2027«»‹›*-]*$/u

/**
 * Text, `*emphasis*` of text and hard breaks, in prose characters only, written without remark-stringify
 * when the result reads back as the same nodes (proven equal to remark-stringify by a property test);
 * `undefined` for anything else.
 */
export function serializeSimpleInline(children: readonly PhrasingContent[]): string | undefined {
  if (!children.every(isSimpleInline)) return undefined
  const nodes = children.map((child) => withFoldedWhitespace(child))
  const markdown = nodes.map((node) => simpleMarkdown(node)).join('')
  if (!markdown.split(hardBreak).every((line) => proseLine.test(line)) || autolinkLike.test(markdown)) return undefined
  const readBack = parseSimpleInline(markdown)
  if (readBack?.length !== nodes.length || readBack.some((node, index) => simpleMarkdown(node) !== simpleMarkdown(nodes[index]!) || node.type !== nodes[index]!.type)) return undefined
  return markdown.normalize('NFC')
}

function simpleMarkdown(node: SimpleInline): string {
  if (node.type === 'break') return hardBreak
  return node.type === 'emphasis' ? `*${toString(node)}*` : node.value
}

/** `serializeInline` without the fast path: always remark-stringify. */
export function serializeInlineMarkdown(children: PhrasingContent[]): string {
  const paragraph: Paragraph = {type: 'paragraph', children: children.map((child) => withFoldedWhitespace(child))}
  return stringifyMarkdown({type: 'root', children: [paragraph]}).replace(/\n+$/, '').normalize('NFC')
}

/** Whether `html` at the start of a line interrupts the paragraph before it, as the parser sees it. */
function opensHtmlBlock(html: string): boolean {
  return parseMarkdown(`a\n${html}`).children.length > 1
}

// Soft line breaks and runs of white space read as one space: fold them so rewrapping changes nothing.
function foldWhitespace(text: string): string {
  return text.replace(/[ \t]*\n[ \t]*/g, ' ').replace(/[ \t]{2,}/g, ' ')
}

function withFoldedWhitespace<T extends Nodes>(node: T): T {
  const copy = {...node} as T & {value?: string; children?: Nodes[]}
  delete (copy as {position?: unknown}).position
  if (typeof copy.value === 'string' && (node.type === 'text' || node.type === 'inlineCode')) {
    copy.value = foldWhitespace(copy.value)
  }
  if (Array.isArray(copy.children)) copy.children = copy.children.map((child) => withFoldedWhitespace(child))
  return copy
}
