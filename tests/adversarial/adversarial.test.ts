import {createHash} from 'node:crypto'
import {mkdir, readdir, readFile, rename, rm, symlink, writeFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import {toString} from 'hast-util-to-string'
import {describe, expect, it} from 'vitest'
import {attribute, page, select, selectAll, translateFile} from '../build-helpers.js'
import {cli, makeProject, put, read} from '../helpers.js'
import {reviewScript} from '../../scripts/render/page-scripts.js'
import {cases, type Case} from './cases.js'

// What may appear in a built article: the elements remark-rehype makes from Markdown, nothing else.
const allowedElements = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'em', 'strong', 'del', 'code', 'pre', 'a', 'img', 'br', 'hr', 'ul', 'ol', 'li', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'sup', 'section', 'input', 'article'])

const forbiddenElements = new Set(['iframe', 'frame', 'object', 'embed', 'form', 'base', 'foreignObject', 'textarea', 'math', 'applet'])

async function snapshot(root: string, folders = ['source', 'translations', 'dist']): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  const walk = async (folder: string) => {
    for (const entry of await readdir(join(root, folder), {withFileTypes: true}).catch(() => [])) {
      const path = `${folder}/${entry.name}`
      if (entry.isDirectory()) await walk(path)
      else if (!entry.isSymbolicLink()) files.set(path, createHash('sha256').update(await readFile(join(root, path))).digest('hex'))
    }
  }
  for (const folder of folders) await walk(folder)
  return files
}

async function prepare(root: string, outside: string, item: Case): Promise<string[]> {
  const path = 'translations/es/statement.md'
  const setup = item.setup
  if (setup.prebuild) expect((await cli(['build'], root)).code).toBe(0)
  if (setup.source) await put(root, 'source/statement.md', setup.source(await read(root, 'source/statement.md')))
  for (const [file, text] of Object.entries(setup.files ?? {})) await put(root, file, text)
  if (setup.segmentFile) await put(root, path, setup.segmentFile(await read(root, path)))
  if (setup.segmentFileBytes) await writeFile(join(root, path), setup.segmentFileBytes(await read(root, path)))
  if (setup.translation !== undefined) await translateFile(root, 'es', 'statement', (_, index) => (index === (setup.index ?? 9) ? setup.translation : undefined))
  if (setup.symlink) {
    const [target, link] = [setup.symlink[0].replace('<outside>', outside), join(root, setup.symlink[1])]
    if (setup.move) await rename(link, target)
    else await rm(link, {recursive: true, force: true})
    await mkdir(dirname(link), {recursive: true})
    await symlink(target, link)
  }
  if (setup.command) return setup.command
  if (Object.keys(setup.files ?? {}).some((file) => file.endsWith('.json') && file !== 'interlinear.json')) return ['import', '--lang', 'es', '--format', 'i18next', 'evil.json']
  return ['build']
}

/** Every HTML page built: the translation's and the source's pages, review pages, the index and the dashboard. */
async function builtPages(root: string): Promise<string[]> {
  return [...(await snapshot(root, ['dist'])).keys()].filter((path) => path.endsWith('.html'))
}

