import {boundedCache} from '../bounded-cache.js'
import {defaults} from '../config.js'
import type {Segment, SegmentEntry} from '../types.js'

/** How a segment found its entry: by ID, or by best match of an outdated source. */
export type Alignment = {entry: SegmentEntry; exact: boolean} | undefined

// Han, Hiragana and Katakana have no spaces between words: each character counts as a word.
const wordPattern = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}]+/gu

// Every language's file is aligned against the same source texts: count each text's words once.
const counted = boundedCache<ReadonlyMap<string, number>>()

/** Words of a text, lower-cased, with their counts. */
function wordCounts(text: string): ReadonlyMap<string, number> {
  return counted(text, () => {
    const words = new Map<string, number>()
    for (const [word] of text.toLowerCase().matchAll(wordPattern)) words.set(word, (words.get(word) ?? 0) + 1)
    return words
  })
}

function size(counts: ReadonlyMap<string, number>): number {
  let total = 0
  for (const count of counts.values()) total += count
  return total
}

/**
 * Word similarity of two texts, 0–1: the Dice coefficient of their word multisets.
 */
export function similarity(a: string, b: string): number {
  return dice(wordCounts(a), wordCounts(b))
}

function dice(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const total = size(a) + size(b)
  if (total === 0) return 1
  let shared = 0
  for (const [word, count] of a) shared += Math.min(count, b.get(word) ?? 0)
  return (2 * shared) / total
}

/**
 * Find each segment's entry in a segment file: first by ID (also in the Obsolete section), then, for
 * segments still without one, the most similar unclaimed entry that holds a translation (as msgmerge's
 * fuzzy matching does), best pairs first. Returns one alignment per segment, in order.
 */
export function alignEntries(segments: readonly Segment[], entries: readonly SegmentEntry[], threshold: number = defaults.fuzzyThreshold): Alignment[] {
  const byId = new Map(entries.map((entry) => [entry.id, entry]))
  const claimed = new Set<SegmentEntry>()
  const result: Alignment[] = segments.map((segment) => {
    const entry = byId.get(segment.id)
    if (entry === undefined) return undefined
    claimed.add(entry)
    return {entry, exact: true}
  })
  const open = segments.flatMap((segment, index) => (result[index] === undefined ? [{segment, index, words: wordCounts(segment.text)}] : []))
  const candidates = entries.flatMap((entry, order) => (!claimed.has(entry) && entry.translation !== '' ? [{entry, order, words: wordCounts(entry.previousSource ?? entry.source)}] : []))
  if (open.length === 0 || candidates.length === 0) return result
  const pairs: {score: number; segment: number; candidate: number}[] = []
  for (const [s, item] of open.entries()) {
    const length = size(item.words)
    for (const [c, candidate] of candidates.entries()) {
      const other = size(candidate.words)
      // Dice cannot reach the threshold when lengths differ this much: skip the count.
      if ((2 * Math.min(length, other)) / (length + other || 1) < threshold) continue
      const score = dice(item.words, candidate.words)
      if (score >= threshold) pairs.push({score, segment: s, candidate: c})
    }
  }
  pairs.sort((a, b) => b.score - a.score || open[a.segment]!.index - open[b.segment]!.index || candidates[a.candidate]!.order - candidates[b.candidate]!.order)
  const taken = new Set<number>()
  for (const pair of pairs) {
    const item = open[pair.segment]!
    if (result[item.index] !== undefined || taken.has(pair.candidate)) continue
    taken.add(pair.candidate)
    result[item.index] = {entry: candidates[pair.candidate]!.entry, exact: false}
  }
  return result
}

/** Entries no segment claimed, in file order. */
export function unclaimedEntries(entries: readonly SegmentEntry[], alignments: readonly Alignment[]): SegmentEntry[] {
  const claimed = new Set(alignments.flatMap((alignment) => (alignment === undefined ? [] : [alignment.entry])))
  return entries.filter((entry) => !claimed.has(entry))
}
