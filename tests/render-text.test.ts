import {readFile} from 'node:fs/promises'
import fc from 'fast-check'
import stringWidth from 'string-width'
import {describe, expect, it} from 'vitest'
import {parseMarkdown} from '../scripts/parse/parse-markdown.js'
import {parseInline, parseInlineMarkdown, parseSimpleInline} from '../scripts/merge/parse-inline.js'
import {columnWidth, isNarrowText} from '../scripts/render/column-width.js'
import {renderText, wrapRow} from '../scripts/render/render-text.js'

const text = (markdown: string, width?: number) => renderText(parseMarkdown(markdown), {width})
const lines = (...rows: string[]) => `${rows.join('\n')}\n`
const outputLines = (output: string) => output.slice(0, -1).split('\n')

// Closing punctuation may not start a line, opening punctuation may not end one (kinsoku).
const closingStart = /^[、。，．：；！？）」』】〕〉》”’・ー…]/u
const openingEnd = /[（「『【〔〈《“‘]$/u

/**
 * Whether a line that is wider than the width is one unbreakable unit: it has no space between two
 * letters or digits, and no Han character next to another Han character, a Latin letter or a digit
 * (pairs the wrapper may always break). `<url>`s never break, whatever they contain.
 */
function unbreakable(line: string): boolean {
  const rest = line.trim().replace(/<[^<>]*>/g, '<url>')
  return !/[\p{L}\p{N}] +[\p{L}\p{N}]/u.test(rest) && !/[\u4e00-\u9fa5] *[\u4e00-\u9fa5\p{Script=Latin}\p{N}]|[\p{Script=Latin}\p{N}] *[\u4e00-\u9fa5]/u.test(rest)
}

function expectWithin(output: string, width: number) {
  for (const line of outputLines(output)) {
    if (stringWidth(line) > width) expect(unbreakable(line), `${JSON.stringify(line)} is wider than ${width}`).toBe(true)
    expect(line).not.toMatch(/\s$/u)
  }
}

