import {execFile} from 'node:child_process'
import {mkdtemp, readdir, readFile, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {promisify} from 'node:util'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {diffTranslation} from '../scripts/release/diff-releases.js'
import {createTarGz, readTarGz} from '../scripts/release/tar-gz.js'
import {compareVersions, versionProblem} from '../scripts/release/version.js'
import {createZip} from '../scripts/release/zip.js'
import {translateFile} from './build-helpers.js'
import {cli, copyRepositoryProject, makeProject, put, read, type Run} from './helpers.js'

const run = promisify(execFile)
const languages = ['de', 'en', 'es', 'fa', 'fr', 'zh-Hans']

/** `release` as a subprocess, without the caller's SOURCE_DATE_EPOCH unless given. */
function release(root: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return cli(['release', ...args], root, {SOURCE_DATE_EPOCH: undefined, ...env})
}

async function bytes(root: string, path: string): Promise<Buffer> {
  return readFile(join(root, path))
}

async function scratch(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'interlinear-unpack-'))
}

/** Unpack a `.tar.gz` with the system tar and a `.zip` with Python's zipfile; return the folders. */
async function unpackBoth(root: string, base: string): Promise<string[]> {
  const fromTar = await scratch()
  await run('tar', ['-xzf', join(root, 'release', `${base}.tar.gz`), '-C', fromTar])
  const fromZip = await scratch()
  await run('python3', ['-c', 'import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nz.extractall(sys.argv[2])', join(root, 'release', `${base}.zip`), fromZip])
  return [join(fromTar, base), join(fromZip, base)]
}

/** Members of an archive as Python's tarfile and zipfile see them. */
async function members(path: string): Promise<unknown[]> {
  const script = `import json, sys, tarfile, zipfile
path = sys.argv[1]
if path.endswith('.zip'):
    print(json.dumps([[i.filename, oct(i.external_attr >> 16), list(i.date_time), i.compress_type] for i in zipfile.ZipFile(path).infolist()]))
else:
    print(json.dumps([[m.name, oct(m.mode), m.uid, m.gid, m.uname, m.gname, m.mtime, m.type.decode()] for m in tarfile.open(path).getmembers()]))`
  return JSON.parse((await run('python3', ['-c', script, path])).stdout)
}

const pages = languages.flatMap((language) => ['html', 'md', 'txt'].map((format) => `${language}/statement.${format}`))

