import type {Nodes, PhrasingContent, Root} from 'mdast'
import {isInlineBlock, visitBlocks, type InlineBlock} from '../parse/visit-blocks.js'
import type {ReviewStatus, Segment, SegmentState, SegmentStatus, SourceDocument} from '../types.js'
import type {SegmentResolver, SegmentResources} from './create-resolver.js'
import {parseInline} from './parse-inline.js'

/** What to do with stale and needs-review translations: fall back like missing ones, or keep them marked as outdated. */
export type StalePolicy = 'fallback' | 'keep'

/** One segment as a reader gets it in one language. */
export interface ResolvedSegment {
  segment: Segment
  /** State of the segment in the page's own language. */
  state: SegmentState
  /** Inline Markdown shown. */
  text: string
  /** Language the shown text is in. */
  language: string
  /** Shown in another language than the page's. */
  fallback: boolean
  /** Shown from a translation of an older source (only with the `keep` policy). */
  outdated: boolean
}

/** Counts of a localized document. */
export interface LocalizedCounts {
  total: number
  /** Translated and current, in the page's own language. */
  translated: number
  missing: number
  stale: number
  needsReview: number
  /** Segments shown in another language. */
  fallback: number
  /** Segments shown from an outdated translation. */
  outdated: number
}

/** A document in one language, ready to render. */
export interface LocalizedDocument {
  language: string
  document: SourceDocument
  /** Review status of the translation; `source` for the source language itself. */
  status: ReviewStatus | 'source'
  /** Resolved inline Markdown of each translatable front-matter field. */
  fields: Record<string, string>
  segments: ResolvedSegment[]
  counts: LocalizedCounts
  /** Percentage (0–100, one decimal) of segments translated and current. */
  coverage: number
}

const shippedStates: Record<StalePolicy, ReadonlySet<SegmentState>> = {
  fallback: new Set(['translated']),
  keep: new Set(['translated', 'stale', 'needs-review'])
}

/**
 * i18next resources of one document: the source text in the source language, and in every other
 * language the translations that may be shipped under `policy`.
 */
export function collectResources(document: SourceDocument, statuses: ReadonlyMap<string, readonly SegmentStatus[]>, policy: StalePolicy): SegmentResources {
  const resources: SegmentResources = {[document.language]: Object.fromEntries(document.segments.map((segment) => [segment.id, segment.text]))}
  for (const [language, list] of statuses) {
    resources[language] = Object.fromEntries(
      list.flatMap((status) => (status.entry !== undefined && shippedStates[policy].has(status.state) ? [[status.segment.id, status.entry.translation]] : []))
    )
  }
  return resources
}

/** Options for `mergeTranslations`. */
export interface MergeOptions {
  resolver: SegmentResolver
  /** Segment states per language, for every language with a segment file. */
  statuses: ReadonlyMap<string, readonly SegmentStatus[]>
  /** Review status of the page's language. */
  status: ReviewStatus | 'source'
}

/**
 * Localize a document: resolve every segment through the fallback chain, count the states and
 * compute the coverage. The tree is made by `localizedTree` when a renderer needs it.
 */
export function mergeTranslations(document: SourceDocument, language: string, options: MergeOptions): LocalizedDocument {
  const states = segmentStates(options.statuses)
  const stateIn = (lang: string, id: string): SegmentState => (lang === document.language ? 'translated' : states.get(lang)?.get(id) ?? 'missing')
  const segments = document.segments.map((segment): ResolvedSegment => {
    const {text, language: found} = options.resolver.resolve(segment.id, language)
    return {segment, state: stateIn(language, segment.id), text, language: found, fallback: found !== language, outdated: stateIn(found, segment.id) !== 'translated'}
  })
  const fields = Object.fromEntries(segments.flatMap((resolved) => (resolved.segment.field ? [[resolved.segment.field, resolved.text]] : [])))
  const count = (test: (resolved: ResolvedSegment) => boolean) => segments.filter(test).length
  const counts: LocalizedCounts = {
    total: segments.length,
    translated: count((resolved) => resolved.state === 'translated'),
    missing: count((resolved) => resolved.state === 'missing'),
    stale: count((resolved) => resolved.state === 'stale'),
    needsReview: count((resolved) => resolved.state === 'needs-review'),
    fallback: count((resolved) => resolved.fallback),
    outdated: count((resolved) => resolved.outdated)
  }
  const coverage = counts.total === 0 ? 100 : Math.floor((1000 * counts.translated) / counts.total) / 10
  return {language, document, status: options.status, fields, segments, counts, coverage}
}

/**
 * The source tree of a localized document with each segment's inline content replaced by its resolved
 * text. Passages in another language than the page's carry that language (`data.hProperties.lang`) and
 * a `fallback` class; outdated ones an `outdated` class. Made per page, not kept: a page of a large
 * document in each of hundreds of languages would not fit in memory at once.
 */
export function localizedTree(localized: LocalizedDocument): Root {
  const tree = copyContainers(localized.document.tree)
  visitBlocks(tree, (node) => {
    if (!isInlineBlock(node)) return
    const resolved = resolvedAt(localized, node)
    if (resolved === undefined) return
    node.children = shownInline(localized.document, node, resolved)
    const className = [resolved.fallback && 'fallback', resolved.outdated && 'outdated'].filter((name): name is string => typeof name === 'string')
    if (className.length > 0) node.data = {...node.data, hProperties: {lang: resolved.language, className}}
  })
  return tree
}

/** The inline content a localized document shows for a block of its source tree. */
export function localizedInline(localized: LocalizedDocument, node: InlineBlock): PhrasingContent[] {
  return shownInline(localized.document, node, resolvedAt(localized, node))
}

// The source's own content where the segment is shown in the source language, else the resolved text parsed.
function shownInline(document: SourceDocument, node: InlineBlock, resolved: ResolvedSegment | undefined): PhrasingContent[] {
  return resolved === undefined || resolved.language === document.language ? node.children : [...parseInline(resolved.text, document.definitions)]
}

// A block finds its segment by the offset of its first child in the source.
const offsetIndex = new WeakMap<LocalizedDocument, Map<number, ResolvedSegment>>()

function resolvedAt(localized: LocalizedDocument, node: InlineBlock): ResolvedSegment | undefined {
  let index = offsetIndex.get(localized)
  if (index === undefined) {
    index = new Map(localized.segments.flatMap((resolved) => (resolved.segment.range ? [[resolved.segment.range[0], resolved]] : [])))
    offsetIndex.set(localized, index)
  }
  const offset = node.children[0]?.position?.start.offset
  return offset === undefined ? undefined : index.get(offset)
}

// Merging replaces the children of some nodes: copy every node that has children, share the leaves
// (a deep clone of a large source tree for every language costs more than the rest of the merge).
function copyContainers<T extends Nodes>(node: T): T {
  return 'children' in node ? {...node, children: node.children.map((child) => copyContainers(child))} : node
}

// Every page of a document looks up states in the same statuses: index them once, not once per page.
const stateIndex = new WeakMap<ReadonlyMap<string, readonly SegmentStatus[]>, Map<string, Map<string, SegmentState>>>()

function segmentStates(statuses: ReadonlyMap<string, readonly SegmentStatus[]>): Map<string, Map<string, SegmentState>> {
  let states = stateIndex.get(statuses)
  if (states === undefined) {
    states = new Map([...statuses].map(([language, list]) => [language, new Map(list.map((status) => [status.segment.id, status.state]))]))
    stateIndex.set(statuses, states)
  }
  return states
}
