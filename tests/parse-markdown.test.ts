import {readFileSync} from 'node:fs'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {gfmTriggers, parseMarkdown} from '../scripts/parse/parse-markdown.js'

const remarkWithGfm = unified().use(remarkParse).use(remarkGfm).freeze()

describe('parseMarkdown', () => {
  // Each needs the construct its trigger stands for: without it, the tree would differ.
  it.each([
    ['a table without a pipe', 'a\n:-', 'table'],
    ['a right-aligned table without a pipe', 'a b\n-:', 'table'],
    ['a table in a quote', '> | a | b |\n> | - | - |', 'table'],
    ['an email', 'write to a@b.org', 'link'],
    ['an email with an escaped at sign', 'write to a\\@b.org', 'link'],
    ['an email with a character reference', 'write to a&#64;b.org', 'link'],
    ['a www literal with an escaped dot', 'see www\\.example.org', 'link'],
    ['a URL with an escaped colon', 'see http\\://example.org', 'link'],
    ['a URL with a referenced colon', 'see HTTPS&#58;//example.org', 'link']
  ])('builds remark-gfm’s tree for %s', (_, text, type) => {
    const tree = parseMarkdown(text)
    expect(tree).toEqual(remarkWithGfm.parse(text))
    expect(JSON.stringify(tree)).toContain(`"type":"${type}"`)
  })

  it('parses prose without GFM tables and autolink literals as remark-gfm does', () => {
    const statement = readFileSync(new URL('../source/statement.md', import.meta.url), 'utf8')
    // The statement has neither: it takes the faster parse.
    expect(gfmTriggers.table.test(statement) || gfmTriggers.autolinkLiteral.test(statement)).toBe(false)
    expect(parseMarkdown(statement)).toEqual(remarkWithGfm.parse(statement))
  })

  it('keeps positions in the whole file when front matter is blanked out', () => {
    const text = '---\ntitle: a|b www\n---\n\nSee a@b.org.\n'
    const tree = parseMarkdown(text, text.indexOf('See'))
    expect(tree.children[0]?.position?.start).toEqual({line: 5, column: 1, offset: 24})
    expect(JSON.stringify(tree)).toContain('"url":"mailto:a@b.org"')
  })
})
