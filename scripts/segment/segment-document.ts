import type {Nodes, PhrasingContent, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Place, Segment, SegmentKind} from '../types.js'
import {createSegmentIds} from './create-segment-id.js'
import {serializeInline} from './serialize-inline.js'

/** A translatable block found in the tree, before it gets an ID. */
interface Found {
  kind: SegmentKind
  text: string
  field?: string
  place: Place
  range?: [number, number]
}

/** Front-matter fields to translate: key, value and line. */
export interface TranslatableField {
  key: string
  value: string
  line: number
}

type Visit = (node: Nodes, found: Found[]) => void

const descend: Visit = (node, found) => {
  if ('children' in node) for (const child of node.children) visitBlock(child, found)
}

const inline = (kind: SegmentKind): Visit => (node, found) => {
  const children = (node as {children: PhrasingContent[]}).children
  // A block with nothing to translate (only digits, symbols or white space) is left as it is.
  if (!/\p{L}/u.test(toString(children))) return
  const first = children[0]?.position?.start
  const last = children.at(-1)?.position?.end
  found.push({
    kind,
    text: serializeInline(children),
    place: {line: first?.line ?? 1, column: first?.column ?? 1},
    range: first?.offset !== undefined && last?.offset !== undefined ? [first.offset, last.offset] : undefined
  })
}

// One entry per block type that holds or contains prose; every other block (code, html, definitions,
// thematic breaks, math) is kept as it is and never translated.
const blockVisitors: Partial<Record<Nodes['type'], Visit>> = {
  root: descend,
  blockquote: descend,
  list: descend,
  listItem: descend,
  footnoteDefinition: descend,
  table: descend,
  tableRow: descend,
  heading: inline('heading'),
  paragraph: inline('paragraph'),
  tableCell: inline('tableCell')
}

function visitBlock(node: Nodes, found: Found[]): void {
  blockVisitors[node.type]?.(node, found)
}

/**
 * Split a document into translatable segments, in document order: the translatable front-matter
 * fields first, then every heading, paragraph (wherever it is nested) and table cell that holds prose.
 * Each segment's text is normalized inline Markdown and its ID is derived from that text alone.
 */
export function segmentDocument(tree: Root, fields: readonly TranslatableField[] = []): Segment[] {
  const found: Found[] = fields.map((field) => ({
    kind: 'field',
    field: field.key,
    text: serializeInline([{type: 'text', value: field.value}]),
    place: {line: field.line, column: 1}
  }))
  visitBlock(tree, found)
  const ids = createSegmentIds(found.map((item) => item.text))
  return found.map((item, index) => {
    const segment: Segment = {id: ids[index]!, kind: item.kind, text: item.text, place: item.place}
    if (item.field !== undefined) segment.field = item.field
    if (item.range !== undefined) segment.range = item.range
    return segment
  })
}
