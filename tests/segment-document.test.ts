import fc from 'fast-check'
import type {Nodes, Paragraph, PhrasingContent, TableCell} from 'mdast'
import {SKIP, visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {parseMarkdown} from '../scripts/parse/parse-markdown.js'
import {parseSourceDocument} from '../scripts/parse/parse-source-document.js'
import {isInlineBlock, visitBlocks} from '../scripts/parse/visit-blocks.js'
import {serializeInline, serializeInlineMarkdown, serializeSimpleInline, stringifyMarkdown} from '../scripts/segment/serialize-inline.js'
import type {SourceDocument} from '../scripts/types.js'
import {statementText} from './helpers.js'

function parse(text: string): SourceDocument {
  const {document, file} = parseSourceDocument(text, {id: 'doc', path: 'source/doc.md'})
  expect(file.messages.map(String)).toEqual([])
  return document!
}

const doc = (body: string) => `---\nlanguage: en\n---\n\n${body}`

describe('segmentDocument on the statement', () => {
  const statement = parse(statementText)

  it('finds the title field, the heading and every paragraph, in order', () => {
    expect(statement.segments.map((segment) => segment.kind)).toEqual(['field', 'heading', ...Array(9).fill('paragraph')])
    expect(statement.segments[0]).toMatchObject({field: 'title', place: {line: 2, column: 1}})
  })

  it('keeps emphasis as inline Markdown and hard breaks as backslash line endings', () => {
    const texts = statement.segments.map((segment) => segment.text)
    expect(texts).toContain(
      'The following statement was forwarded to *A World to Win* by the Information Bureau of the Revolutionary Internationalist Movement.—AWTW'
    )
    expect(texts.find((text) => text.startsWith('But the level'))).toContain('As the *Declaration of the Revolutionary Internationalist Movement* puts it: "internationalism')
    expect(texts.at(-1)).toMatch(/following address:\\\nBCM RIM, London WC1N 3XX,\\\nU\.K\. □$/)
  })

  it('repairs the two page-break artifacts and nothing else', () => {
    const texts = statement.segments.map((segment) => segment.text)
    expect(texts.some((text) => text.includes('genuine revolutionary forces, it is also correct'))).toBe(true)
    expect(texts.some((text) => text.includes('countries are duty bound to make support'))).toBe(true)
    expect(texts.some((text) => /revolu-$|^tionary|^duty bound/.test(text))).toBe(false)
    expect(texts.some((text) => text.includes('this on going work'))).toBe(true)
  })

  it('gives repeated text distinct IDs by occurrence', () => {
    expect(statement.segments[0]!.id).toMatch(/^[0-9a-f]{8}$/)
    expect(statement.segments[1]!.id).toBe(`${statement.segments[0]!.id}-2`)
    expect(new Set(statement.segments.map((segment) => segment.id)).size).toBe(statement.segments.length)
  })
})

describe('segment IDs', () => {
  it('do not change when other paragraphs are inserted, deleted or moved', () => {
    const before = parse(doc('Alpha one.\n\nBeta two.\n\nGamma three.\n'))
    const after = parse(doc('Gamma three.\n\nNew paragraph.\n\nAlpha one.\n'))
    const id = (document: SourceDocument, text: string) => document.segments.find((segment) => segment.text === text)!.id
    expect(id(after, 'Alpha one.')).toBe(id(before, 'Alpha one.'))
    expect(id(after, 'Gamma three.')).toBe(id(before, 'Gamma three.'))
  })

  it('do not change when a paragraph is rewrapped or its style is changed', () => {
    const a = parse(doc('Some *emphasis*   and\ntext __strong__.\n'))
    const b = parse(doc('Some _emphasis_ and text **strong**.\n'))
    expect(a.segments[0]!.id).toBe(b.segments[0]!.id)
    expect(a.segments[0]!.text).toBe('Some *emphasis* and text **strong**.')
  })

  it('are the same for NFC and NFD spellings', () => {
    expect(parse(doc('Caf\u00e9 society.\n')).segments[0]!.id).toBe(parse(doc('Cafe\u0301 society.\n')).segments[0]!.id)
  })
})

describe('segmentDocument on every block type', () => {
  const sample = parse(
    doc(
      [
        '# Heading *one*',
        '> Quoted paragraph.\n>\n> > Nested quote.',
        '- Item one\n- Item two\n\n  Second paragraph of item two.',
        '1. First\n2. Second',
        '| Name | Value |\n| --- | --- |\n| Apple | 42 |',
        '![An image of a tree](tree.png "Tree")',
        'Text with a footnote.[^1]\n\n[^1]: The footnote text.',
        '```js\nconst code = "not translated"\n```',
        '<div>HTML block, not translated</div>',
        '[ref]: https://example.org',
        '    indented code, not translated',
        '---',
        '1984'
      ].join('\n\n') + '\n'
    )
  )
  const texts = sample.segments.map((segment) => segment.text)

  it('takes headings, paragraphs in quotes, lists and footnotes, table cells and image alt text', () => {
    expect(texts).toEqual([
      'Heading *one*',
      'Quoted paragraph.',
      'Nested quote.',
      'Item one',
      'Item two',
      'Second paragraph of item two.',
      'First',
      'Second',
      'Name',
      'Value',
      'Apple',
      '![An image of a tree](tree.png "Tree")',
      'Text with a footnote.[^1]',
      'The footnote text.'
    ])
  })

  it('leaves code, HTML, definitions and blocks without words untranslated', () => {
    expect(texts.join('\n')).not.toMatch(/not translated|example\.org|^42$|^1984$/m)
  })

  it('records link and footnote definitions so translations can use them', () => {
    expect(sample.definitions).toContain('[ref]: https://example.org')
    expect(sample.definitions).toContain('[^1]:')
  })

  it('escapes block syntax at the start of a segment so it reads back as text', () => {
    const escaped = parse(doc('1984\\. A year.\n\n\\# Not a heading\n'))
    expect(escaped.segments.map((segment) => segment.text)).toEqual(['1984\\. A year.', '\\# Not a heading'])
  })

  it('keeps a hard break before inline HTML that would open an HTML block at the start of a line', () => {
    // Indented past the list item's content, `<!--` continues the paragraph in the source.
    const [comment, span] = parse(doc('- people \\\n      <!-- c --> people\n\nA \\\n<span>b</span>\n')).segments.map((segment) => segment.text)
    expect(comment).toBe('people \\\n    <!-- c --> people')
    expect(span).toBe('A \\\n<span>b</span>')
    const types = (text: string) => (parseMarkdown(text).children[0] as Paragraph).children.map((node) => node.type)
    expect(types(comment!)).toEqual(['text', 'break', 'html', 'text'])
    expect(types(span!)).toEqual(['text', 'break', 'html', 'text', 'html'])
  })

  it('leaves a break before such HTML a space where no line ending may stand (a table cell)', () => {
    const cell: TableCell = {type: 'tableCell', children: [{type: 'text', value: 'a'}, {type: 'break'}, {type: 'html', value: '<!-- c -->'}]}
    expect(stringifyMarkdown({type: 'root', children: [{type: 'table', align: [null], children: [{type: 'tableRow', children: [cell]}]}]})).toBe('| a <!-- c --> |\n| ------------ |\n')
  })
})

describe('parseSourceDocument', () => {
  it('refuses JavaScript front matter without evaluating it', () => {
    const marker = `interlinear-js-${Date.now()}`
    const {document, file} = parseSourceDocument(`---js\n{language: (globalThis['${marker}'] = 'en')}\n---\n\nText.\n`, {id: 'x', path: 'source/x.md'})
    expect(document).toBeUndefined()
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined()
    expect(file.messages[0]).toMatchObject({line: 1, column: 1, ruleId: 'front-matter-syntax', fatal: true})
  })

  it('requires a language in the front matter', () => {
    const {file} = parseSourceDocument('---\ntitle: x\n---\n\nText.\n', {id: 'x', path: 'source/x.md'})
    expect(file.messages[0]?.reason).toMatch(/no `language`/)
  })

  it('reports YAML errors at their line in the file', () => {
    const {file} = parseSourceDocument('---\nlanguage: en\ntitle: [unclosed\n---\n\nText.\n', {id: 'x', path: 'source/x.md'})
    expect(file.messages[0]).toMatchObject({ruleId: 'front-matter-syntax'})
    expect(file.messages[0]!.line).toBeGreaterThanOrEqual(3)
  })

  it('reads dates and versions as plain strings and numbers, never as Date objects', () => {
    const {document} = parseSourceDocument('---\nlanguage: en\ndate: 2024-01-02\n---\n\nText.\n', {id: 'x', path: 'source/x.md'})
    expect(document!.frontMatter.date).toBe('2024-01-02')
  })
})

describe('serializeInline fast path', () => {
  it('equals remark-stringify on any run of text', () => {
    const alphabet = [...'abcXYZ019  \t\n.,;:!?-+=*_`~|#<>&[](){}\\/@%$^\'"', ...'.,;:!?()/%-\'"', 'é', 'e\u0301', '中', '\u00a0', '\u2010', '\u2026', '«', 'ß', '١', 'www.', '://', 'http', 'mailto:']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), {maxLength: 40}), (pieces) => {
        const children: PhrasingContent[] = [{type: 'text', value: pieces.join('')}]
        expect(serializeInline(children)).toBe(serializeInlineMarkdown(children))
      }),
      {numRuns: 20000}
    )
  })

  it('equals remark-stringify on prose, where it applies most', () => {
    const prose = [...'abzAZ09 ,.;:!?\'"()/%-', 'é', 'e\u0301', '\u00a0', '\u2010', '\u2026', '«', '»', 'ß', '١', 'http', 'www', 'mailto:', '1.', ' -', ' 1)']
    fc.assert(
      fc.property(fc.constantFrom('a', 'Z', 'é'), fc.array(fc.constantFrom(...prose), {maxLength: 30}), (first, pieces) => {
        const children: PhrasingContent[] = [{type: 'text', value: first + pieces.join('')}]
        expect(serializeInline(children)).toBe(serializeInlineMarkdown(children))
      }),
      {numRuns: 20000}
    )
  })

  it('equals remark-stringify on text, emphasis and hard breaks whenever it is taken', () => {
    const prose = [...'abzAZ09 ,.;:!?\'"()/%-*_#', 'é', 'e\u0301', '\u00a0', '\u2014', '«', '»', '١', '中', '🙂', '□', '$', '€', '©', '\ud83d', 'www', 'http:/', '1.', '  ', '\n', ' -', ':-']
    // Mostly prose: a letter first, words and spaces, now and then anything else.
    const piece = fc.oneof({weight: 4, arbitrary: fc.constantFrom('word', 'é', ' ', 'a')}, {weight: 1, arbitrary: fc.constantFrom(...prose)})
    const text = fc.tuple(fc.constantFrom('a', 'Z', 'é', ' ', ',', '1', '*'), fc.array(piece, {maxLength: 8})).map(([first, pieces]) => first + pieces.join(''))
    const node = fc.oneof(
      {weight: 3, arbitrary: text.map((value): PhrasingContent => ({type: 'text', value}))},
      {weight: 2, arbitrary: text.map((value): PhrasingContent => ({type: 'emphasis', children: [{type: 'text', value}]}))},
      {weight: 1, arbitrary: fc.constant<PhrasingContent>({type: 'break'})}
    )
    let taken = 0
    fc.assert(
      fc.property(fc.array(node, {minLength: 1, maxLength: 6}), (children) => {
        const simple = serializeSimpleInline(children)
        if (simple === undefined) return
        taken++
        expect(simple).toBe(serializeInlineMarkdown(children))
      }),
      {numRuns: 20000}
    )
    expect(taken).toBeGreaterThan(500)
  })
})

describe('visitBlocks', () => {
  it('visits what unist-util-visit visits, in the same order, skipping the inside of headings, paragraphs and table cells', () => {
    const markdown = `# Title *em*\n\n> Quote with [link][a]\n>\n> - item\n>   1. nested *deep*\n\n| a | b |\n| - | - |\n| *c* | d |\n\n\`\`\`\ncode\n\`\`\`\n\n[^1]: Note.\n\n[a]: https://example.org\n\nText.[^1]\n\n<div>html</div>\n`
    for (const [tree, types] of [[parseMarkdown(markdown), ['blockquote', 'listItem', 'tableCell', 'footnoteDefinition', 'definition', 'code', 'html']], [parseMarkdown(statementText), ['heading', 'paragraph']]] as const) {
      const expected: Nodes[] = []
      visit(tree, (node: Nodes) => {
        expected.push(node)
        return isInlineBlock(node) ? SKIP : undefined
      })
      const visited: Nodes[] = []
      visitBlocks(tree, (node) => visited.push(node))
      expect(visited.length).toBe(expected.length)
      expect(visited.every((node, index) => node === expected[index])).toBe(true)
      expect(visited.map((node) => node.type)).toEqual(expect.arrayContaining([...types]))
    }
  })
})