describe('release of the repository', async () => {
  const first = await copyRepositoryProject()
  const second = await copyRepositoryProject()
  const runs = [await release(first, ['--version', '1.0.0']), await release(second, ['--version', '1.0.0'])]

  it('writes the folder, the archives and the record', async () => {
    expect(runs[0]).toMatchObject({code: 0, stderr: ''})
    expect(runs[0]!.stdout).toBe(
      'released statement 1.0.0: 22 files, dated 1980-01-01T00:00:00.000Z (a fixed time: no SOURCE_DATE_EPOCH, no commit of the sources)\n  release/statement-1.0.0/\n  release/statement-1.0.0.tar.gz\n  release/statement-1.0.0.zip\n'
    )
    expect((await readdir(join(first, 'release'))).sort()).toEqual(['index.json', 'statement-1.0.0', 'statement-1.0.0.tar.gz', 'statement-1.0.0.zip'])
    const [fromTar] = await unpackBoth(first, 'statement-1.0.0')
    const listed = (await run('find', ['.', '-type', 'f'], {cwd: fromTar!})).stdout.split('\n').filter(Boolean).map((path) => path.slice(2)).sort()
    expect(listed).toEqual([...pages, 'RELEASE-NOTES.md', 'SHA256SUMS', 'index.html', 'manifest.json'].sort())
  })

  it('gives byte-identical archives in two folders, and again on a second run', async () => {
    for (const name of ['statement-1.0.0.tar.gz', 'statement-1.0.0.zip']) {
      expect((await bytes(first, `release/${name}`)).equals(await bytes(second, `release/${name}`)), name).toBe(true)
    }
    const before = await bytes(first, 'release/statement-1.0.0.tar.gz')
    const again = await release(first, ['--version', '1.0.0'])
    expect(again.code).toBe(0)
    expect(again.stdout).toMatch(/^unchanged: statement 1\.0\.0: /)
    expect((await bytes(first, 'release/statement-1.0.0.tar.gz')).equals(before)).toBe(true)
  })

  it('passes `sha256sum -c SHA256SUMS` in the unpacked tar and zip folders', async () => {
    for (const folder of await unpackBoth(first, 'statement-1.0.0')) {
      const {stdout} = await run('sha256sum', ['-c', '--strict', 'SHA256SUMS'], {cwd: folder})
      expect(stdout.trim().split('\n')).toHaveLength(21)
      expect(stdout.trim().split('\n').every((line) => line.endsWith(': OK'))).toBe(true)
    }
  })

  it('fixes order, modes, owners and times of archive members', async () => {
    const tar = (await members(join(first, 'release/statement-1.0.0.tar.gz'))) as [string, string, number, number, string, string, number, string][]
    expect(tar[0]).toEqual(['statement-1.0.0', '0o755', 0, 0, '', '', 315532800, '5'])
    expect(tar.find((member) => member[0] === 'statement-1.0.0/es/statement.html')).toEqual(['statement-1.0.0/es/statement.html', '0o644', 0, 0, '', '', 315532800, '0'])
    const zip = (await members(join(first, 'release/statement-1.0.0.zip'))) as [string, string, number[], number][]
    expect(zip.map((member) => member[0])).toEqual(tar.map((member) => member[0] + (member[7] === '5' ? '/' : '')))
    expect(zip.map((member) => member[0])).toEqual(zip.map((member) => member[0]).sort())
    expect(zip.find((member) => member[0] === 'statement-1.0.0/SHA256SUMS')).toEqual(['statement-1.0.0/SHA256SUMS', '0o100644', [1980, 1, 1, 0, 0, 0], 8])
    // gzip header: no file name, MTIME 0.
    expect([...(await bytes(first, 'release/statement-1.0.0.tar.gz')).subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3])
  })

  it('writes a manifest with every page and what each language ships', async () => {
    const manifest = JSON.parse(await read(first, 'release/statement-1.0.0/manifest.json'))
    expect(manifest.release).toMatchObject({name: 'statement', version: '1.0.0', date: '1980-01-01T00:00:00.000Z', minCoverage: 0})
    expect(manifest.release.previous).toBeUndefined()
    expect(manifest.release.languages.map((item: {language: string; shipping: string}) => `${item.language}:${item.shipping}`)).toEqual(['en', 'de', 'es', 'fa', 'fr', 'zh-Hans'].map((language) => `${language}:current`))
    expect(manifest.files.map((file: {path: string}) => file.path)).toEqual([...pages, 'index.html'].sort())
  })
})

