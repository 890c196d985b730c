import type {Element, Root as HastRoot, RootContent} from 'hast'
import {h} from 'hastscript'
import {toHtml} from 'hast-util-to-html'
import type {Definition, Nodes, PhrasingContent, Root} from 'mdast'
import {toHast} from 'mdast-util-to-hast'
import {toString} from 'mdast-util-to-string'
import {trimLines} from 'trim-lines'
import {visit} from 'unist-util-visit'
import type {LocalizedDocument, ResolvedSegment} from '../merge/merge-translations.js'
import {isPlainInline, isSimpleInline, parseInline, parseSimpleInline, type SimpleInline} from '../merge/parse-inline.js'
import type {SourceDocument} from '../types.js'
import {element, escapeText} from './html-text.js'
import {isSafeUrl} from './safe-url.js'

const urlProperties = ['href', 'src', 'cite', 'poster', 'action', 'formAction'] as const

/** Titles of passages shown in another language (`fallback`) or from an older source (`outdated`). */
export interface PassageTitles {
  fallback: (language: string) => string
  outdated: string
}

/**
 * Convert a localized tree (or part of one) to hast with only safe URLs, and the title that explains
 * each fallback or outdated passage.
 */
export function toSafeHast(tree: Root, titles: PassageTitles): HastRoot {
  // What remark-rehype does, without a processor and a file per call. Raw HTML is dropped
  // (`allowDangerousHtml` stays off): it never reaches a page.
  const content = toHast(tree) as HastRoot
  visit(content, 'element', (node: Element) => {
    for (const name of urlProperties) {
      const value = node.properties[name]
      if (typeof value === 'string' && !isSafeUrl(value)) delete node.properties[name]
    }
    const classes = node.properties.className
    if (Array.isArray(classes) && classes.includes('fallback')) node.properties.title = titles.fallback(String(node.properties.lang))
    else if (Array.isArray(classes) && classes.includes('outdated')) node.properties.title = titles.outdated
  })
  return content
}

/**
 * A document's article serialized once, with holes where each segment's attributes and content go:
 * a page is then the pieces joined with its own segments, instead of a tree converted and serialized
 * per language. `pieces` has one more item than `holes`.
 */
export interface ArticleTemplate {
  pieces: string[]
  holes: {segment: number; kind: 'attributes' | 'content'}[]
  /** Definitions of the source, for translations that use link references. */
  definitions: Definition[]
  /** Each segment's HTML in the source, by segment index: every language that falls back shows it. */
  sourceHtml: string[]
}

// Private-use characters mark the holes; a source that contains them uses the tree path instead.
const open = '\uE000'
const close = '\uE001'
const holePattern = new RegExp(` data-interlinear-hole="(\\d+)"|${open}(\\d+)${close}`, 'g')

// Segment content and the template itself hold no marked passage.
const untitled: PassageTitles = {fallback: () => '', outdated: ''}

const templates = new WeakMap<SourceDocument, ArticleTemplate | undefined>()

/**
 * The article template of `document`, made once per document; `undefined` when segments cannot be
 * filled in independently (footnotes are numbered across the whole document) or the source contains
 * the hole markers.
 */
export function articleTemplate(document: SourceDocument): ArticleTemplate | undefined {
  if (templates.has(document)) return templates.get(document)
  const template = createTemplate(document)
  templates.set(document, template)
  return template
}

function createTemplate(document: SourceDocument): ArticleTemplate | undefined {
  if (document.text.includes(open) || document.text.includes(close)) return undefined
  const indexByOffset = new Map(document.segments.flatMap((segment, index) => (segment.range ? [[segment.range[0], index]] : [])))
  const definitions: Definition[] = []
  const sourceInline: (readonly PhrasingContent[])[] = []
  let independent = true
  const copy = (node: Nodes): Nodes => {
    if (node.type === 'footnoteReference' || node.type === 'footnoteDefinition') independent = false
    if (node.type === 'definition') definitions.push(node)
    if (!('children' in node)) return node
    const offset = node.children[0]?.position?.start.offset
    const index = offset === undefined ? undefined : indexByOffset.get(offset)
    if (index !== undefined && (node.type === 'heading' || node.type === 'paragraph' || node.type === 'tableCell')) {
      node.children.forEach(copy)
      sourceInline[index] = node.children
      return {...node, data: {...node.data, hProperties: {dataInterlinearHole: index}}, children: [{type: 'text', value: `${open}${index}${close}`}]}
    }
    return {...node, children: node.children.map(copy)} as Nodes
  }
  const tree = copy(document.tree) as Root
  if (!independent) return undefined
  const html = skeletonHtml(tree) ?? toHtml(toSafeHast(tree, untitled).children)
  const pieces: string[] = []
  const holes: ArticleTemplate['holes'] = []
  let cursor = 0
  for (const match of html.matchAll(holePattern)) {
    pieces.push(html.slice(cursor, match.index))
    holes.push(match[1] === undefined ? {segment: Number(match[2]), kind: 'content'} : {segment: Number(match[1]), kind: 'attributes'})
    cursor = match.index + match[0].length
  }
  pieces.push(html.slice(cursor))
  return {pieces, holes, definitions, sourceHtml: sourceInline.map((children) => (children.every(isSimpleInline) ? children.map(simpleHtml).join('') : phrasingHtml(children, definitions)))}
}

