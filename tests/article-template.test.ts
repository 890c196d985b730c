import fc from 'fast-check'
import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import {createResolver} from '../scripts/merge/create-resolver.js'
import {collectResources, localizedTree, mergeTranslations, type LocalizedDocument, type StalePolicy} from '../scripts/merge/merge-translations.js'
import {parseSourceDocument} from '../scripts/parse/parse-source-document.js'
import {pseudoText} from '../scripts/pseudo/pseudo-localize.js'
import {articleTemplate, fillArticle, toSafeHast, type PassageTitles} from '../scripts/render/article-template.js'
import type {Segment, SegmentState, SegmentStatus, SourceDocument} from '../scripts/types.js'
import {statementText} from './helpers.js'

const titles: PassageTitles = {fallback: (language) => `Shown in ${language} & <not> "translated"`, outdated: 'Older source'}

function parse(markdown: string): SourceDocument {
  const {document, file} = parseSourceDocument(markdown, {path: 'source/doc.md', id: 'doc'})
  if (document === undefined) throw new Error(String(file.messages[0]))
  return document
}

type Translate = (segment: Segment, index: number) => {state: SegmentState; text: string} | undefined

/** A document localized into `xx` (falling back to `xy`, then the source) with the translations `translate` gives. */
function localize(document: SourceDocument, translate: Translate, second: Translate = () => undefined, policy: StalePolicy = 'keep'): LocalizedDocument {
  const statusesOf = (make: Translate): SegmentStatus[] =>
    document.segments.map((segment, index) => {
      const made = make(segment, index)
      if (made === undefined) return {segment, state: 'missing'}
      const place = {line: 1, column: 1}
      return {segment, state: made.state, entry: {id: segment.id, source: segment.text, translation: made.text, obsolete: false, place, translationPlace: place}}
    })
  const statuses = new Map([
    ['xx', statusesOf(translate)],
    ['xy', statusesOf(second)]
  ])
  const resolver = createResolver(document.id, collectResources(document, statuses, policy), {sourceLanguage: document.language, fallbacks: {xx: ['xy']}})
  return mergeTranslations(document, 'xx', {resolver, statuses, status: 'draft'})
}

/** The article as the whole tree gives it: the reference the template must equal. */
const reference = (localized: LocalizedDocument) => toHtml(toSafeHast(localizedTree(localized), titles).children)

function expectSameArticle(localized: LocalizedDocument) {
  const template = articleTemplate(localized.document)
  expect(template).toBeDefined()
  expect(fillArticle(template!, localized, titles)).toBe(reference(localized))
}

const kitchenSink = `---
language: en
---
# A *heading* with [a link][ref]

Intro paragraph with **strong**, \`code\`, <span onclick="x()">html</span> and a hard\\
break, then a soft
line & an <b>ampersand</b>.

- tight item one
- tight item *two*
  - nested [inline](https://example.org "title")

1. loose item

2. loose item with ![image](javascript:alert(1))

> A quote with <https://example.org/auto> and www.example.com.
>
> - [ ] task in a quote
> - [x] done task

| Left | Centre | Right |
| :--- | :----: | ----: |
| cell *one* | cell \\| two | 3 apples |

Setext heading
--------------

\`\`\`js
code block stays
\`\`\`

<div>raw block</div>

~~struck~~ text with [ref] and [collapsed][] and [full][ref].

[ref]: https://example.org/ref "Ref title"
[collapsed]: javascript:alert(2)
`

const inlinePool = [
  'Plain translated words',
  'Texto con *énfasis* y **fuerza**',
  'A [reference][ref] kept',
  'A [bad link](javascript:alert(3)) and <script>alert(4)</script>',
  'Ampersand & less < than > greater "quotes"',
  'Code `a < b` and a hard\\\nbreak',
  'متن فارسی با *تأکید*',
  '*Emphasis* first, then *twice* at the end *too*',
  '中文文本，没有空格。',
  'Autolink https://example.com/x?y=1&z=2 here',
  '![alt](https://example.org/i.png) image',
  'Entity &amp; &copy; &#106;avascript:',
  '~~gone~~ and [collapsed][]',
  'A line of *verse*,\\\nthe "second" line\\\n*and* the third.'
]

describe('article template', () => {
  it('equals the tree renderer on the statement, translated, outdated and falling back', () => {
    const document = parse(statementText)
    expectSameArticle(localize(document, () => undefined))
    expectSameArticle(localize(document, (segment) => ({state: 'translated', text: pseudoText(segment.text)})))
    expectSameArticle(
      localize(
        document,
        (segment, index) => (index % 3 === 0 ? undefined : {state: index % 3 === 1 ? 'translated' : 'stale', text: pseudoText(segment.text)}),
        (segment, index) => (index % 2 === 0 ? {state: 'translated', text: `${segment.text} (xy)`} : undefined)
      )
    )
  })

  it('equals the tree renderer on every construct, with hostile translations', () => {
    const document = parse(kitchenSink)
    for (const [offset, policy] of [[0, 'keep'], [5, 'fallback']] as const) {
      const translate: Translate = (_segment, index) => ({state: (['translated', 'stale', 'needs-review'] as const)[index % 3]!, text: inlinePool[(index + offset) % inlinePool.length]!})
      expectSameArticle(localize(document, translate, undefined, policy))
    }
  })

  it('drops what the tree renderer drops: raw HTML and unsafe URLs', () => {
    const document = parse(kitchenSink)
    const article = fillArticle(articleTemplate(document)!, localize(document, (_segment, index) => ({state: 'translated', text: inlinePool[index % inlinePool.length]!})), titles)
    expect(article).not.toMatch(/<script|(?:href|src)="[^"]*javascript|onclick|<span|<div/i)
    expect(article).toContain('&#x26; less &#x3C; than')
  })

  it('leaves documents with footnotes to the tree renderer', () => {
    expect(articleTemplate(parse('---\nlanguage: en\n---\nText with a note.[^1]\n\n[^1]: The note.\n'))).toBeUndefined()
    expect(articleTemplate(parse('---\nlanguage: en\n---\nText with a private \uE000 character.\n'))).toBeUndefined()
  })

  it('equals the tree renderer on generated documents and translations', () => {
    const blocks = kitchenSink.split('---\n')[2]!.split(/\n\n(?=[^\n ])/)
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...blocks), {minLength: 1, maxLength: 8}),
        fc.array(fc.option(fc.tuple(fc.constantFrom<SegmentState>('translated', 'stale', 'needs-review'), fc.constantFrom(...inlinePool)), {nil: undefined}), {minLength: 30, maxLength: 30}),
        fc.constantFrom<StalePolicy>('keep', 'fallback'),
        (chosen, translations, policy) => {
          const document = parse(`---\nlanguage: en\n---\n${chosen.join('\n\n')}\n\n[ref]: https://example.org/ref\n`)
          const translate: Translate = (_segment, index) => {
            const made = translations[index % translations.length]
            return made && {state: made[0], text: made[1]}
          }
          const localized = localize(document, translate, (segment, index) => (index % 2 === 0 ? {state: 'translated', text: `${segment.text} in xy`} : undefined), policy)
          expect(fillArticle(articleTemplate(document)!, localized, titles)).toBe(reference(localized))
        }
      ),
      {numRuns: 150}
    )
  })
})
