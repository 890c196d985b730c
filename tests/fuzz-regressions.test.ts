import {describe, expect, it} from 'vitest'
import {pagesTranslatedToThemselves} from './fuzz/properties.js'

// Inputs the fuzz properties (tests/fuzz.test.ts) found, shrunk, with what must happen instead.
describe('found by fuzzing', () => {
  it('escapes a heading translation ending in ` #`, which would read as the closing sequence', () => {
    const {translated} = pagesTranslatedToThemselves('---\nlanguage: en\n---\n\n# people &#35;\n')
    expect(translated.md.split('\n').at(-2)).toBe('# people \\#')
    expect(translated.article).toContain('<h1>people #</h1>')
  })

  it('keeps a hard break before `<!--`, on a line indented past its list item, where a line ending lost it', () => {
    const {source, translated} = pagesTranslatedToThemselves('---\nlanguage: en\n---\n\n- [x] - people \\\n      <!-- c --> people\n')
    expect(translated.article).toContain('people <br>\n people')
    expect(translated.article).toBe(source.article)
    expect(translated.md).toContain('- [x] \\- people \\\n          <!-- c --> people\n')
  })
})
