import type {Definition, FootnoteDefinition, List, ListItem, Nodes, PhrasingContent, Root, RootContent, Table} from 'mdast'
import {columnWidth} from './column-width.js'
import {visit} from 'unist-util-visit'
import {defaults} from '../config.js'
import {wrapText} from './wrap-text.js'

/** Options for `renderText`. */
export interface RenderTextOptions {
  /** Wrap width in terminal columns (default 72). */
  width?: number
}

interface State {
  definitions: Map<string, Definition>
  footnotes: Map<string, number>
  footnoteDefinitions: Map<string, FootnoteDefinition>
}

type InlineHandler = (node: never, state: State) => string
type BlockHandler = (node: never, state: State, width: number) => string[]

const inline = (nodes: readonly Nodes[], state: State): string => nodes.map((node) => inlineNode(node, state)).join('')

const withUrl = (text: string, url: string) => (text === url || `mailto:${text}` === url || text === '' ? `<${url}>` : `${text} <${url}>`)

// One handler per inline node type: emphasis markers are dropped, links become `text <url>`.
const inlineHandlers: Record<string, InlineHandler> = {
  text: (node: {value: string}) => node.value.replace(/[ \t]*\n[ \t]*/g, ' '),
  inlineCode: (node: {value: string}) => node.value.replace(/\n/g, ' '),
  break: () => '\n',
  html: () => '',
  link: (node: {url: string; children: PhrasingContent[]}, state) => withUrl(inline(node.children, state), node.url),
  linkReference: (node: {identifier: string; children: PhrasingContent[]}, state) => {
    const definition = state.definitions.get(node.identifier)
    const text = inline(node.children, state)
    return definition ? withUrl(text, definition.url) : text
  },
  image: (node: {alt?: string | null}) => `[${node.alt || 'image'}]`,
  imageReference: (node: {alt?: string | null}) => `[${node.alt || 'image'}]`,
  footnoteReference: (node: {identifier: string}, state) => `[${state.footnotes.get(node.identifier) ?? '?'}]`
}

function inlineNode(node: Nodes, state: State): string {
  const handler = inlineHandlers[node.type]
  if (handler) return handler(node as never, state)
  if ('children' in node) return inline(node.children as Nodes[], state)
  return 'value' in node && typeof node.value === 'string' ? node.value : ''
}

const indent = (lines: string[], prefix: string) => lines.map((line) => (line === '' ? '' : prefix + line))

function blocks(nodes: readonly RootContent[], state: State, width: number, separator: string[] = ['']): string[] {
  const rendered = nodes.map((node) => block(node, state, width)).filter((lines) => lines.length > 0)
  return rendered.flatMap((lines, index) => (index === 0 ? lines : [...separator, ...lines]))
}

function listItem(item: ListItem, marker: string, state: State, width: number, spread: boolean): string[] {
  const task = item.checked === true ? '[x] ' : item.checked === false ? '[ ] ' : ''
  const lead = marker + task
  const lines = blocks(item.children, state, Math.max(1, width - lead.length), spread ? [''] : [])
  return lines.map((line, index) => (index === 0 ? lead + line : line === '' ? '' : ' '.repeat(lead.length) + line))
}

function table(node: Table, state: State): string[] {
  const rows = node.children.map((row) => row.children.map((cell) => inline(cell.children, state).replace(/\n/g, ' ').trim()))
  const columns = Math.max(...rows.map((row) => row.length))
  const widths = Array.from({length: columns}, (_, column) => Math.max(1, ...rows.map((row) => columnWidth(row[column] ?? ''))))
  const pad = (text: string, column: number) => {
    const space = widths[column]! - columnWidth(text)
    const align = node.align?.[column]
    if (align === 'right') return ' '.repeat(space) + text
    if (align === 'center') return ' '.repeat(Math.floor(space / 2)) + text + ' '.repeat(Math.ceil(space / 2))
    return text + ' '.repeat(space)
  }
  const line = (cells: string[]) => widths.map((_, column) => pad(cells[column] ?? '', column)).join('  ').trimEnd()
  const [header, ...body] = rows
  return [line(header ?? []), widths.map((size) => '-'.repeat(size)).join('  '), ...body.map(line)]
}

// One handler per block type; containers indent what their children render.
const blockHandlers: Record<string, BlockHandler> = {
  heading: (node: {depth: number; children: PhrasingContent[]}, state, width) => {
    const lines = wrapText(inline(node.children, state).trim(), width)
    return [...lines, (node.depth === 1 ? '=' : '-').repeat(Math.max(...lines.map((text) => columnWidth(text))))]
  },
  paragraph: (node: {children: PhrasingContent[]}, state, width) => wrapText(inline(node.children, state).trim(), width),
  blockquote: (node: {children: RootContent[]}, state, width) => indent(blocks(node.children, state, Math.max(1, width - 4)), '    '),
  list: (node: List, state, width) => {
    const start = node.start ?? 1
    const items = node.children.map((item, index) => listItem(item, node.ordered ? `${start + index}. ` : '- ', state, width, node.spread === true || item.spread === true))
    return items.flatMap((lines, index) => (index > 0 && node.spread === true ? ['', ...lines] : lines))
  },
  code: (node: {value: string}) => indent(node.value.split('\n'), '    '),
  thematicBreak: () => ['* * *'],
  table: (node: Table, state) => table(node, state),
  html: () => [],
  definition: () => [],
  footnoteDefinition: () => []
}

function block(node: RootContent, state: State, width: number): string[] {
  const handler = blockHandlers[node.type]
  if (handler) return handler(node as never, state, width)
  if ('children' in node) return wrapText(inline(node.children as Nodes[], state).trim(), width)
  return 'value' in node && typeof node.value === 'string' ? wrapText(node.value, width) : []
}

/**
 * Render an mdast tree as plain text: paragraphs wrapped at `width` terminal columns, headings
 * underlined, lists and quotes indented, code verbatim, links as `text <url>`, hard breaks kept,
 * emphasis markers and raw HTML dropped, footnotes numbered and listed at the end.
 */
export function renderText(tree: Root, options: RenderTextOptions = {}): string {
  const width = options.width ?? defaults.width
  const state: State = {definitions: new Map(), footnotes: new Map(), footnoteDefinitions: new Map()}
  visit(tree, (node) => {
    if (node.type === 'definition') state.definitions.set(node.identifier, node)
    if (node.type === 'footnoteDefinition') state.footnoteDefinitions.set(node.identifier, node)
    if (node.type === 'footnoteReference' && !state.footnotes.has(node.identifier)) state.footnotes.set(node.identifier, state.footnotes.size + 1)
  })
  const lines = blocks(tree.children, state, width)
  const notes = [...state.footnotes].flatMap(([identifier, number]) => {
    const definition = state.footnoteDefinitions.get(identifier)
    if (definition === undefined) return []
    const lead = `[${number}] `
    return [blocks(definition.children, state, Math.max(1, width - lead.length)).map((line, index) => (index === 0 ? lead + line : line === '' ? '' : ' '.repeat(lead.length) + line))]
  })
  if (notes.length > 0) lines.push('', '---', ...notes.flatMap((note, index) => (index === 0 ? note : ['', ...note])))
  return `${lines.map((line) => line.trimEnd()).join('\n').replace(/^\n+|\n+$/g, '')}\n`
}
