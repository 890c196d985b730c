import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {readFrontMatter, readFrontMatterFully, readPlainFrontMatter} from '../scripts/parse/read-front-matter.js'
import {readEntries} from '../scripts/segment-file/parse-segment-file.js'
import {readEntriesFast} from '../scripts/segment-file/read-entries-fast.js'
import {layOutSegmentFile, stringifySegmentFile} from '../scripts/segment-file/stringify-segment-file.js'
import {serializeInline} from '../scripts/segment/serialize-inline.js'
import type {SegmentEntry, SegmentFile} from '../scripts/types.js'
import {repository} from './helpers.js'

// Characters that make Markdown interesting: block starts, inline syntax, line breaks, scripts.
const piece = fc.constantFrom('word', 'Wort', ' ', ' ', '\n', '\\\n', '1984.', '1)', '- ', '+ ', '* ', '# ', '> ', '|', '---', '===', '***', '```', '<b>', '<!--', '[x]', '[^1]', ': ', '*em*', '`c`', '    ', '\t', '中文', 'é', '«', '»', '!', '&amp;', '_')
const inline = fc.array(piece, {minLength: 1, maxLength: 12}).map((parts) => parts.join(''))
const translation = fc.oneof(inline, inline.map((text) => text.trim()), fc.constant(''))

const entry = fc.record({
  source: inline.map((text) => serializeInline([{type: 'text', value: text.replace(/\s+/g, ' ').trim() || 'x'}])),
  translation,
  previousSource: fc.option(inline.map((text) => serializeInline([{type: 'text', value: text.replace(/\s+/g, ' ').trim() || 'y'}])), {nil: undefined}),
  obsolete: fc.boolean()
})

function fileOf(items: {source: string; translation: string; previousSource: string | undefined; obsolete: boolean}[]): SegmentFile {
  const entries: SegmentEntry[] = items.map((item, index) => {
    const result: SegmentEntry = {id: `${(index + 0x10000000).toString(16)}`, source: item.source, translation: item.translation, obsolete: item.obsolete, place: {line: 1, column: 1}, translationPlace: {line: 1, column: 1}}
    if (item.previousSource !== undefined) result.previousSource = item.previousSource
    return result
  })
  return {language: 'es', translators: [], status: 'draft', frontMatterText: 'language: es\ntranslators: []\nstatus: draft', frontMatter: {}, entries}
}

function both(text: string) {
  const file = new VFile()
  const {bodyStart} = readFrontMatter(text, file)
  let full: SegmentEntry[]
  try {
    full = readEntries(text, bodyStart, file)
  } catch (error) {
    // micromark's GFM task list trips its own development-only assertion on `1)\n[x]\nword` (the
    // shipped bundle has no assertions and reads it): not a case either reader can be compared on.
    fc.pre((error as {code?: string}).code !== 'ERR_ASSERTION')
    throw error
  }
  return {fast: readEntriesFast(text, bodyStart), full, errors: file.messages.length}
}

describe('the fast segment-file reader', () => {
  it('reads exactly what the full parser reads, or defers to it (property)', () => {
    let fastCount = 0
    fc.assert(
      fc.property(fc.array(entry, {minLength: 1, maxLength: 6}), fc.option(fc.tuple(fc.nat(), piece), {nil: undefined}), (items, edit) => {
        let text = stringifySegmentFile(fileOf(items), {document: 'doc', sourcePath: 'source/doc.md'})
        if (edit !== undefined) {
          // An editor's stray change somewhere in the body.
          const at = text.indexOf('-->') + 3 + (edit[0] % Math.max(1, text.length - text.indexOf('-->') - 3))
          text = text.slice(0, at) + edit[1] + text.slice(at)
        }
        const {fast, full, errors} = both(text)
        if (fast === undefined) return
        fastCount++
        expect(errors).toBe(0)
        expect(fast).toEqual(full)
      }),
      {numRuns: 1500}
    )
    // The fast path must actually be taken for ordinary files.
    expect(fastCount).toBeGreaterThan(100)
  })

  it('gives, as it writes a file, the entries and places that reading it back gives (property)', () => {
    let compared = 0
    const context = {document: 'doc', sourcePath: 'source/doc.md'}
    fc.assert(
      fc.property(fc.array(entry, {minLength: 0, maxLength: 6}), (items) => {
        // Entries as a file read gives them: what `update` lays out again.
        const read = both(stringifySegmentFile(fileOf(items), context))
        if (read.errors > 0) return
        const file = {...fileOf([]), entries: read.full}
        const {text, entries} = layOutSegmentFile(file, context)
        expect(text).toBe(stringifySegmentFile(file, context))
        const {full, errors} = both(text)
        expect(errors).toBe(0)
        compared++
        expect(entries).toEqual(full)
      }),
      {numRuns: 1000}
    )
    expect(compared).toBeGreaterThan(300)
  })

  it.each(['--- ---', '- - -', '* * *', '_ _ _'])('defers to the full parser for a translation that is a thematic break (%s)', (line) => {
    const text = stringifySegmentFile(fileOf([{source: 'word', translation: line, previousSource: undefined, obsolete: false}]), {document: 'doc', sourcePath: 'source/doc.md'})
    expect(both(text).fast).toBeUndefined()
  })

  it.each(['de', 'es', 'fa', 'fr', 'zh-Hans'])('takes the fast path for the shipped %s file', async (language) => {
    const text = await readFile(join(repository, 'translations', language, 'statement.md'), 'utf8')
    const {fast, full} = both(text)
    expect(fast).toEqual(full)
  })
})

