import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser, BrowserContextOptions, Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {translateFile} from './build-helpers.js'
import {launchChromium, recordTab, type TabRecord} from './chromium.js'
import {cli, copyRepositoryProject, put, read, statementText} from './helpers.js'

/** 200 plain private-use language tags (qaa, qab, …), as the benchmark corpora use. */
const generated = Array.from({length: 200}, (_, index) => `q${String.fromCharCode(97 + Math.floor(index / 26))}${String.fromCharCode(97 + (index % 26))}`)

describe('dashboard and review pages in headless Chromium', () => {
  let browser: Browser
  let root: string

  beforeAll(async () => {
    root = await copyRepositoryProject()
    // Every generated language starts from the Spanish file, with the first `index % 12` segments
    // left untranslated, so coverage differs from row to row.
    const spanish = await read(root, 'translations/es/statement.md')
    for (const [index, language] of generated.entries()) {
      await put(root, `translations/${language}/statement.md`, spanish.replace(/^language: es$/m, `language: ${language}`))
      await translateFile(root, language, 'statement', (_source, entry) => (entry < index % 12 ? '' : undefined))
    }
    // One source paragraph edited: stale in every language.
    await put(root, 'source/statement.md', statementText.replace(/^Support the Revolution in Peru!$/m, "Support the People's War in Peru now!"))
    expect((await cli(['build', '--formats', 'html'], root)).code).toBe(0)
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
  })

  /** Open a built file, recording problems and requests; `check` runs before the context closes. */
  async function withPage(path: string, check: (tab: Page, record: TabRecord) => Promise<void>, options: BrowserContextOptions = {}): Promise<void> {
    const context = await browser.newContext({viewport: {width: 1000, height: 700}, ...options})
    try {
      const tab = await context.newPage()
      const record = recordTab(tab)
      const url = pathToFileURL(join(root, 'dist', path)).href
      await tab.goto(url)
      await check(tab, record)
      // No console error (a CSP violation is one), no uncaught error, no request but the page itself.
      expect(record.problems).toEqual([])
      expect(record.requests).toEqual([url])
    } finally {
      await context.close()
    }
  }

  /** Press Tab until the focused element matches `selector` (at most `limit` times). */
  async function tabTo(tab: Page, selector: string, limit = 20): Promise<void> {
    for (let count = 0; count < limit; count++) {
      await tab.keyboard.press('Tab')
      if (await tab.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return
    }
    throw new Error(`Tab never reached ${selector}`)
  }

  const visibleRows = (tab: Page) => tab.locator('tbody tr:visible').count()
  const columnValues = (tab: Page, column: number) => tab.$$eval(`tbody tr`, (rows, index) => rows.map((row) => (row as HTMLTableRowElement).cells[index]!.dataset.value!), column)

  it('filters 205 rows from the keyboard', async () => {
    await withPage('status.html', async (tab) => {
      expect(await visibleRows(tab)).toBe(205)
      await tabTo(tab, '#filter')
      await tab.keyboard.type('qb')
      // qba … qbz, and nothing else.
      expect(await visibleRows(tab)).toBe(26)
      expect(await tab.locator('#shown').textContent()).toBe('26 of 205 shown')
      await tab.keyboard.type('c statement')
      expect(await tab.locator('tbody tr:visible th').allTextContents()).toEqual(['qbc qbc'])
      // Native names are matched too.
      await tab.fill('#filter', 'فارسی')
      expect(await tab.locator('tbody tr:visible th').getAttribute('data-value')).toBe('fa')
      await tab.fill('#filter', '')
      expect(await visibleRows(tab)).toBe(205)
    })
  })

  it('sorts by a column with Enter and Space on its header button, and says so with aria-sort', async () => {
    await withPage('status.html', async (tab) => {
      const numbers = async () => (await columnValues(tab, 2)).map(Number)
      const built = await numbers()
      await tabTo(tab, 'th[data-sort=number] button')
      // Language, Document, then Coverage.
      expect(await tab.evaluate(() => document.activeElement!.textContent)).toBe('Coverage')
      await tab.keyboard.press('Enter')
      const ascending = await numbers()
      expect(ascending).toEqual([...built].sort((a, b) => a - b))
      expect(ascending[0]).toBeLessThan(ascending.at(-1)!)
      expect(await tab.locator('th[aria-sort]').evaluateAll((headers) => headers.map((header) => [header.textContent, header.getAttribute('aria-sort')]))).toEqual([['Coverage', 'ascending']])
      await tab.keyboard.press('Space')
      expect(await numbers()).toEqual([...built].sort((a, b) => b - a))
      expect(await tab.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending')
      // Sorting keeps the filter: only matching rows are shown.
      await tab.fill('#filter', 'qa')
      expect(await visibleRows(tab)).toBe(26)
      await tab.locator('th button', {hasText: 'Language'}).press('Enter')
      expect((await columnValues(tab, 0)).slice(0, 3)).toEqual(['de', 'es', 'fa'])
    })
  })

  it('keeps the table header in view when scrolled', async () => {
    await withPage('status.html', async (tab) => {
      const header = tab.locator('thead th').first()
      const start = (await header.boundingBox())!.y
      expect(start).toBeGreaterThan(50)
      await tab.mouse.wheel(0, 5000)
      await expect.poll(() => tab.evaluate(() => window.scrollY)).toBeGreaterThan(4000)
      expect(Math.abs((await header.boundingBox())!.y)).toBeLessThan(1)
    })
  })

  it('shows every row and no controls without JavaScript', async () => {
    await withPage(
      'status.html',
      async (tab) => {
        expect(await visibleRows(tab)).toBe(205)
        expect(await tab.locator('#controls').isVisible()).toBe(false)
        expect(await tab.locator('th button').count()).toBe(0)
      },
      {javaScriptEnabled: false}
    )
  })

  it('renders the word diff of a stale segment and filters to the segments that need work', async () => {
    await withPage('qad/statement.review.html', async (tab) => {
      const stale = tab.locator('tr[data-state=stale]')
      expect(await stale.locator('.state').textContent()).toBe('Stale')
      expect(await stale.locator('del').allTextContents()).toEqual(['removed: Revolution ', 'removed: Peru!'])
      expect(await stale.locator('ins').allTextContents()).toEqual(["added: People's War ", 'added: Peru now!'])
      // Marked beyond color: struck through and underlined; the words "removed:" and "added:" are hidden from sight only.
      expect(await stale.locator('del').first().evaluate((element) => getComputedStyle(element).textDecorationLine)).toBe('line-through')
      expect(await stale.locator('ins').first().evaluate((element) => getComputedStyle(element).textDecorationLine)).toBe('underline')
      expect((await stale.locator('del .visually-hidden').first().boundingBox())!.width).toBeLessThanOrEqual(1)
      expect(await visibleRows(tab)).toBe(11)
      await tabTo(tab, '#only-work')
      await tab.keyboard.press('Space')
      // qad: 3 untranslated segments, and the stale one.
      expect(await tab.locator('tbody tr:visible').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-state')))).toEqual(['missing', 'missing', 'missing', 'stale'])
      expect(await tab.locator('#shown').textContent()).toBe('4 of 11 shown')
      await tab.keyboard.press('Space')
      expect(await visibleRows(tab)).toBe(11)
    })
  })

  it('lays out the Persian review page right to left, its English sources left to right', async () => {
    await withPage('fa/statement.review.html', async (tab) => {
      expect(await tab.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['fa', 'rtl'])
      // The state column comes first, at the right edge.
      const [state, source] = await Promise.all([tab.locator('thead th').nth(0).boundingBox(), tab.locator('thead th').nth(1).boundingBox()])
      expect(state!.x).toBeGreaterThan(source!.x)
      const cell = tab.locator('tbody tr').nth(2).locator('td[lang=fa]')
      expect(await cell.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl')
      // The last line of the paragraph is short: right to left, it ends at the right edge, far from the left.
      const alignment = await cell.locator('.text').evaluate((element) => {
        const range = document.createRange()
        range.selectNodeContents(element)
        const rects = [...range.getClientRects()]
        const bottom = Math.max(...rects.map((rect) => rect.bottom))
        const last = rects.filter((rect) => rect.bottom === bottom)
        const box = element.getBoundingClientRect()
        return {right: Math.abs(box.right - Math.max(...last.map((rect) => rect.right))) < 2, left: Math.abs(box.left - Math.min(...last.map((rect) => rect.left))) < 2}
      })
      expect(alignment).toEqual({right: true, left: false})
      expect(await tab.locator('tbody tr').nth(2).locator('td[lang=en]').evaluate((element) => getComputedStyle(element).direction)).toBe('ltr')
    })
  })

  it('links every row to its line of the segment file', async () => {
    const text = (await readFile(join(root, 'translations/qad/statement.md'), 'utf8')).split('\n')
    await withPage('qad/statement.review.html', async (tab) => {
      const links = await tab.locator('tbody tr td:first-child a').evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href))
      expect(links).toHaveLength(11)
      for (const link of links) {
        const [file, line] = link.split('#L')
        expect(file).toBe(pathToFileURL(join(root, 'translations/qad/statement.md')).href)
        expect(text[Number(line) - 1]).toMatch(/^<!-- segment [0-9a-f]{8}(-\d+)? -->$/)
      }
    })
  })
})
