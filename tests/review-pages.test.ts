import {createHash} from 'node:crypto'
import {rm} from 'node:fs/promises'
import {join} from 'node:path'
import {toString} from 'hast-util-to-string'
import {describe, expect, it} from 'vitest'
import {dashboardScript, reviewScript} from '../scripts/render/page-scripts.js'
import {reviewLanguage} from '../scripts/render/render-review.js'
import {attribute, page, select, selectAll} from './build-helpers.js'
import {cli, copyRepositoryProject, put, read, statementText} from './helpers.js'

const changedSource = statementText.replace(/^Support the Revolution in Peru!$/m, "Support the People's War in Peru now!")
const injection = 'Hola <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(2)>'

/** The repository's project with one source paragraph edited (stale everywhere) and a hostile Spanish translation. */
async function project(config?: unknown): Promise<string> {
  const root = await copyRepositoryProject()
  await put(root, 'source/statement.md', changedSource)
  const spanish = await read(root, 'translations/es/statement.md')
  await put(root, 'translations/es/statement.md', spanish.replace(/^La siguiente declaración.*$/m, injection))
  if (config !== undefined) await put(root, 'interlinear.json', JSON.stringify(config))
  expect(await cli(['build'], root)).toMatchObject({code: 0, stderr: ''})
  return root
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

describe('review pages', async () => {
  const root = await project()
  const spanish = await read(root, 'translations/es/statement.md')
  const lineOf = (text: string) => spanish.split('\n').indexOf(text) + 1

  it('shows a stale segment in words, with the source change as a word diff in <del> and <ins>', async () => {
    const tree = await page(root, 'dist/es/statement.review.html')
    const [stale, ...others] = selectAll('tr[data-state=stale]', tree)
    expect(others).toEqual([])
    expect(attribute(stale, 'id')).toMatch(/^segment-[0-9a-f]{8}$/)
    // In Spanish: the page speaks the translator's language.
    expect(toString(select('.state', stale)!)).toBe('Desactualizado')
    expect(selectAll('del', stale).map(toString)).toEqual(['eliminado: Revolution ', 'eliminado: Peru!'])
    expect(selectAll('ins', stale).map(toString)).toEqual(["añadido: People's War ", 'añadido: Peru now!'])
    expect(toString(select('td[lang=es]', stale)!)).toBe('¡Apoyar la revolución en el Perú!')
    expect(attribute(select('td a', stale), 'href')).toBe(`../../translations/es/statement.md#L${lineOf('<!-- segment d07fc426 -->')}`)
  })

  it('marks rows that need work, and only those', async () => {
    const tree = await page(root, 'dist/es/statement.review.html')
    const rows = selectAll('tbody tr', tree)
    expect(rows.length).toBe(11)
    // The stale row and the hostile translation (a raw-html error).
    expect(rows.filter((element) => attribute(element, 'dataWork') !== undefined).map((element) => attribute(element, 'dataState'))).toEqual(['translated', 'stale'])
  })

  it('keeps a hostile translation as text and shows its findings inline, linked to its line', async () => {
    const html = await read(root, 'dist/es/statement.review.html')
    const tree = await page(root, 'dist/es/statement.review.html')
    const hostile = selectAll('tbody tr', tree).find((element) => toString(element).includes('alert(1)'))!
    expect(toString(select('td[lang=es] .text', hostile)!)).toBe(injection)
    expect(selectAll('img, a[href^=javascript], [onerror]', tree)).toEqual([])
    expect(selectAll('script', tree).map(toString)).toEqual([reviewScript])
    expect(html).not.toContain('<script>alert')
    // The messages are English, marked so inside a Spanish page.
    expect(attribute(select('.findings li span[lang=en]', hostile), 'dir')).toBe('ltr')
    const findings = selectAll('.findings li', hostile).map(toString)
    expect(findings.some((finding) => finding.startsWith('Error: Raw HTML is not allowed') && finding.includes(`raw-html, línea ${lineOf(injection)}`))).toBe(true)
  })

  it('allows exactly its own stylesheet and script by hash, and nothing from elsewhere', async () => {
    for (const [path, script] of [['dist/es/statement.review.html', reviewScript], ['dist/status.html', dashboardScript]] as const) {
      const tree = await page(root, path)
      const policy = attribute(select('meta[http-equiv=content-security-policy]', tree), 'content')!
      expect(policy).toBe(`default-src 'none'; style-src ${sha256(toString(select('style', tree)!))}; script-src ${sha256(script)}; img-src 'self'; base-uri 'none'; form-action 'none'`)
      expect(policy).not.toContain('unsafe')
    }
  })

  it.each([
    ['es-PE', 'es'],
    ['zh-Hans-CN', 'zh-Hans'],
    ['fa', 'fa'],
    ['qaa', 'en'],
    ['en-GB', 'en']
  ])('speaks the language of %s translators in %s', (language, expected) => {
    expect(reviewLanguage(language)).toBe(expected)
  })

  it('sets the direction of the page and of every cell', async () => {
    const tree = await page(root, 'dist/fa/statement.review.html')
    expect([attribute(select('html', tree), 'lang'), attribute(select('html', tree), 'dir')]).toEqual(['fa', 'rtl'])
    const cells = selectAll('tbody td[lang=fa]', tree)
    expect(cells.length).toBe(11)
    expect(new Set(cells.map((cell) => attribute(cell, 'dir')))).toEqual(new Set(['rtl']))
    expect(new Set(selectAll('tbody td[lang=en]', tree).map((cell) => attribute(cell, 'dir')))).toEqual(new Set(['ltr']))
  })

  it('lists every translation on the dashboard with its counts, findings and links', async () => {
    const tree = await page(root, 'dist/status.html')
    const rows = selectAll('tbody tr', tree)
    expect(rows.map((element) => attribute(select('th', element), 'dataValue'))).toEqual(['de', 'es', 'fa', 'fr', 'zh-Hans'])
    const spanishRow = rows[1]!
    expect(selectAll('td', spanishRow).slice(2, 6).map(toString)).toEqual(['10', '0', '1', '0'])
    expect(attribute(select('td:nth-of-type(2)', spanishRow), 'dataValue')).toBe('90.9')
    expect(attribute(select('svg', spanishRow), 'ariaLabel')).toBe('10 translated, 0 need review, 1 stale, 0 missing, of 11 segments')
    expect(toString(select('td:nth-of-type(7)', spanishRow)!)).toBe('2 errors, 2 warnings, 1 infolength-ratio ×1, link-url ×1, markup-count ×1, raw-html ×1, stale-translation ×1')
    expect(selectAll('a', spanishRow).map((link) => attribute(link, 'href'))).toEqual(['es/statement.review.html', 'es/statement.html'])
  })

  it('shows the same findings when the build reuses the report of --check', async () => {
    const paths = ['status.html', ...['de', 'es', 'fa', 'fr', 'zh-Hans'].map((language) => `${language}/statement.review.html`)]
    const before = await Promise.all(paths.map((path) => read(root, `dist/${path}`)))
    await rm(join(root, '.interlinear-cache'), {recursive: true})
    await rm(join(root, 'dist'), {recursive: true})
    // Exit code 1: the hostile translation has errors.
    expect((await cli(['build', '--check', '--quiet'], root)).code).toBe(1)
    expect(await Promise.all(paths.map((path) => read(root, `dist/${path}`)))).toEqual(before)
  })

  it('links to the segment file on the configured repository', async () => {
    const linked = await project({repository: 'https://github.com/org/repo/', branch: 'release/1.x'})
    const tree = await page(linked, 'dist/fa/statement.review.html')
    expect(attribute(select('tr[data-state=stale] td a', tree), 'href')).toMatch(/^https:\/\/github\.com\/org\/repo\/blob\/release\/1\.x\/translations\/fa\/statement\.md#L\d+$/)
  })

  it.each([
    [{repository: 'http://github.com/org/repo'}, /`repository`: `http:\/\/github.com\/org\/repo` is not an https URL/],
    [{repository: 'javascript:alert(1)//'}, /is not an https URL/],
    [{repository: 'https://github.com/org/repo', branch: 'main" onclick="x'}, /`branch`: .* is not a plain branch name/],
    [{repository: 'https://github.com/org/repo', branch: '../x'}, /is not a plain branch name/],
    [{branch: 'main'}, /`branch` needs `repository`/]
  ])('refuses the setting %j', async (config, message) => {
    const root = await copyRepositoryProject()
    await put(root, 'interlinear.json', JSON.stringify(config))
    const run = await cli(['build'], root)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
  })
})
