import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {decodeText} from '../scripts/io/read-text.js'

// The reference: WHATWG's strict decoder, which drops one BOM, then NUL refused and line ends as LF.
function reference(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
    return text.includes('\0') ? undefined : text.replace(/\r\n?/g, '\n')
  } catch {
    return undefined
  }
}

describe('decodeText', () => {
  it('decodes as a strict UTF-8 decoder does, and refuses what it refuses (property)', () => {
    // Valid text and the byte sequences UTF-8 decoders get wrong: overlongs, surrogates, beyond U+10FFFF, truncations, BOMs, CR.
    const pieces = [[0x61], [0x0d], [0x0a], [0x00], [0xef, 0xbb, 0xbf], [0xc3, 0xa9], [0xe4, 0xb8, 0xad], [0xf0, 0x9f, 0x99, 0x82], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe4, 0xb8], [0x80], [0xff]]
    let valid = 0
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 12}), (chosen) => {
        const bytes = Uint8Array.from(chosen.flat())
        const expected = reference(bytes)
        if (expected === undefined) expect(() => decodeText(bytes, 'x.md')).toThrow()
        else {
          valid++
          expect(decodeText(bytes, 'x.md')).toBe(expected)
        }
      }),
      {numRuns: 5000}
    )
    expect(valid).toBeGreaterThan(200)
  })

  it('gives back any text encoded as UTF-8, ASCII or not, whatever its planes (property)', () => {
    fc.assert(
      fc.property(fc.string({unit: 'binary', maxLength: 300}), fc.string({unit: 'grapheme-ascii', maxLength: 300}), (text, ascii) => {
        for (const value of [text, ascii, ascii + text]) {
          const expected = value.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n')
          if (!value.includes('\0')) expect(decodeText(new TextEncoder().encode(value), 'x.md')).toBe(expected)
        }
      }),
      {numRuns: 3000}
    )
  })
})
