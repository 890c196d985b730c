/**
 * fast-check generators of Markdown documents covering every CommonMark and GFM construct, and of
 * translations (plain, marked up, hostile), for the fuzz properties.
 */
import fc from 'fast-check'

// Words from several scripts, with characters that mean something to Markdown, i18next or HTML.
const word = fc.constantFrom(
  'people', 'war', 'Peru', 'support', 'the', 'revolución', 'Führer', 'naïve', '人民', 'جنگ', 'мир', 'a_b', 'x*y', '1984', '2.5',
  '{{x}}', '$t(y)', 'a|b', '&amp;', '&copy;', '&#35;', '\\*', '\\_', '\\[', 'foo:bar', 'e.g.', '«quote»', '"q"', "it's", '(p)', 'R&D', '<3', 'café', 'cafe\u0301'
)
const words = (max: number) => fc.array(word, {minLength: 1, maxLength: max}).map((list) => list.join(' '))
const label = fc.constantFrom('ref', 'Other Ref', 'a1', 'x-y')
const url = fc.constantFrom('https://example.org/a?b=c&d', 'http://x.y/(z)', 'mailto:a@b.org', '/relative/path', '#anchor', 'javascript:alert(1)', 'JaVaScRiPt:x', 'data:text/html,x', 'vbscript:x', 'page.html')
const title = fc.option(fc.constantFrom('"A title"', "'single'", '(paren)'), {nil: undefined})

/** Inline Markdown: text, emphasis, strong, code, links, images, autolinks, footnote references, breaks, HTML. */
export const inline: fc.Arbitrary<string> = fc.letrec<{inline: string; piece: string}>((tie) => ({
  piece: fc.oneof(
    {weight: 6, arbitrary: words(4)},
    fc.tuple(fc.constantFrom('*', '_'), tie('inline')).map(([mark, text]) => `${mark}${text}${mark}`),
    fc.tuple(fc.constantFrom('**', '__'), tie('inline')).map(([mark, text]) => `${mark}${text}${mark}`),
    tie('inline').map((text) => `~~${text}~~`),
    fc.constantFrom('`code`', '``a ` b``', '` x `', '`<b>`'),
    fc.tuple(tie('inline'), url, title).map(([text, target, name]) => `[${text}](${target}${name ? ` ${name}` : ''})`),
    fc.tuple(words(2), url).map(([alt, target]) => `![${alt}](${target})`),
    fc.tuple(words(2), label).map(([text, ref]) => `[${text}][${ref}]`),
    label.map((ref) => `[${ref}]`),
    fc.constantFrom('<https://example.org/x>', '<mailto:a@b.org>', '<a@b.org>', '<javascript:alert(1)>', 'www.example.org', 'https://example.org/auto', 'user@example.org'),
    fc.constantFrom('[^1]', '[^note]'),
    fc.constantFrom('<span class="x">', '</span>', '<br>', '<!-- c -->', '<img src=x onerror=alert(1)>'),
    fc.constantFrom(' \\\n', '  \n', '\n')
  ),
  inline: fc.array(tie('piece'), {minLength: 1, maxLength: 4}).map((pieces) => pieces.join(' ').replace(/\s+$/, '').replace(/^\s+/, '') || 'x')
})).inline

// A paragraph must not start with block syntax by accident: begin it with a plain word.
const paragraph = fc.tuple(words(2), inline).map(([start, rest]) => `${start.replace(/^[\\\d]/, 'w')} ${rest}`.replace(/\n(?=\S)/g, '\nand ').replace(/ +\n/g, (spaces) => (spaces.length >= 3 ? '  \n' : '\n')))
const oneLine = paragraph.map((text) => text.replace(/\\?\s*\n\s*/g, ' '))

const table = fc
  .tuple(fc.integer({min: 1, max: 4}), fc.integer({min: 0, max: 3}))
  .chain(([columns, rows]) =>
    fc.tuple(
      fc.array(oneLine.map((cell) => cell.replace(/\|/g, '\\|')), {minLength: columns, maxLength: columns}),
      fc.array(fc.constantFrom('---', ':--', '--:', ':-:'), {minLength: columns, maxLength: columns}),
      fc.array(fc.array(fc.oneof(oneLine.map((cell) => cell.replace(/\|/g, '\\|')), fc.constant(''), fc.constant('42')), {minLength: columns, maxLength: columns}), {minLength: rows, maxLength: rows})
    )
  )
  .map(([head, align, body]) => [head, align, ...body].map((row) => `| ${row.join(' | ')} |`).join('\n'))

const leaf = fc.oneof(
  {weight: 5, arbitrary: paragraph},
  fc.tuple(fc.integer({min: 1, max: 6}), oneLine).map(([level, text]) => `${'#'.repeat(level)} ${text}`),
  fc.tuple(oneLine, fc.constantFrom('===', '---')).map(([text, line]) => `${text}\n${line}`),
  fc.constantFrom('***', '---', '___', '* * *'),
  fc.tuple(fc.constantFrom('```', '~~~', '````'), fc.constantFrom('', 'js', 'md'), fc.constantFrom('let x = 1', '# not a heading\n> not a quote', '<script>x</script>')).map(([fence, info, code]) => `${fence}${info}\n${code}\n${fence}`),
  fc.constantFrom('    indented code\n    more', '<div class="x">\n*not* markdown\n</div>', '<script>alert(1)</script>', '<!-- comment -->', '<iframe src="https://evil.example"></iframe>'),
  table
)

