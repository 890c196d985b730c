import {execFileSync, spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, utimes, writeFile} from 'node:fs/promises'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {setTimeout as sleep} from 'node:timers/promises'
import {join} from 'node:path'
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {parseMarkdown} from '../scripts/parse/parse-markdown.js'
import {attribute, page, pseudo, select, selectAll, translateFile} from './build-helpers.js'
import {cli, copyRepositoryProject, makeProject, put, read, repository, statementText} from './helpers.js'

const languages = ['de', 'en', 'es', 'fa', 'fr', 'zh-Hans']

async function listFiles(folder: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(folder, {withFileTypes: true})
  const files = await Promise.all(entries.map((entry) => (entry.isDirectory() ? listFiles(join(folder, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`])))
  return files.flat().sort()
}

describe('build of the repository', async () => {
  const root = await copyRepositoryProject()
  const run = await cli(['build'], root)

  it('writes HTML, Markdown and text for every language, a review page per translation, an index, a dashboard and a manifest', async () => {
    expect(run).toMatchObject({code: 0, stderr: ''})
    const expected = languages.flatMap((language) => ['html', 'md', 'txt', ...(language === 'en' ? [] : ['review.html'])].map((format) => `${language}/statement.${format}`))
    expect(await listFiles(join(root, 'dist'))).toEqual([...expected, 'index.html', 'status.html', 'manifest.json'].sort())
  })

  it.each(['en', 'es'])('matches the golden files for %s', async (language) => {
    for (const format of ['html', 'md', 'txt']) {
      const built = await read(root, `dist/${language}/statement.${format}`)
      const golden = join(repository, 'tests/golden', `${language}/statement.${format}`)
      if (process.env.UPDATE_GOLDEN === '1') await put(repository, `tests/golden/${language}/statement.${format}`, built)
      expect(built, `${language}/statement.${format}`).toBe(await readFile(golden, 'utf8'))
    }
  })

  it('gives every page its language, direction, title, menu and alternates', async () => {
    for (const language of languages) {
      const tree = await page(root, `dist/${language}/statement.html`)
      const html = select('html', tree)
      expect(attribute(html, 'lang')).toBe(language)
      expect(attribute(html, 'dir')).toBe(language === 'fa' ? 'rtl' : 'ltr')
      expect(attribute(select('meta[charset]', tree), 'charSet')).toBe('utf-8')
      expect(select('meta[name=viewport]', tree)).toBeDefined()
      expect(toString(select('title', tree)!)).toBe(toString(select('article h1', tree)!))
      const alternates = selectAll('link[rel=alternate]', tree).map((link) => attribute(link, 'hrefLang'))
      expect(alternates).toEqual([...['en', 'de', 'es', 'fa', 'fr', 'zh-Hans'], 'x-default'])
      const menu = selectAll('nav a', tree)
      expect(menu.map((link) => attribute(link, 'lang'))).toEqual(['en', 'de', 'es', 'fa', 'fr', 'zh-Hans'])
      expect(menu.map((link) => toString(link))).toEqual(['English', 'Deutsch', 'español', 'فارسی', 'français', '简体中文'])
      expect(selectAll('[aria-current=page]', tree).map((link) => attribute(link, 'lang'))).toEqual([language])
      expect(selectAll('script, link[rel=stylesheet], img[src^=http], iframe', tree)).toEqual([])
    }
  })

  it('names a language ICU has no data for in English, a private-use one by its code, the same whatever the machine’s locale', async () => {
    const project = await makeProject()
    const tags = ['ab', 'es-419', 'haw', 'qaa', 'tlh']
    for (const tag of tags) expect((await cli(['init', tag], project)).code).toBe(0)
    const outputs: Record<string, string>[] = []
    for (const locale of ['C', 'de_DE.UTF-8', 'tr_TR.UTF-8']) {
      expect((await cli(['build', '--out', `out-${locale}`], project, {LANG: locale, LC_ALL: locale})).code).toBe(0)
      const files = await listFiles(join(project, `out-${locale}`))
      outputs.push(Object.fromEntries(await Promise.all(files.map(async (path) => [path, await read(project, `out-${locale}/${path}`)] as const))))
    }
    for (const output of outputs.slice(1)) expect(output).toEqual(outputs[0])
    const menu = selectAll('nav a', await page(project, 'out-C/en/statement.html'))
    expect(Object.fromEntries(menu.map((link) => [attribute(link, 'lang'), toString(link)]))).toEqual({
      en: 'English',
      ab: 'Abkhazian',
      'es-419': 'español latinoamericano',
      haw: 'ʻŌlelo Hawaiʻi',
      qaa: 'qaa',
      tlh: 'Klingon'
    })
  })

  it('marks drafts with a localized notice', async () => {
    expect(toString(select('.notice', await page(root, 'dist/es/statement.html'))!)).toBe('Esta traducción es un borrador: aún no ha sido revisada.')
    expect(select('.notice', await page(root, 'dist/en/statement.html'))).toBeUndefined()
  })

  it('reproduces the canonical body in the source language Markdown', async () => {
    const built = await read(root, 'dist/en/statement.md')
    const body = statementText.slice(statementText.indexOf('\n---\n') + 5)
    expect(built.slice(built.indexOf('\n---\n') + 5)).toBe(body)
    expect(built).toMatch(/^---\nlanguage: en\ntitle: Expand and Strengthen the Movement to Support the Revolution in Peru\nstatus: source\nsource: source\/statement\.md\nrevision: [0-9a-f]{12}\n---\n/)
  })

  it('records every file and the coverage of every language', async () => {
    const manifest = JSON.parse(await read(root, 'dist/manifest.json'))
    expect(manifest.files.map((file: {path: string}) => file.path)).toEqual((await listFiles(join(root, 'dist'))).filter((path) => path !== 'manifest.json'))
    expect(manifest.files).toHaveLength(25)
    expect(manifest.coverage.map((record: {language: string; coverage: number}) => [record.language, record.coverage])).toEqual([
      ['en', 100], ['de', 100], ['es', 100], ['fa', 100], ['fr', 100], ['zh-Hans', 100]
    ])
    expect(manifest.sources[0]).toMatchObject({document: 'statement', language: 'en', revision: expect.stringMatching(/^[0-9a-f]{12}$/)})
  })

  it('is byte-identical when run twice', async () => {
    const first = await Promise.all((await listFiles(join(root, 'dist'))).map(async (path) => [path, await read(root, `dist/${path}`)]))
    expect((await cli(['build'], root)).code).toBe(0)
    for (const [path, text] of first) expect(await read(root, `dist/${path}`), path).toBe(text)
  })

  it('writes an index of every language with its native name and coverage', async () => {
    const tree = await page(root, 'dist/index.html')
    expect(selectAll('main a', tree).map((link) => [attribute(link, 'href'), toString(link)])).toEqual([
      ['en/statement.html', 'English'], ['de/statement.html', 'Deutsch'], ['es/statement.html', 'español'], ['fa/statement.html', 'فارسی'], ['fr/statement.html', 'français'], ['zh-Hans/statement.html', '简体中文']
    ])
  })
})

describe('fallbacks', () => {
  it('shows missing segments in the source language, marked with its lang, and counts them', async () => {
    const root = await makeProject()
    await cli(['init', 'es'], root)
    await translateFile(root, 'es', 'statement', (source, index) => (index < 5 ? `ES ${source}` : undefined))
    expect((await cli(['build', '--formats', 'html'], root)).code).toBe(0)
    const tree = await page(root, 'dist/es/statement.html')
    const fallbacks = selectAll('article .fallback', tree)
    expect(fallbacks.length).toBe(6)
    expect(fallbacks.every((element) => attribute(element, 'lang') === 'en')).toBe(true)
    expect(toString(fallbacks[0]!)).toMatch(/^The People's War in Peru/)
    expect(selectAll('.notice', tree).map((notice) => toString(notice))).toEqual([
      'Esta traducción es un borrador: aún no ha sido revisada.',
      expect.stringMatching(/^6 /)
    ])
    const manifest = JSON.parse(await read(root, 'dist/manifest.json'))
    expect(manifest.coverage[1]).toMatchObject({language: 'es', translated: 5, missing: 6, fallback: 6, coverage: 45.4})
  })

  it('falls back from a regional tag to its language, then to the source', async () => {
    const root = await makeProject()
    await cli(['init', 'es'], root)
    await cli(['init', 'es-PE'], root)
    await translateFile(root, 'es', 'statement', (source, index) => (index < 6 ? `ES ${source}` : undefined))
    await translateFile(root, 'es-PE', 'statement', (source, index) => (index < 3 ? `PE ${source}` : undefined))
    await cli(['build', '--formats', 'html'], root)
    const tree = await page(root, 'dist/es-PE/statement.html')
    const langs = selectAll('article > *', tree).map((element) => attribute(element, 'lang') ?? 'es-PE')
    expect(langs).toEqual(['es-PE', 'es-PE', 'es', 'es', 'es', 'en', 'en', 'en', 'en', 'en'])
  })

  it('uses configured fallbacks before the source language', async () => {
    const root = await makeProject()
    await cli(['init', 'es'], root)
    await cli(['init', 'gl'], root)
    await translateFile(root, 'es', 'statement', (source) => `ES ${source}`)
    await put(root, 'interlinear.json', JSON.stringify({fallbacks: {gl: ['es']}}))
    await cli(['build', '--formats', 'md'], root)
    expect(await read(root, 'dist/gl/statement.md')).toContain('\nES The March 1984')
  })

  it('never ships a stale translation silently: it falls back by default and is marked outdated with --stale keep', async () => {
    const root = await makeProject()
    await cli(['init', 'es'], root)
    await translateFile(root, 'es', 'statement', (source) => `ES ${source}`)
    await put(root, 'source/statement.md', statementText.replace('Support the Revolution in Peru!', 'Support the People\'s War in Peru!'))
    await cli(['build', '--formats', 'html'], root)
    const fallback = select('article .fallback', await page(root, 'dist/es/statement.html'))
    expect(toString(fallback!)).toBe("Support the People's War in Peru!")
    await cli(['build', '--formats', 'html', '--stale', 'keep'], root)
    const kept = await page(root, 'dist/es/statement.html')
    expect(toString(select('article .outdated', kept)!)).toBe('ES Support the Revolution in Peru!')
    expect(select('article .fallback', kept)).toBeUndefined()
    expect(selectAll('.notice', kept).length).toBe(2)
  })
})

describe('build safety', () => {
  it('keeps {{x}} and $t(x) in document text exactly as written', async () => {
    const root = await makeProject({'source/doc.md': '---\nlanguage: en\n---\n\nInterpolation {{name}} and nesting $t(other) stay.\n\nSecond.\n'})
    await cli(['init', 'es'], root)
    await translateFile(root, 'es', 'doc', (source, index) => (index === 0 ? 'Traducción {{- name}} y $t(other, {"lng": "en"}) quedan.' : undefined))
    await cli(['build'], root)
    expect(await read(root, 'dist/en/doc.txt')).toContain('Interpolation {{name}} and nesting $t(other) stay.')
    expect(await read(root, 'dist/es/doc.txt')).toContain('Traducción {{- name}} y $t(other, {"lng": "en"}) quedan.')
    expect(await read(root, 'dist/es/doc.html')).toContain('Traducción {{- name}} y $t(other, {"lng": "en"}) quedan.')
  })

  it('drops raw HTML and unsafe URL schemes from translations', async () => {
    const root = await makeProject({'source/doc.md': '---\nlanguage: en\n---\n\nA [link](https://example.org) here.\n\nAn ![image](pic.png) there.\n'})
    await cli(['init', 'es'], root)
    await translateFile(root, 'es', 'doc', (_, index) =>
      index === 0 ? 'Un [enlace](JaVaScRiPt:alert(1)) <img src=x onerror=alert(1)> aquí <https://ok.example>.' : 'Una ![imagen](data:text/html;base64,PHNjcmlwdD4=) allí.'
    )
    expect((await cli(['build'], root)).code).toBe(0)
    const html = await read(root, 'dist/es/doc.html')
    expect(html).not.toMatch(/javascript:|onerror|<img src="?x|data:text/i)
    const tree = await page(root, 'dist/es/doc.html')
    expect(selectAll('article a', tree).map((link) => attribute(link, 'href'))).toEqual([undefined, 'https://ok.example'])
  })

  it('withholds a language under --min-coverage and says so', async () => {
    const root = await makeProject()
    await cli(['init', 'es'], root)
    await translateFile(root, 'es', 'statement', (source, index) => (index < 3 ? `ES ${source}` : undefined))
    const run = await cli(['build', '--min-coverage', '50'], root)
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('not published: es/statement is 27.2% translated, under --min-coverage 50\n')
    await expect(readFile(join(root, 'dist/es/statement.html'))).rejects.toThrow()
    const tree = await page(root, 'dist/en/statement.html')
    expect(selectAll('nav a', tree).map((link) => attribute(link, 'lang'))).toEqual(['en'])
  })

  it('reports an output folder the file system refuses as such: the call, the path and why, exit 2, no stack trace, no hang', async () => {
    const root = await makeProject()
    await cli(['init', 'es'], root)
    const elsewhere = await mkdtemp(join(tmpdir(), 'interlinear-refused-'))
    await writeFile(join(elsewhere, 'a-file'), 'not a folder\n')
    // A folder under a file, outside the project; and, on Linux, one /proc will not make, where Node's recursive mkdir retries forever.
    const refused: [string, RegExp][] = [[join(elsewhere, 'a-file', 'out'), /could not (?:lstat|mkdir) .*a-file\/out.*\(ENOTDIR\)/], ...(process.platform === 'linux' ? [['/proc/interlinear-refused', /could not mkdir \/proc\/interlinear-refused: .*\(ENOENT\)/] as [string, RegExp]] : [])]
    for (const [out, message] of refused) {
      const run = await cli(['build', '--out', out], root)
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(message)
      expect(run.stderr).toContain('Check that the folder exists and may be written')
      expect(run.stderr).not.toMatch(/internal error|\n\s+at /)
    }
  })
})

describe('structure survives translation', () => {
  const sample = [
    '---\nlanguage: en\ntitle: A *sample*\n---\n',
    '# Sample heading\n',
    'Setext heading\n--------------\n',
    'A paragraph with *emphasis*, **strong**, `code`, a [link](https://example.org "Title"), a [reference][ref] and a footnote.[^note]\n',
    '> A quote\n> over two lines.\n>\n> > A nested quote with a hard break\\\n> > right here.\n',
    '- Item one\n- Item two with\\\n  a break\n  - Nested item\n',
    '3. Third\n4. Fourth\n',
    '| Name | Value |\n| :--- | ---: |\n| Apple pie | 42 |\n| Pipe | a \\| b |\n',
    '![Alt text of the image](image.png "Image title")\n',
    '```js\nconst x = "code stays"\n```\n',
    '[ref]: https://example.org/ref\n',
    '[^note]: The footnote text.\n'
  ].join('\n')

  it('keeps every block, list, quote, table, link, image, footnote and break after a pseudo-translation', async () => {
    const root = await makeProject({'source/sample.md': sample})
    await cli(['init', 'qps'], root)
    await translateFile(root, 'qps', 'sample', pseudo('[ref]: https://example.org/ref\n[^note]: -'))
    const run = await cli(['build'], root)
    expect(run.code).toBe(0)
    const shape = (text: string) => {
      const lines: string[] = []
      const walk = (node: {type: string; children?: unknown[]; url?: string; depth?: number}, depth: number) => {
        lines.push(`${' '.repeat(depth)}${node.type}${node.url ? ` ${node.url}` : ''}${node.depth ? ` ${node.depth}` : ''}`)
        for (const child of (node.children ?? []) as (typeof node)[]) walk(child, depth + 1)
      }
      walk(parseMarkdown(text.slice(text.indexOf('\n---\n') + 5)), 0)
      return lines.join('\n')
    }
    const translated = await read(root, 'dist/qps/sample.md')
    expect(shape(translated)).toBe(shape(await read(root, 'dist/en/sample.md')))
    expect(translated).toContain('Ţĥíŕð')
    expect(translated).not.toMatch(/\bparagraph\b|\bquote\b|\bItem\b/)
  })
})

describe('build --update --check', () => {
  async function snapshot(root: string, folder: string): Promise<Record<string, string>> {
    const files = await listFiles(join(root, folder))
    return Object.fromEntries(await Promise.all(files.map(async (file) => [file, await read(root, `${folder}/${file}`)])))
  }

  it('does in one run exactly what update, check and build do in three', async () => {
    const edited = statementText.replace('Further steps must be taken', 'Further steps must now be taken').replace(/\n$/, '\n\nA new closing paragraph.\n')
    const [separate, combined] = await Promise.all([copyRepositoryProject(), copyRepositoryProject()])
    for (const root of [separate, combined]) {
      await put(root, 'source/statement.md', edited)
      // A check error (raw HTML the source does not have) in one translation.
      const spanish = await read(root, 'translations/es/statement.md')
      expect(spanish).toContain('1984')
      const broken = spanish.split('\n').map((line) => (line.startsWith('>') ? line : line.replace('1984', '1984 <b>!</b>')))
      await put(root, 'translations/es/statement.md', broken.join('\n'))
    }
    const update = await cli(['update'], separate)
    const check = await cli(['check'], separate)
    const build = await cli(['build'], separate)
    const run = await cli(['build', '--update', '--check'], combined)
    expect(check.code).toBe(1)
    expect(run.code).toBe(check.code)
    expect(run.stdout).toBe(update.stdout + check.stdout + build.stdout.replace(separate, combined))
    expect(await snapshot(combined, 'translations')).toEqual(await snapshot(separate, 'translations'))
    expect(await snapshot(combined, 'dist')).toEqual(await snapshot(separate, 'dist'))
  })
})

/** Whether this machine can make a folder immutable (`chattr +i`: even root cannot create files in it). */
function canMakeImmutable(): boolean {
  const folder = mkdtempSync(join(tmpdir(), 'interlinear-immutable-'))
  try {
    return spawnSync('chattr', ['+i', folder]).status === 0 && spawnSync('chattr', ['-i', folder]).status === 0
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
}

describe('build cache', () => {
  async function times(root: string): Promise<Record<string, number>> {
    const files = await listFiles(join(root, 'dist'))
    return Object.fromEntries(await Promise.all(files.map(async (file) => [file, (await stat(join(root, 'dist', file))).mtimeMs])))
  }
  async function contents(root: string): Promise<Record<string, string>> {
    const files = await listFiles(join(root, 'dist'))
    return Object.fromEntries(await Promise.all(files.map(async (file) => [file, await read(root, `dist/${file}`)])))
  }
  async function fresh(root: string): Promise<Record<string, string>> {
    await rm(join(root, '.interlinear-cache'), {recursive: true, force: true})
    await rm(join(root, 'dist'), {recursive: true, force: true})
    expect((await cli(['build'], root)).code).toBe(0)
    return contents(root)
  }

  it('rewrites nothing when nothing changed, and only the edited language after one edit', async () => {
    const root = await copyRepositoryProject()
    expect((await cli(['build'], root)).code).toBe(0)
    const first = await times(root)
    const again = await cli(['build'], root)
    expect(again).toMatchObject({code: 0, stderr: ''})
    expect(await times(root)).toEqual(first)
    // --check goes past the shortcut for unchanged inputs: every page, review page and the dashboard come from the cache.
    expect((await cli(['build', '--check'], root)).code).toBe(0)
    expect(await times(root)).toEqual(first)
    const spanish = await read(root, 'translations/es/statement.md')
    await put(root, 'translations/es/statement.md', spanish.replace('La siguiente declaración', 'Esta declaración'))
    expect((await cli(['build'], root)).code).toBe(0)
    const after = await times(root)
    const changed = Object.keys(after).filter((file) => after[file] !== first[file]).sort()
    // The dashboard shows the same counts and findings as before: not rewritten.
    expect(changed).toEqual(['es/statement.html', 'es/statement.md', 'es/statement.review.html', 'es/statement.txt'])
    const built = await contents(root)
    expect(built['es/statement.txt']).toContain('Esta declaración')
    expect(await fresh(root)).toEqual(built)
  })

  it('renders the index again when what it lists changed, and restores it when it was changed', async () => {
    const root = await copyRepositoryProject()
    expect((await cli(['build'], root)).code).toBe(0)
    const before = await read(root, 'dist/index.html')
    // A translation emptied: Spanish's coverage falls, and the index shows it.
    await translateFile(root, 'es', 'statement', (_source, index) => (index === 2 ? '' : undefined))
    expect((await cli(['build'], root)).code).toBe(0)
    const after = await read(root, 'dist/index.html')
    expect(after).not.toBe(before)
    const built = await contents(root)
    expect(await fresh(root)).toEqual(built)
    // The cache never vouches for an index that is not as written.
    await put(root, 'dist/index.html', after.replace('</main>', '<p>planted</p></main>'))
    await put(root, 'translations/fr/statement.md', (await read(root, 'translations/fr/statement.md')).replace('La déclaration suivante', 'Cette déclaration'))
    expect((await cli(['build'], root)).code).toBe(0)
    expect(await read(root, 'dist/index.html')).toBe(after)
  })

  it('reads no input whose stamp is as recorded, and still sees a same-size edit with its modification time set back', async () => {
    const root = await copyRepositoryProject()
    const spanish = join(root, 'translations/es/statement.md')
    const french = join(root, 'translations/fr/statement.md')
    // A modification time that can be set back exactly; every change time is now.
    const then = 1_600_000_000
    await utimes(spanish, then, then)
    // A file changed within 2 s of being read is read again by the next build, whatever its stamp.
    await sleep(2100)
    expect((await cli(['build'], root)).code).toBe(0)
    // The record is the first line of the file; the report, the second.
    const record = async () => Object.fromEntries(JSON.parse((await read(root, '.interlinear-cache/last-build.json')).split('\n')[0]!).inputs.map((input: {path: string; stamp: string}) => [input.path, input.stamp]))
    const trusted = await record()
    expect(Object.keys(trusted).sort()).toEqual(['source/statement.md', ...languages.filter((language) => language !== 'en').map((language) => `translations/${language}/statement.md`)].sort())
    expect(Object.values(trusted)).not.toContain('')
    const first = await times(root)
    // Touched, not changed: read again, found the same, nothing rebuilt; its new stamp is not trusted yet.
    const now = new Date()
    await utimes(french, now, now)
    expect(await cli(['build'], root)).toMatchObject({code: 0, stderr: ''})
    expect(await times(root)).toEqual(first)
    expect(await record()).toEqual({...trusted, 'translations/fr/statement.md': ''})
    // Same size, same modification time, other bytes: only the change time tells.
    const text = await read(root, 'translations/es/statement.md')
    const edited = text.replace('La siguiente declaración', 'La siguiente declaraciÓn')
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text))
    await writeFile(spanish, edited)
    await utimes(spanish, then, then)
    expect((await stat(spanish)).mtimeMs).toBe(then * 1000)
    expect((await cli(['build'], root)).code).toBe(0)
    expect(await read(root, 'dist/es/statement.txt')).toContain('declaraciÓn')
  })

  it('lists no folder whose stamp is as recorded, and still sees a file or folder added or removed', async () => {
    const root = await copyRepositoryProject()
    const folders = async () => Object.fromEntries(JSON.parse((await read(root, '.interlinear-cache/last-build.json')).split('\n')[0]!).folders.map((folder: {path: string; stamp: string}) => [folder.path, folder.stamp]))
    // Folders made just now are listed again by the next build, which records their stamps once 2 s have passed.
    expect((await cli(['build'], root)).code).toBe(0)
    expect(Object.values(await folders())).toEqual(expect.arrayContaining(['']))
    await sleep(2100)
    const built = await cli(['build'], root)
    expect(built.code).toBe(0)
    const stamps = await folders()
    expect(Object.keys(stamps).sort()).toEqual(['source', 'translations', ...languages.filter((language) => language !== 'en').map((language) => `translations/${language}`)].sort())
    expect(Object.values(stamps)).not.toContain('')
    expect(await cli(['build'], root)).toEqual(built)
    // A segment file of no document, added to a folder whose files are all as recorded.
    await put(root, 'translations/es/other.md', await read(root, 'translations/es/statement.md'))
    const refused = await cli(['build'], root)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('translations/es/other.md')
    await rm(join(root, 'translations/es/other.md'))
    expect((await cli(['build'], root)).code).toBe(0)
    // A language folder added, and removed again once its stamp is trusted.
    const outputs = async () => {
      const run = await cli(['build', '--json'], root)
      expect(run.code).toBe(0)
      return JSON.parse(run.stdout).files as string[]
    }
    await cp(join(root, 'translations/fr'), join(root, 'translations/it'), {recursive: true})
    await put(root, 'translations/it/statement.md', (await read(root, 'translations/it/statement.md')).replace('language: fr', 'language: it'))
    expect(await outputs()).toContain('it/statement.txt')
    await sleep(2100)
    expect(await outputs()).toContain('it/statement.txt')
    expect(Object.keys(await folders())).toContain('translations/it')
    await rm(join(root, 'translations/it'), {recursive: true})
    expect(await outputs()).not.toContain('it/statement.txt')
  })

  it.runIf(canMakeImmutable())('answers a build with nothing to do where it cannot record the stamps it could now trust (a read-only checkout)', async () => {
    const root = await copyRepositoryProject()
    const built = await cli(['build'], root)
    expect(built.code).toBe(0)
    // The files were copied just now: their stamps are trusted only by a build 2 s later, which records them.
    await sleep(2100)
    const cache = join(root, '.interlinear-cache')
    const record = await read(root, '.interlinear-cache/last-build.json')
    execFileSync('chattr', ['+i', cache])
    try {
      expect(await cli(['build'], root)).toEqual(built)
    } finally {
      execFileSync('chattr', ['-i', cache])
    }
    expect(await read(root, '.interlinear-cache/last-build.json')).toBe(record)
    expect(await cli(['build'], root)).toEqual(built)
    expect(await read(root, '.interlinear-cache/last-build.json')).not.toBe(record)
  })

  it.runIf(canMakeImmutable())('completes a build whose cache cannot be written, with a warning, and the next build trusts nothing stale', async () => {
    const root = await copyRepositoryProject()
    expect((await cli(['build'], root)).code).toBe(0)
    const cache = join(root, '.interlinear-cache')
    const record = await read(root, '.interlinear-cache/last-build.json')
    const spanish = await read(root, 'translations/es/statement.md')
    await put(root, 'translations/es/statement.md', spanish.replace('La siguiente declaración', 'Esta declaración'))
    execFileSync('chattr', ['+i', cache])
    let built
    try {
      built = await cli(['build'], root)
    } finally {
      execFileSync('chattr', ['-i', cache])
    }
    expect(built.code).toBe(0)
    expect(built.stderr).toBe('warning: could not write the build cache in .interlinear-cache/ (EPERM on open): the outputs are complete, but the next build will do all its work again; check that the folder may be written\n')
    expect(await read(root, 'dist/es/statement.txt')).toContain('Esta declaración')
    expect(await read(root, '.interlinear-cache/last-build.json')).toBe(record)
    // The record left behind is of the build before: the edit is seen, not trusted away.
    await put(root, 'translations/es/statement.md', spanish.replace('La siguiente declaración', 'Aquella declaración'))
    expect((await cli(['build'], root)).code).toBe(0)
    expect(await read(root, 'dist/es/statement.txt')).toContain('Aquella declaración')
  })

  it('restores an output file changed or deleted by hand', async () => {
    const root = await copyRepositoryProject()
    const clean = await fresh(root)
    await put(root, 'dist/fr/statement.html', '<script>alert(1)</script>')
    await rm(join(root, 'dist/de/statement.txt'))
    expect((await cli(['build'], root)).code).toBe(0)
    expect(await contents(root)).toEqual(clean)
  })

  /** A built project, its outputs, and an attacker's page put at `dist/fr/statement.html`, with the page cache to forge. */
  async function attacked() {
    const root = await copyRepositoryProject()
    const clean = await fresh(root)
    const evil = '<script>alert(1)</script>\n'
    await put(root, 'dist/fr/statement.html', evil)
    const cache = JSON.parse(await read(root, '.interlinear-cache/build.json'))
    return {root, clean, evil, cache}
  }

  it('never takes outputs it did not write itself for its own, even with matching checksums (a pull request committing dist/ and the cache)', async () => {
    // A cache entry with the attacker's page's exact checksum and size, as if built here.
    const {root, clean, evil, cache} = await attacked()
    const entry = cache.pages['fr/statement'].files.find((file: {path: string}) => file.path === 'fr/statement.html')
    Object.assign(entry, {sha256: createHash('sha256').update(evil).digest('hex'), size: Buffer.byteLength(evil)})
    await put(root, '.interlinear-cache/build.json', JSON.stringify(cache))
    // What a checkout of those committed files gives: the same bytes, new files.
    const checkout = await mkdtemp(join(tmpdir(), 'interlinear-checkout-'))
    await cp(root, checkout, {recursive: true})
    expect((await cli(['build'], checkout)).code).toBe(0)
    expect(await contents(checkout)).toEqual(clean)
  })

  it('never takes a forged cache entry that lists fewer files than the page has, or a record of a build without its manifest', async () => {
    // Keys can be computed by anyone with the code and the inputs: an entry with the right key and no files.
    const {root, clean, cache} = await attacked()
    cache.pages['fr/statement'].files = []
    await put(root, '.interlinear-cache/build.json', JSON.stringify(cache))
    const [record, report] = (await read(root, '.interlinear-cache/last-build.json')).split('\n')
    await put(root, '.interlinear-cache/last-build.json', `${JSON.stringify({...JSON.parse(record!), outputs: []})}\n${report}\n`)
    expect((await cli(['build'], root)).code).toBe(0)
    expect(await contents(root)).toEqual(clean)
  })

  it('is never trusted over a changed input, and ignores a malformed or tampered cache', async () => {
    const root = await copyRepositoryProject()
    const clean = await fresh(root)
    const cache = JSON.parse(await read(root, '.interlinear-cache/build.json'))
    // A cache claiming every page is current for other inputs, and pointing outside the project.
    for (const page of Object.values(cache.pages) as {key: string; files: {path: string}[]}[]) page.files.push({...page.files[0]!, path: '../../outside.txt'})
    await put(root, '.interlinear-cache/build.json', JSON.stringify(cache))
    await put(root, 'source/statement.md', statementText.replace(/\n$/, '\n\nA new closing paragraph.\n'))
    expect((await cli(['build'], root)).code).toBe(0)
    const rebuilt = await contents(root)
    expect(rebuilt['en/statement.txt']).toContain('A new closing paragraph.')
    expect(rebuilt).toEqual(await fresh(root))
    for (const broken of ['{', '[]', '{"pages": {"en/statement": {"key": 1}}}', '{"settings": 1, "inputs": [{"path": "source/statement.md"}], "files": 3}']) {
      for (const file of ['build.json', 'last-build.json']) await put(root, `.interlinear-cache/${file}`, broken)
      expect(await cli(['build'], root)).toMatchObject({code: 0, stderr: ''})
      expect(await contents(root)).toEqual(rebuilt)
    }
    // A good record with a broken report: a build that answers with the report builds again.
    expect((await cli(['build'], root)).code).toBe(0)
    const [record] = (await read(root, '.interlinear-cache/last-build.json')).split('\n')
    await put(root, '.interlinear-cache/last-build.json', `${record}\n{"manifest": 1}\n`)
    const json = await cli(['build', '--json'], root)
    expect(json.code).toBe(0)
    expect(await contents(root)).toEqual(rebuilt)
    // And the report, now whole again, answers as that build did.
    expect(await cli(['build', '--json'], root)).toEqual(json)
    expect(clean['en/statement.txt']).not.toContain('A new closing paragraph.')
  })

  it('answers `interlinear build` with nothing to do from the small warm bundle, as the whole CLI would, and leaves everything else to it', async () => {
    const root = await copyRepositoryProject()
    expect((await cli(['build'], root)).code).toBe(0)
    const warmBuild = (args: string[]) => {
      const script = `const {compileWarm, loadWarm} = require('./bin/load-bundle.js'); loadWarm(compileWarm()).warmBuild(${JSON.stringify(args)}, ${JSON.stringify(root)}).then((text) => process.stdout.write(JSON.stringify(text ?? null)))`
      return JSON.parse(execFileSync(process.execPath, ['-e', script], {cwd: repository, encoding: 'utf8'})) as string | null
    }
    // The whole CLI (any other arguments: `--root .`) prints the same for the same build.
    const whole = await cli(['build', '--root', '.'], root)
    expect(whole.code).toBe(0)
    expect(warmBuild(['build'])).toBe(whole.stdout)
    expect(await cli(['build'], root)).toEqual(whole)
    for (const args of [['build', '--json'], ['check'], ['build', 'extra']]) expect(warmBuild(args)).toBeNull()
    // A changed input: the whole CLI rebuilds.
    const spanish = await read(root, 'translations/es/statement.md')
    await put(root, 'translations/es/statement.md', spanish.replace('La siguiente declaración', 'Esta declaración'))
    expect(warmBuild(['build'])).toBeNull()
    expect(await cli(['build'], root)).toEqual(whole)
    expect(await read(root, 'dist/es/statement.txt')).toContain('Esta declaración')
    expect(warmBuild(['build'])).toBe(whole.stdout)
    // Any error is left to the whole CLI, which reports it.
    await put(root, 'interlinear.json', '{"fallbacks": 3}')
    expect(warmBuild(['build'])).toBeNull()
    expect((await cli(['build'], root)).code).toBe(2)
  })

  it('decodes and reports a file changed to invalid UTF-8 since a good build, and keeps the outputs', async () => {
    const root = await copyRepositoryProject()
    const clean = await fresh(root)
    const spanish = await readFile(join(root, 'translations/es/statement.md'))
    const at = spanish.indexOf('\n', spanish.indexOf('\n') + 1) + 1
    await writeFile(join(root, 'translations/es/statement.md'), Buffer.concat([spanish.subarray(0, at), Buffer.from([0xc3, 0x28]), spanish.subarray(at)]))
    const run = await cli(['build'], root)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^translations\/es\/statement\.md\n\s*3:1\s+error\s.*UTF-8/m)
    expect(await contents(root)).toEqual(clean)
  })
})

describe('build --shard', () => {
  it('deals languages out to shards whose union is the full build, byte for byte', async () => {
    const root = await copyRepositoryProject()
    expect((await cli(['build', '--out', 'full'], root)).code).toBe(0)
    const full = await listFiles(join(root, 'full'))
    const union = new Map<string, string>()
    const rendered: string[][] = []
    for (const index of [1, 2, 3, 4]) {
      const run = await cli(['build', '--shard', `${index}/4`, '--out', `shard-${index}`, '--json'], root)
      expect(run.code).toBe(0)
      const files = await listFiles(join(root, `shard-${index}`))
      rendered.push([...new Set(files.filter((path) => path.includes('/')).map((path) => path.split('/')[0]!))])
      expect(JSON.parse(run.stdout).files).toEqual(files.filter((path) => path !== 'manifest.json').concat('manifest.json'))
      for (const path of files) {
        const text = await read(root, `shard-${index}/${path}`)
        if (union.has(path)) expect(text, `${path} differs between shards`).toBe(union.get(path))
        union.set(path, text)
      }
    }
    // Six languages sorted (de en es fa fr zh-Hans), dealt out in turn.
    expect(rendered).toEqual([['de', 'fr'], ['en', 'zh-Hans'], ['es'], ['fa']])
    expect([...union.keys()].sort()).toEqual(full)
    for (const path of full) expect(union.get(path), path).toBe(await read(root, `full/${path}`))
  })

  it('refuses a shard that is not I/N with 1 ≤ I ≤ N', async () => {
    const root = await copyRepositoryProject()
    for (const shard of ['0/2', '3/2', '1', 'a/b', '1/0', '-1/2']) {
      const run = await cli(['build', `--shard=${shard}`], root)
      expect(run.code, shard).toBe(2)
      expect(run.stderr).toContain('--shard must be I/N')
    }
  })
})

describe('build with threads', () => {
  /** A project of `count` languages (enough pages for the default to start a thread), most partly translated. */
  async function manyLanguages(count: number): Promise<{root: string; tags: string[]}> {
    const root = await makeProject()
    const tags = Array.from({length: count}, (_, index) => `q${String.fromCharCode(97 + Math.floor(index / 26))}${String.fromCharCode(97 + (index % 26))}`)
    expect((await cli(['init', tags[0]!], root)).code).toBe(0)
    const template = await read(root, `translations/${tags[0]}/statement.md`)
    for (const tag of tags.slice(1)) await put(root, `translations/${tag}/statement.md`, template.replaceAll(` in ${tags[0]}.`, ` in ${tag}.`).replace(`language: ${tags[0]}`, `language: ${tag}`))
    for (const [index, tag] of tags.entries()) if (index % 3 !== 0) await translateFile(root, tag, 'statement', (source, at) => (at % 4 === 0 ? undefined : `${tag} ${source}`))
    return {root, tags}
  }

  it('writes the same files with one thread, two (one writing), three (one rendering besides) and as many as pay off; a warm build reuses what threads wrote', async () => {
    const {root} = await manyLanguages(130)
    const outputs: Record<string, string>[] = []
    for (const jobs of ['1', '2', '3', undefined]) {
      const run = await cli(['build', '--out', `out-${jobs}`, ...(jobs ? ['--jobs', jobs] : [])], root)
      expect(run).toMatchObject({code: 0, stderr: ''})
      const files = await listFiles(join(root, `out-${jobs}`))
      expect(files.length).toBe(131 * 3 + 130 + 3)
      outputs.push(Object.fromEntries(await Promise.all(files.map(async (path) => [path, await read(root, `out-${jobs}/${path}`)] as const))))
    }
    for (const output of outputs.slice(1)) expect(output).toEqual(outputs[0])
    const warm = await cli(['build', '--out', 'out-2', '--jobs', '2', '--json'], root)
    expect(JSON.parse(warm.stdout).files).toHaveLength(131 * 3 + 130 + 3)
  })

  it('runs as the CLI, threads and all, in an environment that carries the render threads’ marker', async () => {
    const {root} = await manyLanguages(90)
    const run = await cli(['build', '--jobs', '2', '--json'], root, {INTERLINEAR_RENDER_THREAD: '1'})
    expect(run).toMatchObject({code: 0, stderr: ''})
    expect(JSON.parse(run.stdout).files).toHaveLength(91 * 3 + 90 + 3)
  })

  it('updates, checks and reports the same with one thread, two and three', async () => {
    const {root, tags} = await manyLanguages(90)
    // Work for update (an edited paragraph, a new one) and for the checks (a glossary, a broken bracket).
    await put(root, 'source/statement.md', statementText.replace('revolutionary', 'revolutionary (edited)').concat('\nA new closing paragraph.\n'))
    await put(root, `translations/${tags[50]}/glossary.yaml`, 'revolution: [revolución]\n')
    await translateFile(root, tags[70]!, 'statement', (source, at) => (at === 3 ? `(${source}` : undefined))
    const copy = `${root}-copy`
    await cp(root, copy, {recursive: true})
    const runs = []
    const third = `${root}-third`
    await cp(root, third, {recursive: true})
    for (const [folder, jobs] of [[root, '1'], [copy, '2'], [third, '3']] as const) {
      const run = await cli(['build', '--update', '--check', '--jobs', jobs, '--json'], folder)
      expect(run.code, run.stderr).toBe(0)
      const files = [...(await listFiles(join(folder, 'dist'))).map((path) => `dist/${path}`), ...(await listFiles(join(folder, 'translations'))).map((path) => `translations/${path}`)]
      runs.push({json: JSON.parse(run.stdout.replaceAll(folder, 'ROOT')), files: Object.fromEntries(await Promise.all(files.map(async (path) => [path, await read(folder, path)] as const)))})
    }
    const [one, two, three] = runs
    expect(one!.json.check.diagnostics.some((finding: {rule: string}) => finding.rule === 'glossary')).toBe(true)
    expect(one!.json.changes.filter((change: {action: string}) => change.action === 'update')).toHaveLength(90)
    expect(two).toEqual(one)
    expect(three).toEqual(one)
  })

  it('refuses, from the thread that writes, a symbolic link put where an output file goes, and writes nothing through it', async () => {
    const {root, tags} = await manyLanguages(90)
    expect((await cli(['build', '--jobs', '2'], root)).code).toBe(0)
    const outside = await mkdtemp(join(tmpdir(), 'interlinear-outside-'))
    await writeFile(join(outside, 'victim.html'), 'untouched\n')
    const link = `dist/${tags[40]}/statement.html`
    await rm(join(root, link))
    await symlink(join(outside, 'victim.html'), join(root, link))
    const run = await cli(['build', '--jobs', '2'], root)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(link)
    expect(run.stderr).toMatch(/Symbolic links are refused/)
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /)
    expect(await readFile(join(outside, 'victim.html'), 'utf8')).toBe('untouched\n')
  })

  it('stops at a folder where an output file goes, naming the file, on one thread and from the thread that writes, and leaves no temporary file', async () => {
    const {root, tags} = await manyLanguages(90)
    expect((await cli(['build', '--jobs', '2'], root)).code).toBe(0)
    const path = `dist/${tags[40]}/statement.html`
    await rm(join(root, path))
    await mkdir(join(root, path, 'inside'), {recursive: true})
    for (const jobs of ['1', '2']) {
      const run = await cli(['build', '--jobs', jobs], root)
      expect(run.code, jobs).toBe(2)
      expect(run.stderr).toBe(`interlinear: could not write ${join(root, path)}: illegal operation on a directory (EISDIR)\nA folder stands where that file goes: move it away or delete it.\n`)
      expect((await readdir(join(root, 'dist', tags[40]!))).filter((name) => name.endsWith('.tmp'))).toEqual([])
      expect(await readdir(join(root, path))).toEqual(['inside'])
    }
  })
})
