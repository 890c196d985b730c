import {readdir, readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {languageTagProblem} from '../scripts/io/project.js'
import {cli, makeProject, put, read, statementText} from './helpers.js'

const paragraph = 'Support the Revolution in Peru!'

/** Fill every empty translation of a segment file with `prefix` + its quoted source. */
async function translateEverything(root: string, path: string, prefix: string): Promise<void> {
  const text = await read(root, path)
  const filled = text.replace(/(<!-- segment [^>]+ -->\n)((?:>.*\n)+)(?=\n<!--|$)/g, (_, id: string, quote: string) => {
    const source = quote.split('\n').filter(Boolean).map((line) => line.replace(/^> ?/, '')).join('\n')
    return `${id}${quote}\n${prefix} ${source}\n`
  })
  await writeFile(join(root, path), filled)
}

describe('interlinear init and update', () => {
  it('creates the segment file of a new language, and a second update changes nothing', async () => {
    const root = await makeProject()
    const init = await cli(['init', 'es'], root)
    expect(init).toMatchObject({code: 0, stdout: 'created translations/es/statement.md\n'})
    const first = await read(root, 'translations/es/statement.md')
    expect(first).toMatch(/^---\nlanguage: es\ntranslators: \[\]\nstatus: draft\n---\n/)
    const again = await cli(['update'], root)
    expect(again).toMatchObject({code: 0, stdout: 'unchanged translations/es/statement.md\n'})
    expect(await read(root, 'translations/es/statement.md')).toBe(first)
  })

  it('refuses language tags that could name a path, and existing languages', async () => {
    const root = await makeProject()
    for (const tag of ['../x', 'es/../../etc', 'con', 'zh-hans', 'en-US-u-ca-gregory']) {
      const run = await cli(['init', tag], root)
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(/not a usable language tag/)
    }
    expect(await readdir(root)).toEqual(['source'])
    await cli(['init', 'es'], root)
    expect(await cli(['init', 'es'], root)).toMatchObject({code: 2, stderr: expect.stringMatching(/already exists/)})
  })

  it('judges plain language codes as ICU does, though the bundle looks them up in a table made when it was built', async () => {
    const root = await makeProject()
    // Aliases (iw, mo, swh, cmn, tl's alias fil is canonical), canonical codes, private use and a device name.
    for (const tag of ['iw', 'mo', 'swh', 'cmn', 'aar', 'he', 'fil', 'qaa', 'zzz', 'con']) {
      const problem = languageTagProblem(tag)
      const run = await cli(['init', tag], root)
      if (problem === undefined) expect(run, tag).toMatchObject({code: 0})
      else expect(run, tag).toMatchObject({code: 2, stderr: expect.stringContaining(problem)})
    }
    expect(languageTagProblem('iw')).toBe('write it in canonical form, `he`')
  })

  it('marks exactly the edited paragraph needs-review in every language, then obsolete, then current again', async () => {
    const root = await makeProject()
    await cli(['init', 'es'], root)
    await cli(['init', 'fr'], root)
    await translateEverything(root, 'translations/es/statement.md', 'ES')
    await translateEverything(root, 'translations/fr/statement.md', 'FR')
    const status = async () => JSON.parse((await cli(['status', '--format', 'json'], root)).stdout)
    expect(await status()).toEqual([
      {language: 'es', document: 'statement', total: 11, translated: 11, stale: 0, needsReview: 0, missing: 0, obsolete: 0},
      {language: 'fr', document: 'statement', total: 11, translated: 11, stale: 0, needsReview: 0, missing: 0, obsolete: 0}
    ])

    await put(root, 'source/statement.md', statementText.replace(paragraph, 'Support the People\'s War in Peru!'))
    expect((await status()).map((row: {stale: number}) => row.stale)).toEqual([1, 1])
    const updated = await cli(['update'], root)
    expect(updated.stdout).toBe('updated translations/es/statement.md (1 need review)\nupdated translations/fr/statement.md (1 need review)\n')
    for (const [lang, prefix] of [['es', 'ES'], ['fr', 'FR']]) {
      const text = await read(root, `translations/${lang}/statement.md`)
      expect(text).toContain(`> Support the People's War in Peru!\n\n> [!WARNING]\n> Needs review: the source of this segment changed. Check the translation, then delete this note. It was made for:\n>\n> ${paragraph}\n\n${prefix} ${paragraph}\n`)
    }
    expect((await status()).map((row: {needsReview: number; translated: number}) => [row.needsReview, row.translated])).toEqual([[1, 10], [1, 10]])

    await put(root, 'source/statement.md', statementText.replace(`${paragraph}\n\n`, ''))
    await cli(['update'], root)
    const obsolete = await read(root, 'translations/es/statement.md')
    expect(obsolete).toMatch(/## Obsolete\n\n<!-- segment [0-9a-f-]+ -->\n> Support the People's War in Peru!\n\n> \[!WARNING\][^]*\n\nES Support the Revolution in Peru!\n$/)

    await put(root, 'source/statement.md', statementText)
    await cli(['update'], root)
    expect(await read(root, 'translations/es/statement.md')).not.toContain('Obsolete')
    // The original text is back: its own entry returns current; the edited version's entry was the same
    // translation, so nothing is obsolete and nothing is lost.
    expect((await status())[0]).toMatchObject({translated: 11, needsReview: 0, obsolete: 0})
  })

  it('prints what would change with --dry-run and writes nothing', async () => {
    const root = await makeProject()
    await cli(['init', 'es'], root)
    await put(root, 'source/statement.md', `${statementText}\nA new closing paragraph.\n`)
    const before = await read(root, 'translations/es/statement.md')
    const run = await cli(['update', '--dry-run'], root)
    expect(run).toMatchObject({code: 0, stdout: 'would update translations/es/statement.md (1 new)\n'})
    expect(await read(root, 'translations/es/statement.md')).toBe(before)
  })
})

describe('bad input', () => {
  it('reports a malformed segment file with file, line and column, exits 2, and writes nothing', async () => {
    const root = await makeProject()
    await cli(['init', 'es'], root)
    await cli(['init', 'de'], root)
    const good = await read(root, 'translations/de/statement.md')
    const bad = (await read(root, 'translations/es/statement.md')).replace(`> ${paragraph}\n`, `> ${paragraph}\n¡Apoyemos!\n`)
    await put(root, 'translations/es/statement.md', bad)
    await put(root, 'source/statement.md', `${statementText}\nNew paragraph.\n`)
    const run = await cli(['update'], root)
    expect(run.code).toBe(2)
    const line = bad.split('\n').indexOf('¡Apoyemos!') + 1
    expect(run.stderr).toContain('translations/es/statement.md')
    expect(run.stderr).toMatch(new RegExp(`${line}:1\\s+error\\s+The translation of segment \`[0-9a-f]+\` joined the quoted source: leave a blank line between the quoted source and your translation\\s+segment-file-syntax`))
    expect(run.stderr).not.toMatch(/at .*\.(mjs|ts):\d+/)
    expect(await read(root, 'translations/de/statement.md')).toBe(good)
    expect(await read(root, 'translations/es/statement.md')).toBe(bad)
  })

  it('refuses JavaScript front matter in a segment file without running it', async () => {
    const root = await makeProject()
    await cli(['init', 'es'], root)
    const marker = join(root, 'pwned')
    const text = (await read(root, 'translations/es/statement.md')).replace(/^---\n/, `---js\nrequire('fs').writeFileSync(${JSON.stringify(marker)}, 'x')\n---\n---\n`)
    await put(root, 'translations/es/statement.md', text)
    const run = await cli(['status'], root)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/1:1\s+error\s+Front matter must open with a line of exactly `---`/)
    await expect(readFile(marker)).rejects.toThrow()
  })

  it('rejects invalid UTF-8 with its line instead of replacing bytes', async () => {
    const root = await makeProject()
    await cli(['init', 'es'], root)
    const text = await read(root, 'translations/es/statement.md')
    const bytes = Buffer.concat([Buffer.from(text.slice(0, 40)), Buffer.from([0xff, 0xfe]), Buffer.from(text.slice(40))])
    await writeFile(join(root, 'translations/es/statement.md'), bytes)
    const run = await cli(['update'], root)
    expect(run.code).toBe(2)
    const line = text.slice(0, 40).split('\n').length
    expect(run.stderr).toMatch(new RegExp(`${line}:\\d+\\s+error\\s+Invalid UTF-8 at byte 40`))
    expect(Buffer.compare(await readFile(join(root, 'translations/es/statement.md')), bytes)).toBe(0)
  })

  it('gives usage errors exit code 2 and help exit code 0', async () => {
    const root = await makeProject()
    expect((await cli(['frobnicate'], root)).code).toBe(2)
    expect((await cli(['update', '--nope'], root)).code).toBe(2)
    expect((await cli(['status', '--format', 'xml'], root)).code).toBe(2)
    const help = await cli(['update', '--help'], root)
    expect(help).toMatchObject({code: 0, stdout: expect.stringContaining('Examples:')})
  })
})