describe('the plain front-matter reader', () => {
  const key = fc.constantFrom('language', 'translators', 'status', 'title', 'x_y', 'a-b', '__proto__', 'constructor', 'a b', 'Status', '1st')
  // Mostly what the fast path takes, so it is exercised; the rest must make it defer.
  const separator = fc.oneof({weight: 6, arbitrary: fc.constant(': ')}, {weight: 1, arbitrary: fc.constantFrom(':', ':  ', ' : ', ':\t')})
  const value = fc.oneof({weight: 4, arbitrary: fc.constantFrom('draft', 'reviewed', 'es', 'zh-Hans', '[]')}, {weight: 1, arbitrary: fc.constantFrom('draft', 'reviewed', 'es', 'zh-Hans', 'true', 'False', 'NULL', 'null', 'yes', 'no', 'e5', '1', '1.5', '0x1F', '.inf', '[]', '[ ]', '[a]', '{}', '"x"', "'x'", 'a b', '', 'x: y', '- a', '~', '&a x', '*a', '!!str x', 'a#b', 'a #b')})
  const line = fc.oneof({weight: 12, arbitrary: fc.tuple(key, separator, value).map(([k, s, v]) => `${k}${s}${v}`)}, {weight: 1, arbitrary: fc.constantFrom('', '# note', '  indented: x', '- item', '---')})
  const closing = fc.oneof({weight: 4, arbitrary: fc.constant('---')}, {weight: 1, arbitrary: fc.constantFrom('--- ', '---\t', '----', '---x', '...')})
  const body = fc.constantFrom('', '\n', '\nBody\n', 'Body', '\n\n<!-- segment 1 -->\n')
  const document = fc.tuple(fc.array(line, {minLength: 0, maxLength: 5}), closing, body).map(([lines, close, rest]) => `---\n${lines.join('\n')}${lines.length > 0 ? '\n' : ''}${close}${rest}`)

  it('reads what gray-matter and the YAML parser read, or defers to them (property)', () => {
    let fast = 0
    fc.assert(
      fc.property(document, (text) => {
        const plain = readPlainFrontMatter(text)
        if (plain === undefined) return
        fast++
        const file = new VFile({path: 'x.md'})
        const full = readFrontMatterFully(text, file)
        expect(file.messages.map((message) => message.reason)).toEqual([])
        expect({...plain, data: {...plain.data}}).toEqual({...full, data: {...full.data}})
      }),
      {numRuns: 3000}
    )
    // The fast path is exercised, not always deferred.
    expect(fast).toBeGreaterThan(150)
  })

  it('reads the front matter interlinear writes', () => {
    const text = '---\nlanguage: es\ntranslators: []\nstatus: draft\n---\n\nBody\n'
    expect(readPlainFrontMatter(text)).toEqual({data: Object.assign(Object.create(null), {language: 'es', translators: [], status: 'draft'}), raw: 'language: es\ntranslators: []\nstatus: draft', bodyStart: 51, keyLines: {language: 2, translators: 3, status: 4}})
  })
})
