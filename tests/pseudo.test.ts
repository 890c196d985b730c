import {toString} from 'hast-util-to-string'
import {describe, expect, it} from 'vitest'
import {page, select, selectAll} from './build-helpers.js'
import {cli, copyRepositoryProject, read, statementText} from './helpers.js'

/** Words of the English source: three letters or more. */
const sourceWords = new Set(statementText.slice(statementText.indexOf('\n---\n')).match(/[A-Za-z]{3,}/g))

function englishWords(text: string): string[] {
  return (text.match(/[A-Za-z]{3,}/g) ?? []).filter((word) => sourceWords.has(word))
}

describe('pseudo-localization', () => {
  it('builds qps-ploc without any file, leaving no visible source-language word', async () => {
    const root = await copyRepositoryProject()
    expect((await cli(['build', '--pseudo'], root)).code).toBe(0)
    const tree = await page(root, 'dist/qps-ploc/statement.html')
    const visible = [toString(select('title', tree)!), ...selectAll('main, nav li a[aria-current]', tree).map((node) => toString(node))].join('\n')
    expect(englishWords(visible)).toEqual([])
    const text = await read(root, 'dist/qps-ploc/statement.txt')
    expect(englishWords(text)).toEqual([])
    // Markup, numbers and the address survive; words grow by about 40%.
    const markdown = await read(root, 'dist/qps-ploc/statement.md')
    expect(markdown).toContain('*Á Ŵóŕļð·· ţó· Ŵíñ·*')
    expect(markdown).toMatch(/1984/)
    expect(markdown).toContain('ŴÇ·1Ñ 3ẊẊ·,\\\n')
    const english = await read(root, 'dist/en/statement.txt')
    const ratio = [...text].length / [...english].length
    expect(ratio).toBeGreaterThan(1.25)
    expect(ratio).toBeLessThan(1.6)
    expect(selectAll('link[rel=alternate]', tree).some((link) => link.properties.hrefLang === 'qps-ploc')).toBe(true)
  })
})
