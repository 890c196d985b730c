import {XMLParser, XMLValidator} from 'fast-xml-parser'
import type {Nodes, Root} from 'mdast'
import {VFile} from 'vfile'
import {fail} from '../diagnostics.js'
import {errors} from '../errors.js'
import {parseMarkdown} from '../parse/parse-markdown.js'
import type {SegmentEntry, SegmentFile, SourceDocument} from '../types.js'
import {placeOfText, type ExchangeUnit} from './exchange-unit.js'

const paired = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference'])

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** Inline XLIFF content and its original data, for one Markdown string. */
interface Inline {
  content: string
  data: [string, string][]
}

/**
 * Represent inline Markdown for CAT tools: prose stays text; every piece of syntax (emphasis markers,
 * link brackets and URLs, code, breaks, images) becomes an `<sc>`/`<ec>` pair or a `<ph>` whose
 * original Markdown is kept in `<originalData>`, so tools protect it. Joining the text and data back
 * gives the Markdown byte for byte.
 */
function toInline(markdown: string, prefix: string): Inline {
  const data: [string, string][] = []
  let next = 1
  const reference = (raw: string) => {
    const id = `${prefix}${next++}`
    data.push([id, raw])
    return id
  }
  const slice = (start: number, end: number) => markdown.slice(start, end)
  const emit = (node: Nodes): string => {
    const start = node.position!.start.offset!
    const end = node.position!.end.offset!
    if (node.type === 'text') return escapeXml(slice(start, end))
    const children = 'children' in node ? (node.children as Nodes[]) : []
    if (paired.has(node.type) && children.length > 0) {
      const id = String(next)
      const open = reference(slice(start, children[0]!.position!.start.offset!))
      const inner = emitAll(children, children[0]!.position!.start.offset!, children.at(-1)!.position!.end.offset!)
      const close = reference(slice(children.at(-1)!.position!.end.offset!, end))
      return `<sc id="${prefix}sc${id}" dataRef="${open}"/>${inner}<ec startRef="${prefix}sc${id}" dataRef="${close}"/>`
    }
    return `<ph id="${prefix}ph${next}" dataRef="${reference(slice(start, end))}"/>`
  }
  const emitAll = (nodes: Nodes[], from: number, to: number): string => {
    let out = ''
    let cursor = from
    for (const node of nodes) {
      const start = node.position!.start.offset!
      if (start > cursor) out += `<ph id="${prefix}ph${next}" dataRef="${reference(slice(cursor, start))}"/>`
      out += emit(node)
      cursor = node.position!.end.offset!
    }
    if (to > cursor) out += `<ph id="${prefix}ph${next}" dataRef="${reference(slice(cursor, to))}"/>`
    return out
  }
  const tree: Root = parseMarkdown(markdown)
  const paragraph = tree.children[0]
  if (paragraph?.type !== 'paragraph') return {content: escapeXml(markdown), data}
  return {content: emitAll(paragraph.children, 0, markdown.length), data}
}

/**
 * XLIFF 2.0 of one document in one language: one unit per segment with its state (`initial`,
 * `translated`, `reviewed`; needs-review as `translated` with sub-state `interlinear:needs-review` and the
 * previous source in a note), and inline Markdown protected as placeholders.
 */
