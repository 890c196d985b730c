import {createHash} from 'node:crypto'
import {readdir, readFile, symlink, rm, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {attribute, page, selectAll, translateFile} from '../build-helpers.js'
import {cli, makeProject, put, read} from '../helpers.js'
import {cases, type Case} from './cases.js'

// What may appear in a built article: the elements remark-rehype makes from Markdown, nothing else.
const allowedElements = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'em', 'strong', 'del', 'code', 'pre', 'a', 'img', 'br', 'hr', 'ul', 'ol', 'li', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'sup', 'section', 'input', 'article'])

async function snapshot(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  const walk = async (folder: string) => {
    for (const entry of await readdir(join(root, folder), {withFileTypes: true}).catch(() => [])) {
      const path = `${folder}/${entry.name}`
      if (entry.isDirectory()) await walk(path)
      else if (!entry.isSymbolicLink()) files.set(path, createHash('sha256').update(await readFile(join(root, path))).digest('hex'))
    }
  }
  for (const folder of ['source', 'translations', 'dist']) await walk(folder)
  return files
}

async function prepare(root: string, item: Case): Promise<string[]> {
  const path = 'translations/es/statement.md'
  const setup = item.setup
  if ('translation' in setup) await translateFile(root, 'es', 'statement', (_, index) => (index === (setup.index ?? 9) ? setup.translation : undefined))
  else if ('segmentFile' in setup) await put(root, path, setup.segmentFile(await read(root, path)))
  else if ('segmentFileBytes' in setup) await writeFile(join(root, path), setup.segmentFileBytes(await read(root, path)))
  else if ('source' in setup) await put(root, 'source/statement.md', setup.source(await read(root, 'source/statement.md')))
  else if ('files' in setup) for (const [file, text] of Object.entries(setup.files)) await put(root, file, text)
  else if ('symlink' in setup) {
    await rm(join(root, setup.symlink[1]), {recursive: true, force: true})
    await symlink(setup.symlink[0], join(root, setup.symlink[1]))
  }
  if ('command' in setup) return setup.command
  if ('files' in setup && Object.keys(setup.files).some((file) => file.endsWith('.json'))) return ['import', '--lang', 'es', '--format', 'i18next', 'evil.json']
  return ['build']
}

describe('hostile and broken inputs', () => {
  it('has at least 50 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(50)
  })

  it.each(cases.map((item) => [item.name, item] as const))('%s', async (_, item) => {
    const root = await makeProject()
    await cli(['init', 'es'], root)
    const command = await prepare(root, item)
    const before = await snapshot(root)
    const run = await cli(command, root)
    // Never a stack trace, never code run.
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
    expect(run.stderr).not.toMatch(/internal error/)
    await expect(readFile(join(root, 'pwned'))).rejects.toThrow()
    if (item.outcome === 'rejected') {
      expect(run.code, run.stdout + run.stderr).toBe(2)
      const where = /^(\S+)\n(\d+):(\d+)\s+error\s+(.*)$/m.exec(run.stderr)
      if (command[0] !== 'init') {
        expect(where, run.stderr).not.toBeNull()
        if (item.line !== undefined) expect(Number(where![2])).toBe(item.line)
      }
      if (item.message) expect(run.stderr).toMatch(item.message)
      // Nothing on disk changed.
      expect(await snapshot(root)).toEqual(before)
    } else {
      expect(run.code, run.stderr).toBe(0)
      const tree = await page(root, 'dist/es/statement.html')
      for (const element of selectAll('article *', tree)) {
        expect(allowedElements.has(element.tagName), element.tagName).toBe(true)
        for (const name of Object.keys(element.properties)) expect(name).not.toMatch(/^on/i)
        for (const url of [attribute(element, 'href'), attribute(element, 'src')]) {
          if (url !== undefined) expect(url).toMatch(/^(?:https?:|mailto:|#|[^:]*$)/i)
        }
      }
      const html = await read(root, 'dist/es/statement.html')
      expect(html).not.toMatch(/<script|<iframe|<object|<form|<svg|<meta http-equiv|<base /i)
      expect(html).not.toMatch(/(?:href|src|action)=["']?\s*(?:javascript|vbscript|data):/i)
      expect(selectAll('style', tree)).toHaveLength(1)
    }
  })
})
