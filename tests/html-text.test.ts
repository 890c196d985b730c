import fc from 'fast-check'
import type {Element} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import {describe, expect, it} from 'vitest'
import {element, escapeText, joinHtml, rawText} from '../scripts/render/html-text.js'
import {hostileText} from './fuzz/markdown-arbitraries.js'


describe('html text', () => {
  it.each([
    ['plain words', 'plain words'],
    ['a & b < c > d', 'a &#x26; b &#x3C; c > d'],
    ['"quotes" and \'apostrophes\' and `ticks`', '"quotes" and \'apostrophes\' and `ticks`'],
    ['</td><script>alert(1)</script>', '&#x3C;/td>&#x3C;script>alert(1)&#x3C;/script>'],
    ['&amp; stays text', '&#x26;amp; stays text'],
    ['', '']
  ])('escapes %j as text', (value, expected) => {
    expect(escapeText(value)).toBe(expected)
  })

  it.each([
    ['x" onclick="alert(1)', '<a href="x&#x22; onclick=&#x22;alert(1)"></a>'],
    ["' & ` \0 < >", '<a href="&#x27; &#x26; &#x60; &#x0; < >"></a>'],
    ['', '<a href=""></a>']
  ])('escapes %j as an attribute value', (value, expected) => {
    expect(element('a', {href: value})).toBe(expected)
  })

  it('writes raw text as it is, and refuses text that would end its element, in any case', () => {
    expect(rawText('style', 'a>b{color:red}')).toBe('<style>a>b{color:red}</style>')
    for (const text of ['x</style>', 'x</STYLE', 'x</StYlE y']) expect(() => rawText('style', text)).toThrow()
    for (const text of ['x</script>', 'x</SCRIPT', 'x</sCrIpT']) expect(() => rawText('script', text)).toThrow()
    expect(rawText('script', 'a</style>')).toBe('<script>a</style></script>')
  })

  it('writes attributes in order, `true` as the name alone, and leaves out `undefined`', () => {
    expect(element('div', {id: 'controls', class: 'controls', hidden: true, title: undefined, 'data-work': ''})).toBe('<div id="controls" class="controls" hidden data-work=""></div>')
  })

  it('writes void elements without an end tag, and empty other elements with one', () => {
    expect(element('label', {}, element('input', {type: 'checkbox'}), element('br', {}), element('em', {}))).toBe('<label><input type="checkbox"><br><em></em></label>')
  })

  it('writes nested content in order and skips `undefined`', () => {
    expect(element('p', {}, [escapeText('a'), undefined, [escapeText('b'), element('b', {}, escapeText('c'))]], undefined, escapeText('d'))).toBe('<p>ab<b>c</b>d</p>')
    expect(joinHtml([element('i', {}, escapeText('x')), escapeText('y')], ' & ')).toBe('<i>x</i> &#x26; y')
  })

  it('writes what hast-util-to-html writes for any text and attribute value', () => {
    fc.assert(
      fc.property(hostileText, (value) => {
        expect(element('div', {title: value, 'data-template': value, 'aria-label': value}, escapeText(value))).toBe(toHtml(h('div', {title: value, dataTemplate: value, ariaLabel: value}, value)))
      }),
      {numRuns: 500}
    )
  })

  it('never lets a value make markup: parsed back, it is one element with its attribute and text', () => {
    fc.assert(
      fc.property(hostileText, (value) => {
        const tree = fromHtml(element('p', {title: value}, escapeText(value)), {fragment: true})
        expect(tree.children).toHaveLength(1)
        const [paragraph] = tree.children as Element[]
        expect(paragraph!.tagName).toBe('p')
        expect(Object.keys(paragraph!.properties)).toEqual(['title'])
        expect(paragraph!.children.every((child) => child.type === 'text')).toBe(true)
        // The parser normalizes line breaks and replaces NUL: the rest comes back as it was.
        const normalize = (text: string) => text.replace(/\r\n?/g, '\n')
        expect(paragraph!.properties.title).toBe(normalize(value).replaceAll('\0', '\uFFFD'))
        expect(paragraph!.children.map((child) => (child as {value: string}).value).join('')).toBe(normalize(value).replaceAll('\0', ''))
      }),
      {numRuns: 500}
    )
  })
})