describe('release time', () => {
  it('comes from SOURCE_DATE_EPOCH, else from the last commit of the sources', async () => {
    const root = await copyRepositoryProject()
    const dated = await release(root, ['--version', '1.0.0'], {SOURCE_DATE_EPOCH: '1700000000'})
    expect(dated.stdout).toMatch(/dated 2023-11-14T22:13:20\.000Z \(from SOURCE_DATE_EPOCH\)/)
    const zip = (await members(join(root, 'release/statement-1.0.0.zip'))) as [string, string, number[]][]
    expect(zip[0]![2]).toEqual([2023, 11, 14, 22, 13, 20])
    expect(await read(root, 'release/statement-1.0.0/RELEASE-NOTES.md')).toMatch(/^# statement 1\.0\.0\n\nReleased 2023-11-14\. First release\./)

    const git = {GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org', GIT_COMMITTER_DATE: '1600000000 +0000', GIT_AUTHOR_DATE: '1600000000 +0000'}
    await run('git', ['init', '-q'], {cwd: root})
    await run('git', ['add', 'source', 'translations'], {cwd: root})
    await run('git', ['commit', '-q', '-m', 'sources'], {cwd: root, env: {...process.env, ...git}})
    const committed = await release(root, ['--version', '1.0.1'])
    expect(committed.stdout).toMatch(/dated 2020-09-13T12:26:40\.000Z \(the last commit of the sources\)/)
    const tar = (await members(join(root, 'release/statement-1.0.1.tar.gz'))) as unknown[][]
    expect(tar.every((member) => member[6] === 1600000000)).toBe(true)
  })

  it('refuses a malformed SOURCE_DATE_EPOCH', async () => {
    const root = await copyRepositoryProject()
    const bad = await release(root, ['--version', '1.0.0'], {SOURCE_DATE_EPOCH: 'yesterday'})
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, found `yesterday`')
  })
})

describe('release notes and the coverage threshold', async () => {
  const root = await copyRepositoryProject()
  const base = await release(root, ['--version', '1.0.0'])

  it('report exactly the source and translation changes since the previous release', async () => {
    expect(base.code).toBe(0)
    await put(root, 'source/statement.md', (await read(root, 'source/statement.md')).replace('\nSupport the Revolution in Peru!\n', "\nSupport the People's War in Peru!\n"))
    const es = await read(root, 'translations/es/statement.md')
    expect(es).toContain('fue remitida a *A World to Win*')
    await put(root, 'translations/es/statement.md', es.replace('fue remitida a *A World to Win*', 'fue enviada a *A World to Win*'))
    const next = await release(root, ['--version', '1.1.0'])
    expect(next).toMatchObject({code: 0, stderr: ''})
    const others = ['de', 'fa', 'fr', 'zh-Hans']
    expect(await read(root, 'release/statement-1.1.0/RELEASE-NOTES.md')).toBe(
      [
        '# statement 1.1.0',
        '',
        'Released 1980-01-01. Previous release: 1.0.0. No coverage threshold.',
        '',
        '## Sources',
        '',
        '| document | language | segments | since 1.0.0 |',
        '| --- | --- | ---: | --- |',
        '| statement | en | 11 | 1 added, 1 removed |',
        '',
        // The changed paragraph has a new ID (IDs are hashes of the text): one added, one removed.
        '- `statement` added (1): `b7570d8d`',
        '- `statement` removed (1): `d07fc426`',
        '',
        '## Translations',
        '',
        '| language | document | coverage | status | shipped | since 1.0.0 |',
        '| --- | --- | ---: | --- | --- | --- |',
        '| de | statement | 90.9% | draft | this release | 1 now stale |',
        '| es | statement | 90.9% | draft | this release | 1 updated, 1 now stale |',
        '| fa | statement | 90.9% | draft | this release | 1 now stale |',
        '| fr | statement | 90.9% | draft | this release | 1 now stale |',
        '| zh-Hans | statement | 90.9% | draft | this release | 1 now stale |',
        '',
        '### Changes since 1.0.0',
        '',
        '- `de/statement` now stale (1): `b7570d8d`',
        '- `es/statement` updated (1): `8b395953`',
        '- `es/statement` now stale (1): `b7570d8d`',
        ...others.slice(1).map((language) => `- \`${language}/statement\` now stale (1): \`b7570d8d\``),
        ''
      ].join('\n')
    )
    expect(await read(root, 'release/statement-1.1.0/es/statement.md')).toContain('fue enviada a *A World to Win*')
    const index = JSON.parse(await read(root, 'release/index.json'))
    expect(index.releases.map((record: {version: string}) => record.version)).toEqual(['1.0.0', '1.1.0'])
    const segment = (version: number, language: string) => index.releases[version].documents[0].languages.find((item: {language: string}) => item.language === language).segments['8b395953']
    expect(segment(0, 'es').translation).not.toBe(segment(1, 'es').translation)
    expect(segment(0, 'de')).toEqual(segment(1, 'de'))
  })

  it('carries a language under the threshold forward from the previous release, marked older', async () => {
    await translateFile(root, 'fr', 'statement', (_source, index) => ([3, 4, 5].includes(index) ? '' : undefined))
    expect((await cli(['init', 'it'], root)).code).toBe(0)
    const next = await release(root, ['--version', '1.2.0', '--min-coverage', '80'])
    expect(next.code).toBe(0)
    expect(next.stderr).toBe(
      'carried forward: fr/statement is 63.6% translated, under --min-coverage 80; shipping its translation from 1.1.0\n' +
        'withheld: it/statement is 0% translated, under --min-coverage 80; no earlier release shipped it\n'
    )
    for (const format of ['html', 'md', 'txt']) {
      expect((await bytes(root, `release/statement-1.2.0/fr/statement.${format}`)).equals(await bytes(root, `release/statement-1.1.0/fr/statement.${format}`)), format).toBe(true)
    }
    const notes = await read(root, 'release/statement-1.2.0/RELEASE-NOTES.md')
    expect(notes).toContain('| fr | statement | 90.9% | draft | **from 1.1.0 (older)** | carried forward from 1.1.0 |\n| it | statement | — | draft | **withheld** | — |\n')
    expect(notes).toContain(
      '## Held back by the coverage threshold\n\n' +
        '- `fr/statement` is 63.6% translated, under 80%: the version released in 1.1.0 (90.9% translated, draft) is carried forward instead, older than the translation in the project.\n' +
        '- `it/statement` is 0% translated, under 80%: withheld, as no earlier release shipped it.\n'
    )
    const manifest = JSON.parse(await read(root, 'release/statement-1.2.0/manifest.json'))
    expect(manifest.release.languages.filter((item: {shipping: string}) => item.shipping !== 'current')).toEqual([
      {language: 'fr', shipping: 'carried', from: '1.1.0', status: 'draft', coverage: 90.9, document: 'statement'},
      {language: 'it', shipping: 'withheld', reason: 'nothing-to-carry', status: 'draft', coverage: 0, document: 'statement'}
    ])
    expect(await read(root, 'release/statement-1.2.0/index.html')).toContain('href="fr/statement.html"')
    expect(await read(root, 'release/statement-1.2.0/index.html')).not.toContain('href="it/statement.html"')
  })

  it('carries it forward from the archive when the folder is gone', async () => {
    await rm(join(root, 'release/statement-1.2.0'), {recursive: true})
    const next = await release(root, ['--version', '1.3.0', '--min-coverage', '80'])
    expect(next.code).toBe(0)
    expect(next.stderr).toContain('carried forward: fr/statement is 63.6% translated, under --min-coverage 80; shipping its translation from 1.1.0\n')
    expect((await bytes(root, 'release/statement-1.3.0/fr/statement.html')).equals(await bytes(root, 'release/statement-1.1.0/fr/statement.html'))).toBe(true)
  })

  it('withholds it, and says why, when no intact copy of the released files is left; carries it again once restored', async () => {
    const released = await bytes(root, 'release/statement-1.3.0/fr/statement.html')
    await put(root, 'release/statement-1.3.0/fr/statement.html', '<p>edited after release</p>')
    for (const path of ['statement-1.3.0.tar.gz', 'statement-1.1.0', 'statement-1.1.0.tar.gz']) await rm(join(root, 'release', path), {recursive: true})
    const withheld = await release(root, ['--version', '1.4.0', '--min-coverage', '80'])
    expect(withheld.code).toBe(0)
    expect(withheld.stderr).toContain('withheld: fr/statement is 63.6% translated, under --min-coverage 80; the files released in 1.1.0 are missing or altered\n')
    expect(await readdir(join(root, 'release/statement-1.4.0'))).not.toContain('fr')
    expect(await read(root, 'release/statement-1.4.0/RELEASE-NOTES.md')).toContain(
      '- `fr/statement` is 63.6% translated, under 80%: withheld, as the files released in 1.1.0 are neither in their folder nor in their `.tar.gz` archive with the recorded checksums (restore them and release again to carry it forward).\n'
    )
    // The last release that shipped it is still 1.3.0: restoring its files brings the translation back.
    await writeFile(join(root, 'release/statement-1.3.0/fr/statement.html'), released)
    const restored = await release(root, ['--version', '1.5.0', '--min-coverage', '80'])
    expect(restored.stderr).toContain('carried forward: fr/statement is 63.6% translated, under --min-coverage 80; shipping its translation from 1.1.0\n')
    expect((await bytes(root, 'release/statement-1.5.0/fr/statement.html')).equals(released)).toBe(true)
  })

  it('reports every segment as newly translated once a withheld language is shipped', async () => {
    await translateFile(root, 'it', 'statement', (source) => `IT ${source}`)
    const next = await release(root, ['--version', '1.6.0', '--min-coverage', '80'])
    expect(next.code).toBe(0)
    const notes = await read(root, 'release/statement-1.6.0/RELEASE-NOTES.md')
    expect(notes).toContain('| it | statement | 100% | draft | this release | 11 newly translated |\n')
    expect(notes).toContain('- `it/statement` newly translated (11): `9ed479d0`, `9ed479d0-2`, `8b395953`, ')
  })

  it('lists a language the project no longer has', async () => {
    await rm(join(root, 'translations/de'), {recursive: true})
    expect((await release(root, ['--version', '1.7.0'])).code).toBe(0)
    expect(await read(root, 'release/statement-1.7.0/RELEASE-NOTES.md')).toMatch(/\n## No longer in the project\n\n- `de\/statement` was in 1\.6\.0; the project no longer has it\.\n$/)
  })
})

describe('release refusals', () => {
  const linkSource = '---\nlanguage: en\ntitle: Hello\n---\n\nSee [the site](https://example.org/a).\n'

  it('refuses when check reports errors, naming them, and writes nothing', async () => {
    const root = await makeProject({'source/doc.md': linkSource})
    expect((await cli(['init', 'es'], root)).code).toBe(0)
    const path = 'translations/es/doc.md'
    await put(root, path, (await read(root, path)).replace('> See [the site](https://example.org/a).\n', '> See [the site](https://example.org/a).\n\nVea [el sitio](https://evil.example/b).\n'))
    const refused = await release(root, ['--version', '1.0.0'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/^translations\/es\/doc\.md:18:1 {2}error {2}Link and image URLs must stay as in the source: .* {2}link-url\n/)
    expect(refused.stderr).toContain('interlinear: release refused: `check` reports 1 error (listed above); fix it and release again\n')
    expect((await readdir(root)).sort()).toEqual(['source', 'translations'])
  })

  it('refuses malformed translator files with exit code 2', async () => {
    const root = await makeProject({'source/doc.md': linkSource, 'translations/es/doc.md': '---js\n{}\n---\n'})
    const refused = await release(root, ['--version', '1.0.0'])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('translations/es/doc.md:1:1')
  })

  it.each([
    [['--version', 'v1.0.0'], '--version `v1.0.0`: use a semantic version'],
    [['--version', '1.0'], '--version `1.0`: use a semantic version'],
    [['--version', '1.0.0+build.5'], 'build metadata (`+…`) is not supported'],
    [['--version', '01.0.0'], 'no leading zeros'],
    [[], '--version is required'],
    [['--version', '1.0.0', '--min-coverage', '101'], '--min-coverage must be a number from 0 to 100'],
    [['--version', '1.0.0', 'extra'], 'unexpected argument `extra`']
  ])('refuses %j as a usage error', async (args, message) => {
    const root = await makeProject()
    const refused = await release(root, args)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain(message)
    expect(await readdir(root)).toEqual(['source'])
  })

  it('refuses to overwrite a released version with other content, unless --force', async () => {
    const root = await copyRepositoryProject()
    expect((await release(root, ['--version', '1.0.0'])).code).toBe(0)
    const archive = await bytes(root, 'release/statement-1.0.0.tar.gz')
    const index = await read(root, 'release/index.json')
    await translateFile(root, 'de', 'statement', (source, position) => (position === 2 ? `Neu: ${source}` : undefined))
    const refused = await release(root, ['--version', '1.0.0'])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain(
      'Release 1.0.0 already exists with other content (release/index.json, statement-1.0.0/, statement-1.0.0.tar.gz, statement-1.0.0.zip): choose a new version, or pass --force to replace it'
    )
    expect((await bytes(root, 'release/statement-1.0.0.tar.gz')).equals(archive)).toBe(true)
    expect(await read(root, 'release/index.json')).toBe(index)
    const forced = await release(root, ['--version', '1.0.0', '--force'])
    expect(forced.code).toBe(0)
    expect(forced.stdout).toMatch(/^replaced statement 1\.0\.0: /)
    expect(await read(root, 'release/statement-1.0.0/de/statement.md')).toContain('Neu: ')
    expect(JSON.parse(await read(root, 'release/index.json')).releases).toHaveLength(1)
  })

  it('refuses a folder of that version that is not on record, unless identical', async () => {
    const root = await copyRepositoryProject()
    await put(root, 'release/statement-2.0.0/SHA256SUMS', 'something else\n')
    const refused = await release(root, ['--version', '2.0.0'])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('Release 2.0.0 already exists with other content (statement-2.0.0/)')
  })

  it.each([
    ['{"format": 1, "releases": [}', '1:28', 'it is not valid JSON'],
    ['{"format": 2, "releases": []}', '1:1', '`format` must be 1'],
    ['{"format": 1, "releases": [{"name": "statement", "version": "1.0", "date": "x"}]}', '1:1', '`releases[0].version` has an unusable value "1.0"'],
    [
      '{"format": 1, "releases": [{"name": "s", "version": "1.0.0", "date": "1980-01-01T00:00:00.000Z", "minCoverage": 0, "documents": [{"document": "s", "language": "en", "revision": "ab", "segments": [], "languages": [{"language": "es", "shipping": "current", "status": "draft", "coverage": 100, "segments": {"__proto__": {"state": "translated"}}}]}], "files": [], "archives": []}]}',
      '1:1',
      'has a key that is not a segment ID: "__proto__"'
    ],
    ['{"format": 1, "releases": [], "extra": true}', '1:1', 'unknown key `extra`']
  ])('refuses a malformed release record %#, naming the place', async (text, place, message) => {
    const root = await copyRepositoryProject()
    await put(root, 'release/index.json', text)
    const refused = await release(root, ['--version', '1.0.0'])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(new RegExp(`^release/index\\.json\\n${place} +error +The release record is not usable: `))
    expect(refused.stderr).toContain(message)
    expect(await read(root, 'release/index.json')).toBe(text)
  })

  it('refuses a releases folder that is a symbolic link', async () => {
    const root = await copyRepositoryProject()
    const elsewhere = await scratch()
    await symlink(elsewhere, join(root, 'release'))
    const refused = await release(root, ['--version', '1.0.0'])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('Symbolic links are refused')
    expect(await readdir(elsewhere)).toEqual([])
  })

  it('asks for --name when the project has several documents', async () => {
    const root = await makeProject({'source/a.md': '---\nlanguage: en\n---\n\nOne.\n', 'source/b.md': '---\nlanguage: en\n---\n\nTwo.\n'})
    const refused = await release(root, ['--version', '1.0.0'])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('The project has several documents (a, b): name the release with --name')
    const named = await release(root, ['--version', '1.0.0', '--name', 'collection', '--out', 'dist-releases'])
    expect(named.code).toBe(0)
    expect((await readdir(join(root, 'dist-releases'))).sort()).toEqual(['collection-1.0.0', 'collection-1.0.0.tar.gz', 'collection-1.0.0.zip', 'index.json'])
    expect((await readdir(join(root, 'dist-releases/collection-1.0.0/en'))).sort()).toEqual(['a.html', 'a.md', 'a.txt', 'b.html', 'b.md', 'b.txt'])
  })
})

describe('release stages', () => {
  it('orders versions by semver precedence', () => {
    const ordered = ['0.9.0', '1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.2.0', '1.10.0', '2.0.0', '10000000000000000000.0.0']
    for (const version of ordered) expect(versionProblem(version), version).toBeUndefined()
    for (let a = 0; a < ordered.length; a++) {
      for (let b = 0; b < ordered.length; b++) expect(Math.sign(compareVersions(ordered[a]!, ordered[b]!)), `${ordered[a]} vs ${ordered[b]}`).toBe(Math.sign(a - b))
    }
  })

  it.each([
    ['newly translated', {state: 'missing'}, {state: 'translated', translation: 'a'}, 'newlyTranslated'],
    ['reviewed after being stale', {state: 'stale', translation: 'a'}, {state: 'translated', translation: 'a'}, 'newlyTranslated'],
    ['new in the source and translated', undefined, {state: 'translated', translation: 'a'}, 'newlyTranslated'],
    ['retranslated', {state: 'translated', translation: 'a'}, {state: 'translated', translation: 'b'}, 'updated'],
    ['now stale', {state: 'translated', translation: 'a'}, {state: 'stale', translation: 'a'}, 'nowStale'],
    ['now needing review', {state: 'translated', translation: 'a'}, {state: 'needs-review', translation: 'a'}, 'nowStale'],
    ['translation removed', {state: 'translated', translation: 'a'}, {state: 'missing'}, 'nowMissing'],
    ['unchanged', {state: 'translated', translation: 'a'}, {state: 'translated', translation: 'a'}, undefined],
    ['still stale', {state: 'stale', translation: 'a'}, {state: 'needs-review', translation: 'a'}, undefined],
    ['still missing', {state: 'missing'}, {state: 'missing'}, undefined]
  ] as const)('classifies a segment %s', (_name, before, now, expected) => {
    const changes = diffTranslation(['x1'], before === undefined ? {} : {x1: before}, {x1: now})
    expect(Object.entries(changes).flatMap(([key, ids]) => (ids.length > 0 ? [key] : []))).toEqual(expected === undefined ? [] : [expected])
  })

  const file = fc.record({
    path: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}(\/[a-z][a-z0-9.]{0,60})?$/),
    content: fc.uint8Array({maxLength: 2000})
  })
  const files = fc.uniqueArray(file, {selector: (item) => item.path.split('/')[0]!, minLength: 1, maxLength: 8})

  it('reads back every file of a tar.gz it wrote', () => {
    fc.assert(
      fc.property(files, (list) => {
        const read = readTarGz(createTarGz(list, {folder: 'x-1.0.0', mtime: 0}), 1e8)
        expect([...read.keys()].sort()).toEqual(list.map((item) => `x-1.0.0/${item.path}`).sort())
        for (const item of list) expect(Buffer.from(read.get(`x-1.0.0/${item.path}`)!).equals(Buffer.from(item.content))).toBe(true)
      }),
      {numRuns: 50}
    )
  })

  it('writes the same archive bytes whatever the order of the files', () => {
    fc.assert(
      fc.property(files, fc.nat(), (list, seed) => {
        const shuffled = [...list].sort((a, b) => ((a.path.length * 31 + seed) % 7) - ((b.path.length * 31 + seed) % 7))
        const options = {folder: 'x-1.0.0', mtime: 1700000000}
        expect(Buffer.from(createTarGz(shuffled, options)).equals(Buffer.from(createTarGz(list, options)))).toBe(true)
        expect(Buffer.from(createZip(shuffled, options)).equals(Buffer.from(createZip(list, options)))).toBe(true)
      }),
      {numRuns: 50}
    )
  })

  it('reports a damaged tar header instead of misreading it', async () => {
    const archive = createTarGz([{path: 'a.txt', content: new Uint8Array([1, 2, 3])}], {folder: 'x', mtime: 0})
    const {gunzipSync, gzipSync} = await import('node:zlib')
    const tar = gunzipSync(archive)
    tar[0] = 0x41
    expect(() => readTarGz(gzipSync(tar), 1e8)).toThrow(/damaged tar header/)
  })
})
