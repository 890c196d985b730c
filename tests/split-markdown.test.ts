import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {parseMarkdown} from '../scripts/parse/parse-markdown.js'
import {findCut, joinTrees} from '../scripts/parse/split-markdown.js'
import {block} from './fuzz/markdown-arbitraries.js'
import {statementText} from './helpers.js'

/** Every cut `findCut` offers in `text`, with the joined trees of its parts (undefined where refused). */
function joins(text: string, start = 0) {
  const found = []
  for (let cut = findCut(text, start); cut !== undefined; cut = findCut(text, cut + 1)) {
    found.push({cut, joined: joinTrees(parseMarkdown(text.slice(0, cut), start), parseMarkdown(text.slice(cut)), text, cut)})
  }
  return found
}

// Paragraphs that open with a letter: where cuts are offered.
const prose = fc.constantFrom('Plain words.', 'Two lines\nof prose.', 'Lazy *emphasis\nover* lines.')

describe('parsing a document in two parts', () => {
  it('gives the tree of the whole, positions included, at every cut it accepts', () => {
    let accepted = 0
    fc.assert(
      fc.property(fc.array(fc.oneof({weight: 2, arbitrary: block}, {weight: 1, arbitrary: prose}), {minLength: 2, maxLength: 8}), fc.boolean(), (blocks, front) => {
        const head = front ? '---\ntitle: A\n---\n\n' : ''
        const text = `${head}${blocks.join('\n\n')}\n`
        const whole = parseMarkdown(text, head.length)
        for (const {joined} of joins(text, head.length)) {
          if (joined === undefined) continue
          accepted++
          expect(joined).toEqual(whole)
        }
      }),
      {numRuns: Number(process.env.SPLIT_RUNS ?? 500)}
    )
    expect(accepted).toBeGreaterThan(250)
  })

  it('cuts the statement between paragraphs and joins it exactly', () => {
    const text = statementText
    const start = text.indexOf('\n---\n') + 5
    const found = joins(text, start)
    expect(found.length).toBeGreaterThan(5)
    const whole = parseMarkdown(text, start)
    for (const {joined} of found) expect(joined).toEqual(whole)
  })

  it('refuses text with definitions or carriage returns, and code or HTML before the cut', () => {
    expect(findCut('A\n\nB [x]\n\nC\n\n[x]: /y\n', 0)).toBeUndefined()
    expect(findCut('A\r\n\r\nB\n\nC\n', 0)).toBeUndefined()
    for (const open of ['```\nA', '<!--\nA']) {
      const text = `${open}\n\nB\n`
      const cut = findCut(text, 0)!
      expect(text.slice(cut)).toBe('B\n')
      expect(joinTrees(parseMarkdown(text.slice(0, cut)), parseMarkdown(text.slice(cut)), text, cut)).toBeUndefined()
    }
  })
})
