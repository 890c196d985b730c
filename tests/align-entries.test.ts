import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {alignEntries, type Alignment} from '../scripts/segment-file/align-entries.js'
import type {Segment, SegmentEntry} from '../scripts/types.js'

// The oracle: every open segment compared with every candidate entry, as alignEntries did before it
// found its pairs through their rarest words.

function counts(text: string): Map<string, number> {
  const words = new Map<string, number>()
  for (const [word] of text.toLowerCase().matchAll(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}]+/gu)) words.set(word, (words.get(word) ?? 0) + 1)
  return words
}

function dice(a: Map<string, number>, b: Map<string, number>): number {
  const total = [...a.values(), ...b.values()].reduce((sum, count) => sum + count, 0)
  if (total === 0) return 1
  let shared = 0
  for (const [word, count] of a) shared += Math.min(count, b.get(word) ?? 0)
  return (2 * shared) / total
}

function allPairs(segments: readonly Segment[], entries: readonly SegmentEntry[], threshold: number): Alignment[] {
  // By ID first: of entries with the same ID, the last.
  const byId = segments.map((segment) => [...entries].reverse().find((entry) => entry.id === segment.id))
  const claimed = new Set(byId.filter((entry) => entry !== undefined))
  const result: Alignment[] = byId.map((entry) => (entry === undefined ? undefined : {entry, exact: true}))
  const open = segments.flatMap((segment, index) => (result[index] === undefined ? [{index, words: counts(segment.text)}] : []))
  const candidates = entries.flatMap((entry, order) => (!claimed.has(entry) && entry.translation !== '' ? [{entry, order, words: counts(entry.previousSource ?? entry.source)}] : []))
  const size = (words: Map<string, number>) => [...words.values()].reduce((sum, count) => sum + count, 0)
  const pairs: {score: number; segment: number; candidate: number}[] = []
  for (const [s, item] of open.entries()) {
    for (const [c, candidate] of candidates.entries()) {
      const [length, other] = [size(item.words), size(candidate.words)]
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

// A small vocabulary, repeated words, CJK characters (a word each), numbers and texts without words:
// many texts are similar, and some reach the threshold exactly.
const word = fc.constantFrom('people', 'war', 'the', 'the', 'of', 'Peru', 'support', 'movement', '人民', '战争', '1984', '—', '*')
const text = fc.array(word, {maxLength: 12}).map((words) => words.join(' '))
const place = {line: 1, column: 1}
const segment = (text: string, index: number): Segment => ({id: `s${index}`, kind: 'paragraph', text, place})
const entry = ({source, translation, previous, id}: {source: string; translation: boolean; previous: string | undefined; id: number}, index: number): SegmentEntry => ({
  // Some entries keep the ID of a segment (an exact match), most have none.
  id: id < 3 ? `s${id}` : `e${index}`,
  source,
  translation: translation ? `traducción ${index}` : '',
  ...(previous === undefined ? {} : {previousSource: previous}),
  obsolete: false,
  place,
  translationPlace: place
})

describe('alignEntries', () => {
  it('pairs segments and entries as comparing every pair does (property)', () => {
    fc.assert(
      fc.property(
        fc.array(text, {maxLength: 14}),
        fc.array(fc.record({source: text, translation: fc.boolean(), previous: fc.option(text, {nil: undefined}), id: fc.nat(20)}), {maxLength: 14}),
        fc.constantFrom(0.5, 0.5, 0.25, 0.6, 0.8, 1),
        (texts, records, threshold) => {
          const segments = texts.map(segment)
          const entries = records.map(entry)
          expect(alignEntries(segments, entries, threshold)).toEqual(allPairs(segments, entries, threshold))
        }
      ),
      {numRuns: 3000}
    )
  })

  it('pairs every changed paragraph of a long document with its old entry', () => {
    // 2,000 paragraphs, each changed (a sentence appended to every one), none keeping its ID.
    const paragraphs = Array.from({length: 2000}, (_, index) => `Paragraph ${index} on the support of the people's war, with its own words: ${index.toString(36)} ${(index * 7919).toString(36)}.`)
    const segments = paragraphs.map((text, index) => segment(`${text} See the note.`, index))
    const entries = paragraphs.map((text, index) => ({id: `old${index}`, source: text, translation: `traducción ${index}`, obsolete: false, place, translationPlace: place}))
    const aligned = alignEntries(segments, entries)
    expect(aligned.map((alignment) => alignment?.entry.id)).toEqual(entries.map((item) => item.id))
    expect(aligned.every((alignment) => alignment?.exact === false)).toBe(true)
  })
})
