import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {stringify as stringifyYaml} from 'yaml'
import {frontMatterYaml} from '../scripts/render/render-markdown.js'

describe('Markdown front matter', () => {
  it('is written as the YAML library writes it, whatever the strings', () => {
    // Letters of several scripts, digits, the punctuation the fast path takes and what it must refuse.
    const character = fc.constantFrom('a', 'E', 'x', 'é', 'ж', 'ש', 'ب', '中', '0', '1', '9', 'e', 'f', ' ', '.', ',', '_', '/', '·', '(', ')', '-', ':', '#', "'", '"', '\n', '\t', '!', '&', '*', '[', '{', '|', '>', '%', '@', '`', '\u0301', '\u00a0', '\u2028', '\ufeff')
    const text = fc.oneof(
      fc.array(character, {maxLength: 16}).map((characters) => characters.join('')),
      fc.constantFrom('true', 'False', 'null', 'yes', 'No', 'on', 'y', 'NaN', 'inf', '123', '0123', '12e45', '1e', 'abc123', 'deadbeef', '9ed479d0c1a2', '0x1f', '.inf', '~', '-', 'Peru (1985)', 'A Title.'),
      fc.string({unit: fc.constantFrom(...'0123456789abcdef'), minLength: 1, maxLength: 12})
    )
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('language', 'title', 'status', 'source', 'revision'), text), {minLength: 1, maxLength: 5}), (pairs) => {
        const fields = Object.fromEntries(pairs)
        expect(frontMatterYaml(fields)).toBe(stringifyYaml(fields, {lineWidth: 0}))
      }),
      {numRuns: 20000}
    )
  })
})