describe('hostile and broken inputs', () => {
  it('has at least 50 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(50)
  })

  it.each(cases.map((item) => [item.name, item] as const))('%s', async (_, item) => {
    const root = await makeProject()
    // A folder outside the project, with a file in it: nothing may ever change there.
    const outside = await makeProject({'sentinel.txt': 'outside the project\n'})
    await cli(['init', 'es'], root)
    const command = await prepare(root, outside, item)
    const before = await snapshot(root)
    const outsideBefore = await snapshot(outside, ['.'])
    const started = performance.now()
    const run = await cli(command, root, item.maxHeapMb ? {NODE_OPTIONS: `--max-old-space-size=${item.maxHeapMb}`} : {})
    if (item.maxSeconds !== undefined) expect((performance.now() - started) / 1000).toBeLessThan(item.maxSeconds)
    expect(await snapshot(outside, ['.'])).toEqual(outsideBefore)
    // Never a stack trace, never code run.
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
    expect(run.stderr).not.toMatch(/internal error/)
    await expect(readFile(join(root, 'pwned'))).rejects.toThrow()
    if (item.outcome === 'rejected') {
      expect(run.code, run.stdout + run.stderr).toBe(2)
      // vfile-reporter's `file` then `line:column` lines, or check's `file:line:column` findings.
      const where = /^(.+)\n(\d+):(\d+)\s+error\s+(.*)$/m.exec(run.stderr) ?? /^(.+?):(\d+):(\d+)\s+error\s+(.*)$/m.exec(run.stdout + run.stderr)
      if (command[0] !== 'init') {
        expect(where, run.stderr).not.toBeNull()
        if (item.line !== undefined) expect(Number(where![2])).toBe(item.line)
      }
      if (item.message) expect(run.stdout + run.stderr).toMatch(item.message)
      // Nothing on disk changed.
      expect(await snapshot(root)).toEqual(before)
    } else {
      expect(run.code, run.stderr).toBe(0)
      if (command[0] !== 'build') return
      const pages = await builtPages(root)
      expect(pages).toContain('dist/es/statement.html')
      for (const path of pages) await (path.endsWith('.review.html') ? expectHarmlessReview(root, path) : expectHarmless(root, path))
      if (item.shows !== undefined) {
        expect(toString(select('article', await page(root, 'dist/es/statement.html'))!)).toContain(item.shows)
        expect(await read(root, 'dist/es/statement.md')).toContain(item.shows)
      }
    }
  })
})

/**
 * A review page shows the translator's text as text: besides what every page promises, its only script
 * is its own, and source and translation cells hold nothing but the diff's marks.
 */
async function expectHarmlessReview(root: string, path: string): Promise<void> {
  await expectHarmless(root, path)
  const tree = await page(root, path)
  expect(selectAll('script', tree).map((script) => toString(script))).toEqual([reviewScript])
  expect(selectAll('svg', tree)).toEqual(selectAll('svg.bar', tree))
  for (const cell of selectAll('td .text', tree)) {
    // selectAll matches the cell itself too.
    for (const element of selectAll('*', cell).filter((element) => element !== cell)) expect(['del', 'ins', 'span']).toContain(element.tagName)
  }
}

/**
 * A built page holds nothing dangerous: no event handler, no URL outside the allowlist, no frame,
 * object, form, base or foreign object; a script only when the page's Content-Security-Policy names
 * its hash (review pages and the dashboard have their own); in an article, only what Markdown makes.
 */
async function expectHarmless(root: string, path: string): Promise<void> {
  const tree = await page(root, path)
  for (const element of selectAll('article *', tree)) expect(allowedElements.has(element.tagName), element.tagName).toBe(true)
  const policy = attribute(select('meta[http-equiv="content-security-policy"]', tree), 'content') ?? ''
  // The page's own stylesheet stays in the head: none from content.
  expect(selectAll('body style', tree), path).toHaveLength(0)
  for (const element of selectAll('*', tree)) {
    expect(forbiddenElements.has(element.tagName), `${path}: ${element.tagName}`).toBe(false)
    for (const name of Object.keys(element.properties)) expect(name, `${path}: ${element.tagName}`).not.toMatch(/^on/i)
    for (const url of [attribute(element, 'href'), attribute(element, 'src'), attribute(element, 'action')]) {
      if (url !== undefined) expect(url, path).toMatch(/^(?:https?:|mailto:|#|[^:]*$)/i)
    }
    if (element.tagName === 'script') {
      expect(attribute(element, 'src'), path).toBeUndefined()
      expect(policy, path).toContain(`'sha256-${createHash('sha256').update(toString(element)).digest('base64')}'`)
    }
    if (element.tagName === 'meta') expect(attribute(element, 'httpEquiv') ?? 'content-security-policy', path).toMatch(/^content-security-policy$/i)
  }
}
