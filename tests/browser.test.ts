import {mkdir} from 'node:fs/promises'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {launchChromium, recordTab} from './chromium.js'
import {cli, copyRepositoryProject, repository} from './helpers.js'

const artifacts = join(repository, 'test-artifacts')

describe('built pages in headless Chromium', () => {
  let browser: Browser
  let root: string

  beforeAll(async () => {
    root = await copyRepositoryProject()
    expect((await cli(['build', '--formats', 'html'], root)).code).toBe(0)
    browser = await launchChromium()
    await mkdir(artifacts, {recursive: true})
  })

  afterAll(async () => {
    await browser?.close()
  })

  it.each([
    ['fa', 'rtl'],
    ['es', 'ltr']
  ])('opens the %s page with the right direction and language, with no console error or request', async (language, direction) => {
    const context = await browser.newContext({viewport: {width: 900, height: 1000}})
    const tab = await context.newPage()
    const {problems, requests} = recordTab(tab)
    const url = pathToFileURL(join(root, 'dist', language, 'statement.html')).href
    await tab.goto(url)
    expect(await tab.evaluate(() => [document.documentElement.lang, document.documentElement.dir, getComputedStyle(document.body).direction])).toEqual([language, direction, direction])
    const article = await tab.locator('article').boundingBox()
    expect(article!.width).toBeGreaterThan(300)
    // In RTL the first paragraph's text starts at the right edge of the column.
    const alignment = await tab.evaluate(() => {
      const paragraph = document.querySelector('article p')!
      const range = document.createRange()
      range.selectNodeContents(paragraph)
      const text = range.getClientRects()[0]!
      const box = paragraph.getBoundingClientRect()
      return {right: Math.abs(box.right - text.right) < 2, left: Math.abs(box.left - text.left) < 2}
    })
    expect(direction === 'rtl' ? alignment.right : alignment.left).toBe(true)
    await tab.screenshot({path: join(artifacts, `statement-${language}.png`), fullPage: true})
    expect(problems).toEqual([])
    expect(requests).toEqual([url])
    await context.close()
  })
})
