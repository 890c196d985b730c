import {execFileSync} from 'node:child_process'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {translateFile} from './build-helpers.js'
import {cli, copyRepositoryProject, put, read, statementText} from './helpers.js'

const shipped = ['de', 'es', 'fa', 'fr', 'zh-Hans']
const formats = [
  ['i18next', 'json'],
  ['po', 'po'],
  ['xliff', 'xlf']
] as const

describe('export and import', () => {
  it.each(formats)('round-trips every shipped translation through %s byte for byte', async (format, extension) => {
    const root = await copyRepositoryProject()
    for (const language of shipped) {
      const before = await read(root, `translations/${language}/statement.md`)
      const out = join(root, `${language}.${extension}`)
      expect((await cli(['export', '--lang', language, '--format', format, '--out', out], root)).code).toBe(0)
      // Clear every translation, then import: the file must come back exactly.
      await put(root, `translations/${language}/statement.md`, before)
      const run = await cli(['import', '--lang', language, '--format', format, out], root)
      expect(run.code, run.stderr).toBe(0)
      expect(await read(root, `translations/${language}/statement.md`)).toBe(before)
    }
  })

  it('restores cleared translations from an export', async () => {
    const root = await copyRepositoryProject()
    const before = await read(root, 'translations/fr/statement.md')
    await cli(['export', '--lang', 'fr', '--format', 'xliff', '--out', join(root, 'fr.xlf')], root)
    await cli(['export', '--lang', 'fr', '--format', 'po', '--out', join(root, 'fr.po')], root)
    for (const file of ['fr.xlf', 'fr.po']) {
      await translateFile(root, 'fr', 'statement', () => '')
      expect((await read(root, 'translations/fr/statement.md')).length).toBeLessThan(before.length * 0.6)
      await cli(['import', '--lang', 'fr', '--format', file.endsWith('po') ? 'po' : 'xliff', file], root)
      expect(await read(root, 'translations/fr/statement.md')).toBe(before)
    }
  })

  it('writes PO that msgfmt --check accepts, with fuzzy entries and previous msgid for needs-review', async () => {
    const root = await copyRepositoryProject()
    await put(root, 'source/statement.md', statementText.replace('Support the Revolution in Peru!', "Support the People's War in Peru!").replace('The following statement', 'This statement'))
    await cli(['update'], root)
    for (const language of shipped) {
      const out = join(root, `${language}.po`)
      await cli(['export', '--lang', language, '--format', 'po', '--out', out], root)
      execFileSync('msgfmt', ['--check', '-o', '/dev/null', out])
      const po = await read(root, `${language}.po`)
      expect(po).toMatch(/#: source\/statement\.md:25\n#, fuzzy\n#\| msgid "Support the Revolution in Peru!"\nmsgctxt "[0-9a-f]{8}"\nmsgid "Support the People's War in Peru!"/)
      const before = await read(root, `translations/${language}/statement.md`)
      await cli(['import', '--lang', language, '--format', 'po', out], root)
      expect(await read(root, `translations/${language}/statement.md`)).toBe(before)
    }
  })

  it('exports the source language as a template', async () => {
    const root = await copyRepositoryProject()
    const template = JSON.parse((await cli(['export', '--lang', 'en', '--format', 'i18next'], root)).stdout)
    expect(Object.values(template)).toContain('Support the Revolution in Peru!')
    const xliff = (await cli(['export', '--lang', 'en', '--format', 'xliff'], root)).stdout
    expect(xliff).not.toContain('<target>')
  })

  it('protects inline Markdown in XLIFF as placeholders with original data', async () => {
    const root = await copyRepositoryProject()
    const xliff = (await cli(['export', '--lang', 'es', '--format', 'xliff'], root)).stdout
    expect(xliff).toMatch(/<source>The following statement was forwarded to <sc id="s[^"]+" dataRef="s1"\/>A World to Win<ec startRef="s[^"]+" dataRef="s2"\/> by/)
    expect(xliff).toContain('<data id="s1">*</data><data id="s2">*</data>')
    expect(xliff).toMatch(/following address:<ph id="s[^"]+" dataRef="s1"\/>BCM RIM/)
    expect(xliff).toContain('<data id="s1">\\\n</data>')
  })

  it('marks an entry translated against an older source as needs-review', async () => {
    const root = await copyRepositoryProject()
    await cli(['export', '--lang', 'es', '--format', 'po', '--out', join(root, 'old.po')], root)
    await put(root, 'source/statement.md', statementText.replace('Support the Revolution in Peru!', "Support the People's War in Peru!"))
    await cli(['update', '--lang', 'es'], root)
    // A translator fixes the note in the CAT tool: the PO still says the old msgid.
    const po = (await read(root, 'old.po')).replace('msgstr "¡Apoyar la revolución en el Perú!"', 'msgstr "¡Apoyar la guerra popular en el Perú!"')
    await put(root, 'old.po', po.replace(/msgctxt "[0-9a-f]{8}"\nmsgid "Support the Revolution in Peru!"/, (match) => match))
    const current = JSON.parse((await cli(['export', '--lang', 'es', '--format', 'i18next'], root)).stdout)
    const id = Object.keys(current).find((key) => current[key] === '¡Apoyar la revolución en el Perú!')!
    await put(root, 'old.po', po.replace(/msgctxt "[0-9a-f]{8}"(\nmsgid "Support the Revolution in Peru!")/, `msgctxt "${id}"$1`))
    expect((await cli(['import', '--lang', 'es', '--format', 'po', 'old.po'], root)).code).toBe(0)
    const text = await read(root, 'translations/es/statement.md')
    expect(text).toContain("> Support the People's War in Peru!\n\n> [!WARNING]\n> Needs review: the source of this segment changed. Check the translation, then delete this note. It was made for:\n>\n> Support the Revolution in Peru!\n\n¡Apoyar la guerra popular en el Perú!\n")
  })

  it('refuses unknown segment IDs, listing them, and writes nothing', async () => {
    const root = await copyRepositoryProject()
    const before = await read(root, 'translations/es/statement.md')
    await put(root, 'bad.json', JSON.stringify({deadbeef: 'x', '9ed479d0': 'Título nuevo', cafebabe: 'y'}, null, 2))
    const run = await cli(['import', '--lang', 'es', '--format', 'i18next', 'bad.json'], root)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/bad\.json\n\s*2:3\s+error\s+Unknown segment IDs \(not in the source or the segment file\): `deadbeef`, `cafebabe`/)
    expect(await read(root, 'translations/es/statement.md')).toBe(before)
  })

  it.each([
    ['i18next', 'bad.json', '{\n  "9ed479d0": "a",\n  "x": \n}', /bad\.json\n\s*4:1\s+error\s+Not a usable i18next JSON file/],
    ['i18next', 'nested.json', '{\n  "9ed479d0": {"a": "b"}\n}', /2:3\s+error\s+.*must be a string/],
    ['po', 'bad.po', 'msgid ""\nmsgstr ""\n\nmsgctxt "9ed479d0"\nmsgid "x"\nmsgstr "y\n', /bad\.po\n\s*\d+:1\s+error\s+Not a usable PO file/],
    ['xliff', 'bad.xlf', '<?xml version="1.0"?>\n<xliff version="2.0">\n  <file id="f">\n    <unit id="x">\n  </file>\n</xliff>\n', /bad\.xlf\n\s*5:\d+\s+error\s+Not a usable XLIFF file/],
    ['xliff', 'entity.xlf', '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]>\n<xliff/>\n', /entity\.xlf\n\s*2:1\s+error\s+Not a usable XLIFF file: document type declarations are refused/],
    ['i18next', 'block.json', '{\n  "9ed479d0": "# Título"\n}', /2:3\s+error\s+The translation of segment `9ed479d0` reads as a heading/]
  ])('reports a malformed %s file (%s) with its line and writes nothing', async (format, name, content, message) => {
    const root = await copyRepositoryProject()
    const before = await read(root, 'translations/es/statement.md')
    await put(root, name, content)
    const run = await cli(['import', '--lang', 'es', '--format', format, name], root)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
    expect(await read(root, 'translations/es/statement.md')).toBe(before)
  })
})