describe('renderText', () => {
  const peru =
    'The advance of the armed struggle itself and the deep support of the masses of people in Peru that it relies upon, together with the work of revolutionaries outside Peru, has made it impossible for the reactionaries to suppress it.'

  it('wraps paragraphs at 72 columns by default', () => {
    expect(text(peru)).toBe(
      lines(
        'The advance of the armed struggle itself and the deep support of the',
        'masses of people in Peru that it relies upon, together with the work of',
        'revolutionaries outside Peru, has made it impossible for the',
        'reactionaries to suppress it.'
      )
    )
  })

  it('wraps at a given width, soft line breaks and runs of spaces becoming one space', () => {
    expect(text(peru.replace('armed struggle', 'armed\nstruggle').replace('deep support', 'deep    support'), 20)).toBe(
      lines(
        'The advance of the',
        'armed struggle',
        'itself and the deep',
        'support of the',
        'masses of people in',
        'Peru that it relies',
        'upon, together with',
        'the work of',
        'revolutionaries',
        'outside Peru, has',
        'made it impossible',
        'for the',
        'reactionaries to',
        'suppress it.'
      )
    )
  })

  it('keeps a word longer than the width whole, on its own line', () => {
    expect(text('a https://example.org/a/very/long/path b and Unbreakablewordhere c', 10)).toBe(
      lines('a', '<https://example.org/a/very/long/path>', 'b and', 'Unbreakablewordhere', 'c')
    )
  })

  it('keeps hard breaks', () => {
    expect(text('write to:\\\nBCM RIM, London WC1N 3XX,\\\nU.K. □\n')).toBe(lines('write to:', 'BCM RIM, London WC1N 3XX,', 'U.K. □'))
    expect(text('> - write to:\\\n>   BCM RIM, London WC1N 3XX,\\\n>   U.K. □\n')).toBe(lines('    - write to:', '      BCM RIM, London WC1N 3XX,', '      U.K. □'))
  })

  it('underlines headings with = for level 1 and - below, as wide as the text in columns', () => {
    expect(text('# Expand and Strengthen the Movement\n\n## 扩大和加强支持秘鲁革命的运动\n\n### Third level\n')).toBe(
      lines(
        'Expand and Strengthen the Movement',
        '==================================',
        '',
        '扩大和加强支持秘鲁革命的运动',
        '----------------------------',
        '',
        'Third level',
        '-----------'
      )
    )
    expect(text('# A heading long enough to wrap at twenty', 20)).toBe(lines('A heading long', 'enough to wrap at', 'twenty', '================='))
  })

  it('drops emphasis, strong and delete markers and the backticks of inline code', () => {
    expect(text('*Emphasis*, **strong**, ~~deleted~~ and `code  span` stay as _text_.')).toBe(lines('Emphasis, strong, deleted and code  span stay as text.'))
  })

  it('writes links as text <url>, autolinks as <url>, resolves references and shows image alt text only', () => {
    const markdown =
      'See [the site](https://example.org), <https://x.example>, <me@example.org>, [the reference][ref], [ref] and ![a tree](tree.png) ![](blank.png).\n\n[ref]: https://ref.example/page\n'
    expect(text(markdown, 30)).toBe(
      lines(
        'See the site',
        '<https://example.org>,',
        '<https://x.example>,',
        '<mailto:me@example.org>, the',
        'reference',
        '<https://ref.example/page>,',
        'ref <https://ref.example/page>',
        'and [a tree] [image].'
      )
    )
    expect(text(markdown)).not.toContain('tree.png')
  })

  it('never breaks inside <url>, even where the address has CJK characters or spaces', () => {
    expect(text('Read [维基百科](https://zh.wikipedia.org/wiki/人民战争) and [this](<a b c>) now.', 20)).toBe(
      lines('Read 维基百科', '<https://zh.wikipedia.org/wiki/人民战争>', 'and this <a b c>', 'now.')
    )
  })

  it('indents nested quotes by 4 columns a level, wrapped to the remaining width', () => {
    expect(text('> Quote that wraps at the narrow width.\n>\n> > Nested quote that wraps too.\n', 20)).toBe(
      lines('    Quote that wraps', '    at the narrow', '    width.', '', '        Nested quote', '        that wraps', '        too.')
    )
  })

  it('renders tight and loose, nested, ordered (from start) and task lists', () => {
    expect(text('3. Three\n4. Four that wraps under its text\n   - Sub one\n   - Sub two\n', 20)).toBe(
      lines('3. Three', '4. Four that wraps', '   under its text', '   - Sub one', '   - Sub two')
    )
    expect(text('- Loose item\n\n- List with\n\n  two paragraphs\n- [ ] open task\n- [x] done task\n')).toBe(
      lines('- Loose item', '', '- List with', '', '  two paragraphs', '', '- [ ] open task', '', '- [x] done task')
    )
    expect(text('-\n- b\n')).toBe(lines('-', '- b'))
  })

  it('keeps code verbatim, indented by 4, without trailing spaces', () => {
    expect(text('```js\n  const x = 1   \n\tif (x) {}\n\n    deep   line that is much longer than twenty columns\n```\n', 20)).toBe(
      lines('      const x = 1', '    \tif (x) {}', '', '        deep   line that is much longer than twenty columns')
    )
  })

  it('aligns table columns by terminal width, CJK counting 2', () => {
    expect(text('| Name | Value | Note |\n| :--- | ---: | :---: |\n| 苹果 | 42 | ok |\n| Banana split | 7 | 中文 |\n')).toBe(
      lines('Name          Value  Note', '------------  -----  ----', '苹果             42   ok', 'Banana split      7  中文')
    )
  })

  it('numbers footnotes by first reference and lists them at the end with a hanging indent', () => {
    expect(text('First[^z] second[^a] again[^z].\n\n[^a]: Note A.\n[^z]: Note Z, long enough to wrap with a hanging indent.\n', 30)).toBe(
      lines('First[1] second[2] again[1].', '', '---', '[1] Note Z, long enough to', '    wrap with a hanging', '    indent.', '[2] Note A.')
    )
  })

  it('omits raw HTML, block and inline', () => {
    expect(text('<div>\n<script>alert(1)</script>\n</div>\n\nText <b>bold</b> <img src=x onerror=alert(1)> end.\n\n<!-- comment -->\n\n* * *\n')).toBe(
      lines('Text bold end.', '', '* * *')
    )
  })

  it('breaks Chinese between characters, never before closing or after opening punctuation', () => {
    // At 20 columns plain character breaking would start lines with "，" and "。" here, and end one with "“".
    const chinese = '马克思列宁主义者认为，革命战争是群众的战争，只有动员群众才能进行战争，只有依靠群众才能进行战争。同志们一定要记住这一点。'
    const quote = '毛主席说过一句话：“枪杆子里面出政权。”这是真理。'
    const output = text(`${chinese}\n\n${quote}\n`, 20)
    expect(output).toBe(
      lines(
        '马克思列宁主义者认',
        '为，革命战争是群众的',
        '战争，只有动员群众才',
        '能进行战争，只有依靠',
        '群众才能进行战争。同',
        '志们一定要记住这一',
        '点。',
        '',
        '毛主席说过一句话：',
        '“枪杆子里面出政权。”',
        '这是真理。'
      )
    )
    for (const line of outputLines(output)) {
      expect(stringWidth(line)).toBeLessThanOrEqual(20)
      expect(line).not.toMatch(closingStart)
      expect(line).not.toMatch(openingEnd)
    }
  })

  it('never breaks before a combining mark or a variation selector, nor inside a jamo sequence', () => {
    expect(text('葛\u{e0100}城市', 2)).toBe(lines('葛\u{e0100}', '城', '市'))
    expect(text('\u1100\u1161\u11a8\u1100\u1161', 2)).toBe(lines('\u1100\u1161\u11a8', '\u1100\u1161'))
  })

  it('measures long words exactly, and in linear time', () => {
    const word = ['ру́сский', 'می‌شود', '👍🏽', '👩‍👩‍👧', '🇫🇷🇩🇪', 'é', 'กำ', 'क्षत्रिय', '٠١٢'].join('').repeat(60)
    const [heading, underline] = outputLines(text(`## ${word}`))
    expect(heading).toBe(word)
    expect(underline).toBe('-'.repeat(stringWidth(word)))
    // string-width alone takes seconds here: its Intl.Segmenter slows down quadratically with length.
    const started = performance.now()
    expect(text('。'.repeat(100_000))).toBe(`${'。'.repeat(100_000)}\n`)
    expect(performance.now() - started).toBeLessThan(5000)
  })

  it('wraps mixed Latin and CJK text', () => {
    expect(text('在1984年3月，the Conference 号召 support for the People’s War（人民战争）。', 16)).toBe(
      lines('在1984年3月，the', 'Conference 号召', 'support for the', 'People’s War（人', '民战争）。')
    )
  })

  it('never breaks at a no-break space (French) or a zero-width non-joiner (Persian)', () => {
    const french = 'Soutenons la révolution au Pérou\u202f! Vive la révolution\u00a0! Et au Pérou !'
    expect(text(french, 26)).toBe(lines('Soutenons la révolution au', 'Pérou\u202f! Vive la', 'révolution\u00a0! Et au Pérou !'))
    for (let width = 1; width <= 40; width++) {
      const output = text(french, width)
      expect(output).toContain('Pérou\u202f!')
      expect(output).toContain('révolution\u00a0!')
      expect(output).not.toMatch(/^[!\u202f\u00a0]/mu)
    }
    // Between CJK characters, where a line could otherwise break, a no-break space still holds.
    expect(text('革命\u00a0战争', 4)).toBe(lines('革', '命\u00a0战', '争'))
    const persian = 'دومین کنفرانس بین‌المللی احزاب و سازمان‌های مارکسیست-لنینیست، که در مارس ۱۹۸۴ برگزار شد، پرولتاریای انقلابی را فرا خواند.'
    expect(text(persian, 24)).toBe(
      lines('دومین کنفرانس بین‌المللی', 'احزاب و سازمان‌های', 'مارکسیست-لنینیست، که در', 'مارس ۱۹۸۴ برگزار شد،', 'پرولتاریای انقلابی را', 'فرا خواند.')
    )
    for (let width = 1; width <= 40; width++) expect(outputLines(text(persian, width)).join(' ')).toBe(persian)
  })

  it('keeps every line of a big mixed document within the width unless it is one unbreakable word', async () => {
    const files = ['source/statement.md', ...['de', 'es', 'fa', 'fr', 'zh-Hans'].map((language) => `translations/${language}/statement.md`)]
    const documents = await Promise.all(files.map((file) => readFile(new URL(`../${file}`, import.meta.url), 'utf8')))
    const extra =
      '# 中文 heading with a verylongunbreakablewordthatwillnotfit\n\n> 1. A list in a quote, with [a link](https://example.org/a/long/path/that/does/not/fit)[^1].\n>    - 嵌套的列表项，内容很长，需要在这里换行。\n\n[^1]: A footnote, 中文脚注，也需要换行，because it is long.\n'
    const markdown = [...documents, extra].join('\n\n')
    for (const width of [20, 33, 72]) {
      const output = text(markdown, width)
      expectWithin(output, width)
      expect(output).toMatch(/[^\n]\n$/)
      expect(output).not.toContain('\n\n\n')
      expect(output).not.toContain('<!--')
    }
  })

  it('loses and reorders nothing, and keeps lines within the width (property)', () => {
    const latin = fc.string({unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzéüñ'), minLength: 1, maxLength: 16})
    const cjk = fc.string({unit: fc.constantFrom(...'人民战争革命のアー한국，。、：！（）“”'), minLength: 1, maxLength: 30})
    const fixed = fc.constantFrom('Pérou\u202f!', 'می‌شود', '1984年3月', 'revolutionaries')
    const separator = fc.constantFrom(' ', ' ', '', '  ', '\n')
    const input = fc.array(fc.tuple(fc.oneof(latin, cjk, fixed), separator), {maxLength: 60}).map((parts) => parts.flat().join(''))
    fc.assert(
      fc.property(input, fc.integer({min: 10, max: 80}), (markdown, width) => {
        const output = text(markdown, width)
        expect(output.replace(/\s/gu, '')).toBe(markdown.replace(/\s/gu, ''))
        expectWithin(output, width)
      }),
      {numRuns: 500}
    )
  })

  it('never throws, and ends with exactly one newline, on any Markdown (property)', () => {
    const unit = fc.constantFrom('a', 'b', ' ', ' ', '\n', '\n', '1.', '-', '*', '_', '`', '```', '~', '[', ']', '(', ')', '<', '>', '!', '|', '#', ':', '\\', '[^1]', '[^1]: ', '[x]: /u', '\t', '中', '。', '\u00a0', '&amp;', '<b>', '- [ ] ', '---')
    fc.assert(
      fc.property(fc.string({unit, maxLength: 60}), fc.integer({min: 1, max: 80}), (markdown, width) => {
        const output = text(markdown, width)
        expect(output).toMatch(/(^|[^\n])\n$/)
        expect(output).not.toMatch(/[ \t]\n/)
        expect(text(markdown, width)).toBe(output)
      }),
      {numRuns: 1000}
    )
  })
})

describe('fast paths agree with the full implementations (property)', () => {
  const alphabet = fc.constantFrom('a', 'Z', ' ', '1', '.', '-', '*', '_', '`', '[', ']', '(', ')', '<', '>', '!', '&', '#', '|', ':', '/', '://', 'http://a.b', 'www.', '@', '\\', '\n', 'w', '中', 'é', '\u0301', '\u200c', '\u00a0', '。', 'ｱ')
  it('parseInline equals the full parser whenever it skips it', () => {
    fc.assert(
      fc.property(fc.string({unit: alphabet, maxLength: 30}), (text) => {
        expect(parseInline(text, '')).toEqual(parseInlineMarkdown(text, ''))
      }),
      {numRuns: 3000}
    )
  })

  it('simple emphasis and hard breaks equal the full parser whenever they are taken', () => {
    // Words, white space of every kind, punctuation, symbols, stars and line ends: what prose with *titles* looks like.
    const noise = fc.constantFrom('*', 'word', 'é', '·', '.', ',', '!', ':', '-', '1', '(', ')', '"', '«', '—', '$', '🙂', '\ud83d', ' ', '\u00a0', '\u3000', '\t', '中', '\u0301', '=', '+', '#', '_', '\\\n', '\n', '\\')
    const word = fc.string({unit: noise, minLength: 1, maxLength: 4})
    const space = fc.constantFrom(' ', ' ', '  ', '\u00a0', '\u3000', '\t', '\\\n', '\\\n', '')
    // Words, some wrapped in stars, then now and then one random piece inserted anywhere.
    const prose = fc.tuple(fc.array(fc.tuple(word, fc.boolean(), space), {minLength: 1, maxLength: 5}), fc.option(fc.tuple(noise, fc.nat())))
    const text = prose.map(([words, insert]) => {
      const joined = words.map(([value, starred, gap], index) => `${index > 0 ? gap : ''}${starred ? `*${value}*` : value}`).join('')
      if (insert === null) return joined
      const at = insert[1] % (joined.length + 1)
      return joined.slice(0, at) + insert[0] + joined.slice(at)
    })
    const taken = {emphasis: 0, break: 0}
    fc.assert(
      fc.property(text, (text) => {
        const simple = parseSimpleInline(text)
        if (simple === undefined) return
        if (simple.some((node) => node.type === 'emphasis')) taken.emphasis++
        if (simple.some((node) => node.type === 'break')) taken.break++
        expect(simple).toEqual(parseInlineMarkdown(text, ''))
      }),
      // A line of `:-` under another makes a one-column table (found by a longer run).
      {numRuns: 10000, examples: [['word\\\n:-'], ['*a*\\\n---'], ['a\\\n*b*.']]}
    )
    expect(taken.emphasis).toBeGreaterThan(500)
    expect(taken.break).toBeGreaterThan(50)
  })

  it('columnWidth equals string-width, on long text measured in slices too', () => {
    fc.assert(
      fc.property(fc.string({unit: alphabet, maxLength: 30}), fc.integer({min: 1, max: 60}), (text, repeat) => {
        const line = text.replace(/\n/g, '').repeat(repeat)
        expect(columnWidth(line)).toBe(stringWidth(line))
      }),
      {numRuns: 1000}
    )
  })
})

describe('narrow text fast path', () => {
  it('counts one column for every character it accepts, as string-width does', () => {
    let accepted = 0
    for (let point = 0x20; point <= 0x2100; point++) {
      const character = String.fromCodePoint(point)
      if (!isNarrowText(character)) continue
      accepted++
      expect(stringWidth(character), `U+${point.toString(16)}`).toBe(1)
    }
    // Latin, Greek, Cyrillic, Hebrew, Arabic…: a real share of the world's prose takes the fast path.
    expect(accepted).toBeGreaterThan(2000)
  })

  it('agrees with string-width on any mix of accepted characters', () => {
    const narrow = fc.integer({min: 0x20, max: 0x2100}).map((point) => String.fromCodePoint(point)).filter(isNarrowText)
    fc.assert(
      fc.property(fc.array(narrow, {maxLength: 40}), (characters) => {
        const text = characters.join('')
        expect(columnWidth(text)).toBe(stringWidth(text))
      }),
      {numRuns: 2000}
    )
  })

  it('wraps narrow lines as the general wrapper does', () => {
    // Words, spaces and tabs, the characters the break rules name, keep runs (`<url>`) and attached marks.
    const character = fc.constantFrom('a', 'b', 'Z', '1', 'é', 'ж', 'ש', '(', '[', '{', ')', ']', '}', '!', ',', '.', ':', ';', '?', '»', '«', '"', '-', '\u00a0', ' ', ' ', '\t')
    const piece = fc.oneof(
      {weight: 6, arbitrary: fc.array(character, {maxLength: 12}).map((characters) => ({text: characters.join('')}))},
      // Long pieces: lines break several times within one, at runs of spaces of any length.
      {weight: 2, arbitrary: fc.array(character, {maxLength: 80}).map((characters) => ({text: characters.join('')}))},
      {weight: 1, arbitrary: fc.constantFrom('<https://example.org/a b>', '<me@example.org>').map((text) => ({text, keep: true}))},
      {weight: 1, arbitrary: fc.integer({min: 1, max: 12}).map((number) => ({text: `[${number}]`, attach: true}))}
    )
    let narrow = 0
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 8}), fc.integer({min: 1, max: 30}), (pieces, width) => {
        if (!isNarrowText(pieces.map((item) => item.text).join(''))) return
        narrow++
        expect(wrapRow(pieces, width, true)).toEqual(wrapRow(pieces, width, false))
      }),
      {numRuns: 20000}
    )
    expect(narrow).toBeGreaterThan(10000)
  })

  it('rejects marks, joiners and wide characters', () => {
    for (const text of ['©', 'e\u0301', 'a\u200db', 'ب\u064e', '中', 'a\u00adb', '\u0600x']) expect(isNarrowText(text), text).toBe(false)
  })
})

describe('the bundled CLI', () => {
  it('wraps wide, combining, emoji and astral text as the source does (its string-width makes the segmenter on first use and measures one code point without it)', async () => {
    const {cli, makeProject, read} = await import('./helpers.js')
    const paragraphs = [
      '漢字とかなの文章は一文字ずつ折り返される。𠀀𠀁は二列、□は一列。',
      'Cafe\u0301 na\u0308ive 👍🏽 and 🇫🇷 and 👨‍👩‍👧 with 각 jamo, ＡＢＣ fullwidth, ｶﾀｶﾅ halfwidth.',
      'Mixed 한국어 text, עברית, العربية and ไทย: a long line that wraps.'
    ]
    const body = paragraphs.join('\n\n')
    const root = await makeProject({'source/doc.md': `---\nlanguage: en\n---\n\n${body}\n`})
    expect((await cli(['build', '--formats', 'txt', '--width', '24'], root)).code).toBe(0)
    expect(await read(root, 'dist/en/doc.txt')).toBe(text(body, 24))
  })
})
