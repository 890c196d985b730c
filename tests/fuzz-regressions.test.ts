import {describe, expect, it} from 'vitest'
import {pagesTranslatedToThemselves} from './fuzz/properties.js'

// Inputs the fuzz properties (tests/fuzz.test.ts) found, shrunk, with what must happen instead.
describe('found by fuzzing', () => {
  it('escapes a heading translation ending in ` #`, which would read as the closing sequence', () => {
    const {translated} = pagesTranslatedToThemselves('---\nlanguage: en\n---\n\n# people &#35;\n')
    expect(translated.md.split('\n').at(-2)).toBe('# people \\#')
    expect(translated.article).toContain('<h1>people #</h1>')
  })
})
