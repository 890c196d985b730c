import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {parseSourceDocument} from '../scripts/parse/parse-source-document.js'
import {parseSegmentFile} from '../scripts/segment-file/parse-segment-file.js'
import {stringifySegmentFile} from '../scripts/segment-file/stringify-segment-file.js'
import {updateSegmentFile} from '../scripts/segment-file/update-segment-file.js'
import {computeStatus} from '../scripts/status/compute-status.js'
import type {SegmentFile, SourceDocument} from '../scripts/types.js'

const context = {document: 'doc', sourcePath: 'source/doc.md'}

function source(paragraphs: readonly string[]): SourceDocument {
  const {document, file} = parseSourceDocument(`---\nlanguage: en\n---\n\n${paragraphs.join('\n\n')}\n`, {id: 'doc', path: 'source/doc.md'})
  expect(file.messages.map(String)).toEqual([])
  return document!
}

/** Update, then write and read back, as the CLI does. */
function update(file: SegmentFile | undefined, document: SourceDocument): {file: SegmentFile; text: string} {
  const text = stringifySegmentFile(updateSegmentFile(file, document.segments, 'es'), context)
  const {segmentFile, file: messages} = parseSegmentFile(text, {path: 'translations/es/doc.md', language: 'es'})
  expect(messages.messages.map(String)).toEqual([])
  return {file: segmentFile!, text}
}

function translateAll(file: SegmentFile, translate: (source: string) => string): SegmentFile {
  return {...file, entries: file.entries.map((entry) => ({...entry, translation: entry.translation || translate(entry.source)}))}
}

const v1 = ['First paragraph about the campaign.', 'Second paragraph about support for the struggle.', 'Third paragraph ends here.']

describe('update', () => {
  const translated = translateAll(update(undefined, source(v1)).file, (text) => `ES ${text}`)

  it('adds new segments empty and keeps the others', () => {
    const {file} = update(translated, source([...v1, 'A new fourth paragraph.']))
    expect(file.entries.map((entry) => entry.translation)).toEqual([...v1.map((text) => `ES ${text}`), ''])
  })

  it('keeps the translation of a changed segment, marks it needs-review and shows the previous source', () => {
    const changed = source([v1[0]!, 'Second paragraph about solid support for the struggle.', v1[2]!])
    const {file, text} = update(translated, changed)
    expect(file.entries[1]).toMatchObject({
      id: changed.segments[1]!.id,
      source: 'Second paragraph about solid support for the struggle.',
      translation: `ES ${v1[1]}`,
      previousSource: v1[1]
    })
    expect(computeStatus(changed.segments, file).map((status) => status.state)).toEqual(['translated', 'needs-review', 'translated'])
    expect(text).toContain(`> [!WARNING]\n> Needs review: the source of this segment changed.`)
    expect(text).toContain(`>\n> ${v1[1]}\n\nES ${v1[1]}`)
  })

  it('sees a stale translation from the segment file alone, before update runs', () => {
    const changed = source([v1[0]!, 'Second paragraph about solid support for the struggle.', v1[2]!])
    expect(computeStatus(changed.segments, translated).map((status) => status.state)).toEqual(['translated', 'stale', 'translated'])
  })

  it('clears needs-review when the translator deletes the note', () => {
    const changed = source([v1[0]!, 'Second paragraph about solid support for the struggle.', v1[2]!])
    const {text} = update(translated, changed)
    const reviewed = text.replace(/> \[!WARNING\][^]*?\n\n(?=ES Second)/, '')
    const {segmentFile} = parseSegmentFile(reviewed, {path: 'x.md', language: 'es'})
    expect(computeStatus(changed.segments, segmentFile).map((status) => status.state)).toEqual(['translated', 'translated', 'translated'])
  })

  it('moves the translation of a deleted segment to Obsolete and brings it back when the text returns', () => {
    const removed = update(translated, source([v1[0]!, v1[2]!]))
    expect(removed.text).toMatch(/## Obsolete\n\n<!-- segment [0-9a-f]{8} -->\n> Second paragraph/)
    expect(removed.file.entries.filter((entry) => entry.obsolete).map((entry) => entry.translation)).toEqual([`ES ${v1[1]}`])
    const restored = update(removed.file, source(v1))
    expect(restored.text).not.toContain('## Obsolete')
    expect(computeStatus(source(v1).segments, restored.file).map((status) => status.state)).toEqual(['translated', 'translated', 'translated'])
    expect(restored.file.entries.map((entry) => entry.translation)).toEqual(v1.map((text) => `ES ${text}`))
  })

  it('changes no byte when run twice', () => {
    const once = update(translated, source([v1[2]!, 'Brand new text.', v1[0]!]))
    expect(update(once.file, source([v1[2]!, 'Brand new text.', v1[0]!])).text).toBe(once.text)
  })
})

// Small vocabulary: edits often leave paragraphs similar (fuzzy matches) or identical (repeated IDs).
const word = fc.constantFrom('people', 'war', 'support', 'campaign', 'the', 'of', 'revolution', 'movement', 'world', 'class', 'party', 'struggle')
const paragraph = fc.array(word, {minLength: 2, maxLength: 8}).map((words) => `${words.join(' ')}.`)
const edit = fc.oneof(
  fc.record({kind: fc.constant('insert' as const), at: fc.nat(), text: paragraph}),
  fc.record({kind: fc.constant('delete' as const), at: fc.nat()}),
  fc.record({kind: fc.constant('modify' as const), at: fc.nat(), text: word}),
  fc.record({kind: fc.constant('move' as const), at: fc.nat(), to: fc.nat()})
)

type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never

function apply(paragraphs: string[], step: Edit): string[] {
  const next = [...paragraphs]
  const at = next.length === 0 ? 0 : step.at % next.length
  if (step.kind === 'insert') next.splice(step.at % (next.length + 1), 0, step.text)
  else if (next.length === 0) return next
  else if (step.kind === 'delete') next.splice(at, 1)
  else if (step.kind === 'modify') next[at] = next[at]!.replace(/\.$/, ` ${step.text}.`)
  else next.splice(step.to % next.length, 0, ...next.splice(at, 1))
  return next
}

describe('update never loses a translation (property)', () => {
  it('keeps every translation ever written, attached or obsolete, and a second run is a no-op', () => {
    fc.assert(
      fc.property(fc.array(paragraph, {minLength: 1, maxLength: 6}), fc.array(edit, {minLength: 1, maxLength: 8}), (initial, edits) => {
        let paragraphs = initial
        let counter = 0
        const written = new Set<string>()
        const translate = () => {
          const text = `Traducción ${++counter}`
          written.add(text)
          return text
        }
        let file = translateAll(update(undefined, source(paragraphs)).file, translate)
        for (const step of edits) {
          paragraphs = apply(paragraphs, step)
          if (paragraphs.length === 0) paragraphs = ['placeholder paragraph.']
          const document = source(paragraphs)
          const once = update(file, document)
          const kept = new Set(once.file.entries.map((entry) => entry.translation))
          for (const text of written) expect(kept.has(text)).toBe(true)
          expect(update(once.file, document).text).toBe(once.text)
          file = translateAll(once.file, translate)
        }
      }),
      {numRuns: 150}
    )
  })
})