export function exportXliff(document: SourceDocument, file: SegmentFile, sourceLanguage: string): string {
  const lines = new Map(document.segments.map((segment) => [segment.id, segment.place.line]))
  const unit = (entry: SegmentEntry) => {
    const source = toInline(entry.source, 's')
    const target = entry.translation === '' ? undefined : toInline(entry.translation, 't')
    const state = target === undefined ? 'initial' : entry.previousSource === undefined && file.status === 'reviewed' ? 'reviewed' : 'translated'
    const notes = [
      lines.has(entry.id) ? `<note category="location">${escapeXml(`${document.path}:${lines.get(entry.id)}`)}</note>` : undefined,
      entry.obsolete ? '<note category="interlinear-obsolete">obsolete: the source of this segment is gone</note>' : undefined,
      entry.previousSource !== undefined ? `<note category="interlinear-previous-source">${escapeXml(entry.previousSource)}</note>` : undefined
    ].filter((note) => note !== undefined)
    const data = [...source.data, ...(target?.data ?? [])]
    return [
      `    <unit id="${entry.id}"${entry.obsolete ? ' translate="no"' : ''}>`,
      notes.length > 0 ? `      <notes>${notes.join('')}</notes>` : undefined,
      data.length > 0 ? `      <originalData>${data.map(([id, raw]) => `<data id="${id}">${escapeXml(raw)}</data>`).join('')}</originalData>` : undefined,
      `      <segment state="${state}"${entry.previousSource !== undefined && target !== undefined ? ' subState="interlinear:needs-review"' : ''}>`,
      `        <source>${source.content}</source>`,
      target === undefined ? undefined : `        <target>${target.content}</target>`,
      '      </segment>',
      '    </unit>'
    ].filter((line) => line !== undefined).join('\n')
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="${escapeXml(sourceLanguage)}" trgLang="${escapeXml(file.language)}">`,
    `  <file id="${escapeXml(document.id)}" original="${escapeXml(document.path)}">`,
    ...file.entries.map(unit),
    '  </file>',
    '</xliff>',
    ''
  ].join('\n')
}

type XmlNode = Record<string, unknown> & {':@'?: Record<string, string>}

const parser = new XMLParser({preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false, parseAttributeValue: false, processEntities: true, htmlEntities: false})

function tagOf(node: XmlNode): string {
  return Object.keys(node).find((key) => key !== ':@')!
}

function childrenOf(node: XmlNode): XmlNode[] {
  return (node[tagOf(node)] as XmlNode[] | undefined) ?? []
}

function find(nodes: XmlNode[], tag: string): XmlNode[] {
  return nodes.filter((node) => tagOf(node) === tag)
}

function textOf(nodes: XmlNode[], data: ReadonlyMap<string, string>): string {
  return nodes
    .map((node) => {
      const tag = tagOf(node)
      const attributes = node[':@'] ?? {}
      if (tag === '#text') return String(node['#text'])
      if (tag === 'ph' || tag === 'sc' || tag === 'ec') return data.get(attributes.dataRef ?? '') ?? ''
      if (tag === 'pc') return `${data.get(attributes.dataRefStart ?? '') ?? ''}${textOf(childrenOf(node), data)}${data.get(attributes.dataRefEnd ?? '') ?? ''}`
      return textOf(childrenOf(node), data)
    })
    .join('')
}

/**
 * Read XLIFF 2.0 into exchange units, putting the protected Markdown back. Document type
 * declarations are refused (no entity expansion); syntax errors name their line and column.
 */
export function parseXliff(text: string, path: string): {units?: ExchangeUnit[]; file: VFile} {
  const file = new VFile({path, value: text})
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    fail(file, errors.exchangeSyntax('XLIFF', 'document type declarations are refused'), placeOfText(text, '<!'))
    return {file}
  }
  const valid = XMLValidator.validate(text)
  if (valid !== true) {
    fail(file, errors.exchangeSyntax('XLIFF', valid.err.msg), {line: valid.err.line, column: valid.err.col})
    return {file}
  }
  const root = parser.parse(text) as XmlNode[]
  const units: ExchangeUnit[] = []
  for (const xliff of find(root, 'xliff')) {
    for (const fileNode of find(childrenOf(xliff), 'file')) {
      for (const unit of find(childrenOf(fileNode), 'unit')) {
        const id = unit[':@']?.id ?? ''
        const place = placeOfText(text, `<unit id="${id}"`)
        const parts = childrenOf(unit)
        const data = new Map(find(find(parts, 'originalData').flatMap(childrenOf), 'data').map((node) => [node[':@']?.id ?? '', textOf(childrenOf(node), new Map())]))
        const notes = find(find(parts, 'notes').flatMap(childrenOf), 'note')
        const note = (category: string) => notes.find((node) => node[':@']?.category === category)
        const segment = find(parts, 'segment')[0]
        if (segment === undefined) {
          fail(file, errors.exchangeSyntax('XLIFF', `unit \`${id}\` has no segment`), place)
          continue
        }
        const target = find(childrenOf(segment), 'target')[0]
        const attributes = segment[':@'] ?? {}
        const previous = note('interlinear-previous-source')
        const result: ExchangeUnit = {
          id,
          source: textOf(childrenOf(find(childrenOf(segment), 'source')[0] ?? {source: []}), data),
          translation: target === undefined ? '' : textOf(childrenOf(target), data),
          needsReview: attributes.subState === 'interlinear:needs-review',
          obsolete: note('interlinear-obsolete') !== undefined,
          place
        }
        if (previous !== undefined) result.previousSource = textOf(childrenOf(previous), new Map())
        units.push(result)
      }
    }
  }
  return {units, file}
}
