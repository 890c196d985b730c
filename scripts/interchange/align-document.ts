import type {Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {numbersIn} from '../check/rules/numbers.js'
import {parseInline} from '../merge/parse-inline.js'
import type {Segment, SourceDocument} from '../types.js'

/** A translated block and the source segment it translates. */
export interface AlignedPair {
  segment: Segment
  block: Segment
  /** Confidence, 0–1. */
  score: number
}

/** A translated block that could not be aligned, with the source segments it seems to merge, if any. */
export interface UnalignedBlock {
  block: Segment
  mergedFrom: Segment[]
}

/** Result of aligning a translated document with its source. */
export interface DocumentAlignment {
  pairs: AlignedPair[]
  /** Source segments with no translated block (merged ones excluded). */
  missing: Segment[]
  unaligned: UnalignedBlock[]
}

/** Below this confidence a pair is reported rather than guessed. */
const confidence = 0.6

interface Features {
  segment: Segment
  length: number
  numbers: Set<string>
  urls: string
  markup: Record<string, number>
}

function featuresOf(segment: Segment, definitions: string): Features {
  const children = parseInline(segment.text, definitions)
  const markup: Record<string, number> = {}
  const urls: string[] = []
  const walk = (node: Nodes) => {
    if (node.type !== 'text') markup[node.type] = (markup[node.type] ?? 0) + 1
    if (node.type === 'link' || node.type === 'image') urls.push(node.url)
    if ('children' in node) for (const child of node.children) walk(child)
  }
  for (const child of children) walk(child)
  const plain = toString(children)
  return {segment, length: Math.max(1, [...plain].length), numbers: numbersIn(plain), urls: urls.sort().join('\n'), markup}
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1
  let shared = 0
  for (const item of a) if (b.has(item)) shared++
  return shared / (a.size + b.size - shared)
}

function markupSimilarity(a: Record<string, number>, b: Record<string, number>): number {
  let difference = 0
  let total = 0
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    difference += Math.abs((a[key] ?? 0) - (b[key] ?? 0))
    total += (a[key] ?? 0) + (b[key] ?? 0)
  }
  return 1 - difference / (total + 1)
}

/**
 * How likely a translated block translates a source segment, 0–1, from structure alone (what
 * po4a-gettextize does): same block kind (required), same numbers, same link and image URLs, same
 * inline markup, scaled down as its length strays from the document's overall length ratio.
 */
function score(source: Features, block: Features, ratio: number): number {
  if (source.segment.kind !== block.segment.kind || source.segment.field !== block.segment.field) return 0
  const structure = (0.5 * jaccard(source.numbers, block.numbers) + 0.5 * (source.urls === block.urls ? 1 : 0)) * markupSimilarity(source.markup, block.markup)
  // Length decides between structurally alike paragraphs; short texts vary too much to say much.
  const strictness = 1.5 * Math.min(1, source.length / 100)
  return structure * Math.exp(-strictness * Math.abs(Math.log(block.length / source.length / ratio)))
}

/**
 * Align the blocks of a translated document with the segments of its source: the order-preserving
 * alignment of greatest total confidence (dynamic programming over both sequences). Pairs under the
 * confidence threshold are not guessed: their blocks are reported, with the run of source segments a
 * block seems to merge when its length matches theirs together.
 */
export function alignDocument(source: SourceDocument, translated: SourceDocument): DocumentAlignment {
  const a = source.segments.map((segment) => featuresOf(segment, source.definitions))
  const b = translated.segments.map((segment) => featuresOf(segment, translated.definitions))
  const total = (list: Features[]) => list.filter((item) => item.segment.kind !== 'field').reduce((sum, item) => sum + item.length, 0)
  // A first pass with the overall ratio (skewed by missing or merged blocks), then the median ratio of its pairs.
  const first = alignSequences(a, b, total(b) / Math.max(1, total(a)) || 1)
  const ratios = first.map(([i, j]) => b[j]!.length / a[i]!.length).sort((x, y) => x - y)
  const ratio = ratios.length > 0 ? ratios[Math.floor(ratios.length / 2)]! : 1
  const matched = alignSequences(a, b, ratio)
  const pairs = matched.map(([i, j, value]) => ({segment: a[i]!.segment, block: b[j]!.segment, score: value}))
  const alignedSource = new Set(matched.map(([i]) => i))
  const alignedBlocks = new Set(matched.map(([, j]) => j))
  const unaligned: UnalignedBlock[] = []
  const merged = new Set<number>()
  b.forEach((block, j) => {
    if (alignedBlocks.has(j)) return
    // The unaligned source run between this block's aligned neighbours.
    const before = matched.filter(([, other]) => other < j).at(-1)
    const after = matched.find(([, other]) => other > j)
    const run = a.slice(before ? before[0] + 1 : 0, after ? after[0] : a.length).filter((item) => item.segment.kind === block.segment.kind)
    const together = run.reduce((sum, item) => sum + item.length, 0) * ratio
    const mergedFrom = run.length >= 2 && Math.abs(Math.log(block.length / together)) < 0.25 ? run.map((item) => item.segment) : []
    for (const item of mergedFrom) merged.add(source.segments.indexOf(item))
    unaligned.push({block: block.segment, mergedFrom})
  })
  const missing = source.segments.filter((_, i) => !alignedSource.has(i) && !merged.has(i))
  return {pairs, missing, unaligned}
}

/** The order-preserving pairs (source index, block index, score) of greatest total gain over the threshold. */
function alignSequences(a: Features[], b: Features[], ratio: number): [number, number, number][] {
  const rows = a.length
  const columns = b.length
  const scores = a.map((item) => b.map((other) => score(item, other, ratio)))
  // best[i][j]: best total gain aligning a[i..] with b[j..]; a pair gains (score - confidence).
  const best = Array.from({length: rows + 1}, () => new Float64Array(columns + 1))
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = columns - 1; j >= 0; j--) {
      const pair = scores[i]![j]! >= confidence ? scores[i]![j]! - confidence + best[i + 1]![j + 1]! : -Infinity
      best[i]![j] = Math.max(pair, best[i + 1]![j]!, best[i]![j + 1]!)
    }
  }
  const pairs: [number, number, number][] = []
  for (let i = 0, j = 0; i < rows && j < columns; ) {
    const value = scores[i]![j]!
    if (value >= confidence && best[i]![j] === value - confidence + best[i + 1]![j + 1]!) pairs.push([i++, j++, value])
    else if (best[i]![j] === best[i + 1]![j]) i++
    else j++
  }
  return pairs
}