/** A block of Markdown, as lines without a trailing newline. */
export const block: fc.Arbitrary<string> = fc.letrec<{block: string; container: string}>((tie) => ({
  block: fc.oneof({depthSize: 'small', withCrossShrink: true}, leaf, tie('container')),
  container: fc.oneof(
    fc.array(tie('block'), {minLength: 1, maxLength: 2}).map((blocks) => blocks.join('\n\n').split('\n').map((line) => (line === '' ? '>' : `> ${line}`)).join('\n')),
    fc
      .tuple(fc.constantFrom('-', '*', '+', '1.', '1)', '- [ ]', '- [x]'), fc.array(fc.array(tie('block'), {minLength: 1, maxLength: 2}), {minLength: 1, maxLength: 3}), fc.boolean())
      .map(([marker, items, loose]) =>
        items
          .map((blocks, index) => {
            const bullet = /^\d/.test(marker) ? `${index + 1}${marker.slice(-1)}` : marker
            const indent = ' '.repeat((bullet.startsWith('-') && bullet.length > 1 ? 2 : bullet.length) + 1)
            const lines = blocks.join('\n\n').split('\n')
            return lines.map((line, at) => (at === 0 ? `${bullet} ${line}` : line === '' ? '' : `${indent}${line}`)).join('\n')
          })
          .join(loose ? '\n\n' : '\n')
      )
  )
})).block

const definition = fc.tuple(label, url, title).map(([ref, target, name]) => `[${ref}]: ${target}${name ? ` ${name}` : ''}`)
const footnote = fc.tuple(fc.constantFrom('1', 'note'), paragraph).map(([name, text]) => `[^${name}]: ${text.replace(/\n/g, '\n    ')}`)

/** A whole source document: YAML front matter, blocks, definitions and footnotes. */
export const sourceDocument: fc.Arbitrary<string> = fc
  .tuple(fc.option(oneLine, {nil: undefined}), fc.array(block, {minLength: 1, maxLength: 6}), fc.array(definition, {maxLength: 2}), fc.array(footnote, {maxLength: 2}))
  .map(([heading, blocks, definitions, footnotes]) => {
    const front = `---\nlanguage: en\n${heading === undefined ? '' : `title: ${JSON.stringify(heading)}\n`}---\n`
    return `${front}\n${[...blocks, ...definitions, ...footnotes].join('\n\n')}\n`
  })

/** How a translator fills one entry: leaves it, writes prose, marked-up Markdown, or something hostile. */
export const translation: fc.Arbitrary<(source: string) => string> = fc.oneof(
  fc.constant(() => ''),
  fc.constant((source: string) => source),
  fc.constant((source: string) => `ES ${source}`),
  inline.map((text) => () => text.replace(/^[\s\d#>+\-*=|]+/, 'w ')),
  fc.constantFrom(
    '{{- name}} y $t(other, {"lng": "en"})',
    'Texto <script>alert(1)</script> <img src=x onerror=alert(1)>',
    '[x](javascript:alert(1)) ![y](data:image/svg+xml,<svg onload=alert(1)>) <javascript:alert(2)>',
    'Texto \u202egnp.exe\u202c y \u2066aislado\u2069',
    'Revolucio\u0301n',
    '__proto__ constructor prototype',
    'línea uno\\\nlínea dos'
  ).map((text) => () => text)
)

/**
 * Short texts made of the pieces of GFM tables and autolink literals, whole or nearly (`ww`, `http:/`,
 * `-:`), escaped (`\\.`) or as character references (`&#64;`), in containers: for the parser's choice
 * of GFM constructs by what a text can contain.
 */
export const nearGfm: fc.Arbitrary<string> = fc
  .array(
    fc.constantFrom(
      'a', 'b.c', 'x', ' ', '\n', '\n\n', '> ', '- ', '1. ', '    ', 'w', 'ww', 'www', '.', '\\.', 'h', 'http', 'https', 'HTTP', ':', '\\:', '/', '//', '\\/',
      '@', '\\@', '&#64;', '&commat;', '&#x40;', '&#119;', '&#46;', '&period;', '&#58;', 'mailto:', 'xmpp:', 'http\\://a.b', 'www\\.a.b', 'a\\@b.c', 'HTTPS&#58;//a.b', 'user', 'example.org', '-', '--', ':-', '-:', ':--', '--:', ':-:', 'a\n:-', 'a b\n-:', '\n:-:', ':', '|', '\\|', '&#124;', '`', '*'
    ),
    {maxLength: 24}
  )
  .map((pieces) => pieces.join(''))

/**
 * Text made of what ends text or an attribute value early in HTML, any code point and lone
 * surrogates: for renderers that write translator text into a page.
 */
export const hostileText: fc.Arbitrary<string> = fc.string({
  unit: fc.oneof(
    fc.constantFrom('<', '>', '&', '"', "'", '`', '=', '\0', '\r', '\n', ' ', '</td>', '<script>', '&amp;', '&#x3C;', '"><b>', 'é', '😀', 'ب', '\u202e'),
    fc.string({unit: 'binary', minLength: 1, maxLength: 1}),
    fc.integer({min: 0xd800, max: 0xdfff}).map((code) => String.fromCharCode(code))
  ),
  maxLength: 12
})
