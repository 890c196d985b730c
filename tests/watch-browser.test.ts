import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import type {Browser, Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {launchChromium, recordTab, type TabRecord} from './chromium.js'
import {copyRepositoryProject, put, read} from './helpers.js'
import {startWatch, type Watching} from './watch-helpers.js'

const esPath = 'translations/es/statement.md'
const original = 'La siguiente declaración fue remitida'

describe('watch in headless Chromium', () => {
  let browser: Browser
  let root: string
  let watching: Watching

  beforeAll(async () => {
    root = await copyRepositoryProject()
    watching = await startWatch(root)
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await watching?.stop()
  })

  /** Open a served page, recording console problems and every request it makes. */
  async function open(path: string): Promise<{tab: Page} & TabRecord> {
    const tab = await (await browser.newContext()).newPage()
    const {problems, requests} = recordTab(tab)
    await tab.goto(`${watching.url}${path}`)
    // The page listens for builds once its event stream is open.
    await expect.poll(() => requests.includes(`${watching.url}__interlinear/events`)).toBe(true)
    return {tab, problems, requests}
  }

  it('reloads an open page when its segment file is saved, shows a failed build over it, and clears it when fixed', async () => {
    const {tab, problems, requests} = await open('es/statement.html')
    expect(await tab.locator('article').textContent()).toContain(original)
    const text = await read(root, esPath)

    await writeFile(join(root, esPath), text.replace(original, 'Texto cambiado en el navegador'))
    await tab.waitForFunction(() => document.querySelector('article')?.textContent?.includes('Texto cambiado en el navegador'), undefined, {timeout: 20_000})

    await writeFile(join(root, esPath), `${text}\n<!-- segment <img src=x onerror=alert(1)> -->\n> x\n`)
    const overlay = tab.locator('#interlinear-build-error')
    await overlay.waitFor({state: 'visible', timeout: 20_000})
    expect(await overlay.locator('pre').textContent()).toContain('Malformed segment ID line `<!-- segment <img src=x onerror=alert(1)> -->`')
    expect(await tab.locator('article').textContent()).toContain('Texto cambiado en el navegador')
    expect(await tab.locator('img').count()).toBe(0)

    await writeFile(join(root, esPath), text)
    await overlay.waitFor({state: 'detached', timeout: 20_000})
    expect(await tab.locator('article').textContent()).toContain(original)
    expect(problems).toEqual([])
    expect(requests.every((url) => url.startsWith(watching.url))).toBe(true)
    await tab.context().close()
  })

  it('reloads a review page when its segment file is saved, its own script and filter still allowed', async () => {
    const {tab, problems} = await open('es/statement.review.html')
    expect(await tab.locator('tr[data-work]').count()).toBe(0)
    const text = await read(root, esPath)
    await writeFile(join(root, esPath), text.replace(/^La siguiente declaración.*$/m, ''))
    await tab.locator('tr[data-state=missing]').waitFor({timeout: 20_000})
    await tab.locator('#only-work').check()
    expect(await tab.locator('tbody tr:visible').count()).toBe(1)
    await writeFile(join(root, esPath), text)
    await tab.locator('tr[data-state=missing]').waitFor({state: 'detached', timeout: 20_000})
    expect(problems).toEqual([])
    await tab.context().close()
  })

  it('live-reloads a page whose Content-Security-Policy forbids inline scripts and styles', async () => {
    // Not a built page: a page in dist/ with the strictest policy, to prove the served page widens it just enough.
    await put(root, 'dist/strict.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><title>strict</title></head><body><p>strict page</p></body></html>\n`)
    const {tab, problems} = await open('strict.html')
    const text = await read(root, esPath)
    await writeFile(join(root, esPath), `${text}\n<!-- segment broken\n`)
    await tab.locator('#interlinear-build-error').waitFor({state: 'visible', timeout: 20_000})
    // The overlay's stylesheet applied: its style is allowed by hash, like the script.
    expect(await tab.locator('#interlinear-build-error').evaluate((element) => getComputedStyle(element).position)).toBe('fixed')
    await writeFile(join(root, esPath), text)
    await tab.locator('#interlinear-build-error').waitFor({state: 'detached', timeout: 20_000})
    expect(problems).toEqual([])
    await tab.context().close()
  })
})
