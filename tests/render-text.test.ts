import fc from 'fast-check'
import stringWidth from 'string-width'
import {describe, expect, it} from 'vitest'
import {parseMarkdown} from '../scripts/parse/parse-markdown.js'
import {parseInline, parseInlineMarkdown} from '../scripts/merge/parse-inline.js'
import {columnWidth} from '../scripts/render/column-width.js'
import {renderText} from '../scripts/render/render-text.js'
import {wrapText} from '../scripts/render/wrap-text.js'

const text = (markdown: string, width?: number) => renderText(parseMarkdown(markdown), {width})

describe('renderText', () => {
  it('wraps paragraphs at the width without splitting words', () => {
    expect(text('The advance of the armed struggle itself and the deep support of the masses.', 20)).toBe(
      'The advance of the\narmed struggle\nitself and the deep\nsupport of the\nmasses.\n'
    )
  })

  it('keeps a word longer than the width whole', () => {
    expect(text('a https://example.org/a/very/long/path b', 10)).toBe('a\n<https://example.org/a/very/long/path>\nb\n')
  })

  it('keeps hard breaks, drops emphasis markers and underlines headings by level', () => {
    expect(text('# Title *here*\n\n## 中文标题\n\nwrite to:\\\nBCM RIM, London WC1N 3XX,\\\nU.K. □\n')).toBe(
      'Title here\n==========\n\n中文标题\n--------\n\nwrite to:\nBCM RIM, London WC1N 3XX,\nU.K. □\n'
    )
  })

  it('writes links as text <url>, resolves references and shows image alt text', () => {
    expect(text('See [the site](https://example.org), <https://x.example>, [ref][r] and ![a tree](t.png).\n\n[r]: https://r.example\n')).toBe(
      'See the site <https://example.org>, <https://x.example>, ref\n<https://r.example> and [a tree].\n'
    )
  })

  it('indents quotes and lists, tight and loose, with ordered start numbers', () => {
    expect(text('> Quote\n>\n> > Nested\n\n3. Three\n4. Four\n   - Sub\n\n- Loose\n\n- List\n')).toBe(
      '    Quote\n\n        Nested\n\n3. Three\n4. Four\n   - Sub\n\n- Loose\n\n- List\n'
    )
  })

  it('keeps code verbatim, drops raw HTML, aligns tables and numbers footnotes', () => {
    expect(text('```\n  code  stays\n```\n\n<script>alert(1)</script>\n\n| Name | Value |\n| --- | ---: |\n| 苹果 | 42 |\n\nText.[^n]\n\n[^n]: The note.\n')).toBe(
      '      code  stays\n\nName  Value\n----  -----\n苹果     42\n\nText.[1]\n\n---\n[1] The note.\n'
    )
  })

  it('breaks Chinese between characters but never before closing or after opening punctuation', () => {
    const lines = wrapText('马克思列宁主义政党和组织第二次国际会议于1984年3月召开，号召革命无产阶级和被压迫人民支持“人民战争”。', 20)
    expect(lines.length).toBeGreaterThan(3)
    for (const line of lines) {
      expect(stringWidth(line)).toBeLessThanOrEqual(20)
      expect(line).not.toMatch(/^[，。、：；！？”）》]/u)
      expect(line).not.toMatch(/[“（《]$/u)
    }
    expect(lines.join('')).toBe('马克思列宁主义政党和组织第二次国际会议于1984年3月召开，号召革命无产阶级和被压迫人民支持“人民战争”。')
  })

  it('never breaks at a no-break space or a zero-width non-joiner', () => {
    expect(wrapText('Soutenons la révolution au Pérou\u202f!', 32)).toEqual(['Soutenons la révolution au', 'Pérou\u202f!'])
    expect(wrapText('می‌شود می‌شود', 6)).toEqual(['می‌شود', 'می‌شود'])
  })

  it('loses and reorders nothing, and keeps lines within the width (property)', () => {
    const token = fc.oneof(fc.constantFrom('word', 'a', 'revolution', 'Perú', '人民', '战争', '，', '。', '“', '”', '1984'), fc.string({unit: fc.constantFrom('x', '中', ' ')}))
    fc.assert(
      fc.property(fc.array(token, {maxLength: 40}), fc.integer({min: 10, max: 80}), (tokens, width) => {
        const input = tokens.join(' ')
        const lines = wrapText(input, width)
        expect(lines.join('').replace(/\s/g, '')).toBe(input.replace(/\s/g, ''))
        for (const line of lines) if (stringWidth(line) > width) expect(line.trim()).not.toMatch(/ /)
      })
    )
  })
})

describe('fast paths agree with the full implementations (property)', () => {
  const alphabet = fc.constantFrom('a', 'Z', ' ', '1', '.', '-', '*', '_', '`', '[', ']', '(', ')', '<', '>', '!', '&', '#', '|', ':', '@', '\\', '\n', 'w', '中', 'é', '\u0301', '\u200c', '\u00a0', '。', 'ｱ')
  it('parseInline equals the full parser whenever it skips it', () => {
    fc.assert(
      fc.property(fc.string({unit: alphabet, maxLength: 30}), (text) => {
        expect(parseInline(text, '')).toEqual(parseInlineMarkdown(text, ''))
      }),
      {numRuns: 2000}
    )
  })

  it('columnWidth equals string-width', () => {
    fc.assert(
      fc.property(fc.string({unit: alphabet, maxLength: 30}), (text) => {
        const line = text.replace(/\n/g, '')
        expect(columnWidth(line)).toBe(stringWidth(line))
      }),
      {numRuns: 2000}
    )
  })
})