/**
 * The template's HTML for a document of headings, paragraphs and thematic breaks only (definitions
 * say nothing), written as mdast-util-to-hast and hast-util-to-html would write it (proven by the
 * property tests of the template): blocks one a line, a segment's block with its hole, other blocks'
 * text, emphasis and breaks escaped. `undefined` for anything else.
 */
function skeletonHtml(tree: Root): string | undefined {
  const lines: string[] = []
  for (const node of tree.children) {
    if (node.type === 'definition') continue
    if (node.type === 'thematicBreak') {
      lines.push('<hr>')
      continue
    }
    if ((node.type !== 'paragraph' && node.type !== 'heading') || !node.children.every(isSimpleInline)) return undefined
    // Only the data the template gives a segment's block: anything else is the tree renderer's.
    const {hProperties: {dataInterlinearHole: hole, ...properties} = {}, ...data} = node.data ?? {}
    if (Object.keys(data).length > 0 || Object.keys(properties).length > 0) return undefined
    const tag = node.type === 'paragraph' ? 'p' : `h${node.depth}`
    // A hole's marker is its own HTML: digits between two private-use characters.
    lines.push(`<${tag}${hole === undefined ? '' : ` data-interlinear-hole="${String(hole)}"`}>${node.children.map(simpleHtml).join('')}</${tag}>`)
  }
  return lines.join('\n')
}

/**
 * The article of a localized document from its document's template: equal, byte for byte, to
 * serializing `toSafeHast(localized.tree)` (proven by a property test).
 */
export function fillArticle(template: ArticleTemplate, localized: LocalizedDocument, titles: PassageTitles): string {
  let html = template.pieces[0]!
  for (const [index, hole] of template.holes.entries()) {
    const resolved = localized.segments[hole.segment]!
    html += hole.kind === 'content' ? inlineHtml(resolved, hole.segment, localized.document, template) : passageAttributes(resolved, titles)
    html += template.pieces[index + 1]!
  }
  return html
}

// Attributes of a passage in another language or from an older source, as `merge` marks them.
function passageAttributes(resolved: ResolvedSegment, titles: PassageTitles): string {
  if (!resolved.fallback && !resolved.outdated) return ''
  const className = [resolved.fallback && 'fallback', resolved.outdated && 'outdated'].filter((name): name is string => typeof name === 'string')
  const title = resolved.fallback ? titles.fallback(resolved.language) : titles.outdated
  // `<i …></i>` without its name and ends; a title may contain `>`.
  return toHtml(h('i', {lang: resolved.language, className, title})).slice(2, -'></i>'.length)
}

// The HTML of a segment's inline content, as `merge` would put it in the tree.
function inlineHtml(resolved: ResolvedSegment, segment: number, document: SourceDocument, template: ArticleTemplate): string {
  const {text} = resolved
  if (resolved.language === document.language) return template.sourceHtml[segment]!
  // Plain text holds neither `<` nor `&`: it is its own HTML.
  if (isPlainInline(text)) return text
  // Text whose only syntax is plain `*emphasis*` and hard breaks is written without a tree.
  const simple = parseSimpleInline(text)
  if (simple !== undefined) return simple.map(simpleHtml).join('')
  return phrasingHtml(parseInline(text, document.definitions), template.definitions)
}

// What mdast-util-to-hast and hast-util-to-html make of text, emphasis of text and a hard break.
function simpleHtml(node: SimpleInline): string {
  if (node.type === 'break') return '<br>\n'
  const html = escapeText(trimLines(toString(node)))
  return node.type === 'emphasis' ? element('em', {}, html) : html
}

function phrasingHtml(children: readonly PhrasingContent[], definitions: readonly Definition[]): string {
  const root: Root = {type: 'root', children: [{type: 'paragraph', children: [...children]}, ...(usesReferences(children) ? definitions : [])]}
  const paragraph = toSafeHast(root, untitled).children.find((node): node is Element => node.type === 'element')
  return toHtml((paragraph?.children ?? []) as RootContent[])
}

function usesReferences(children: readonly PhrasingContent[]): boolean {
  return children.some((child) => child.type === 'linkReference' || child.type === 'imageReference' || ('children' in child && usesReferences(child.children)))
}
