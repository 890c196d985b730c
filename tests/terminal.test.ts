import {execFile} from 'node:child_process'
import {rm} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {cacheDir} from '../scripts/io/cache-folder.js'
import {colorEnabled} from '../scripts/terminal/color.js'
import {createProgress} from '../scripts/terminal/progress.js'
import {cli, copyRepositoryProject, makeProject, put, read, repository, type Run} from './helpers.js'

const bin = join(repository, 'bin/interlinear.js')
const ansi = /\u001B\[/

/** Run the CLI with exactly `env` (plus PATH), so no color variable of the test runner leaks in. */
function run(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], {cwd, env: {PATH: process.env.PATH ?? '', ...env}}, (error, stdout, stderr) => {
      resolve({code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr})
    })
  })
}

/** A project with `count` languages, each a copy of the Spanish translation: a build long enough for a progress line. */
async function manyLanguages(count: number): Promise<string> {
  const root = await copyRepositoryProject()
  const spanish = await read(root, 'translations/es/statement.md')
  const named = 'af am ar az be bg bn bs ca cs cy da el eo et eu fi ga gl gu he hi hr hu hy id is it ja ka kk km kn ko ky lo lt lv mk ml mn mr ms my nb ne nl pa pl ps pt ro ru si sk sl sq sr sv sw ta te th tr uk ur uz vi zu'.split(' ')
  // Then private-use tags (qaa–qtz), as many as asked for.
  const privateUse = Array.from({length: 520}, (_, index) => `q${String.fromCharCode(97 + Math.floor(index / 26))}${String.fromCharCode(97 + (index % 26))}`)
  const tags = [...named, ...privateUse].slice(0, count)
  for (const tag of tags) await put(root, `translations/${tag}/statement.md`, spanish.replace('language: es', `language: ${tag}`))
  return root
}

/** Every command named in `interlinear --help`. */
async function commandNames(): Promise<string[]> {
  const help = (await run(['--help'], repository)).stdout
  return [...help.split('Commands:\n')[1]!.split('\n\n')[0]!.matchAll(/^ {2}(\S+)/gm)].map((match) => match[1]!)
}

describe('colors', () => {
  it.each([
    [{}, false, false],
    [{}, true, true],
    [{TERM: 'dumb'}, true, false],
    [{NO_COLOR: '1'}, true, false],
    [{NO_COLOR: ''}, true, true],
    [{FORCE_COLOR: '1'}, false, true],
    [{FORCE_COLOR: ''}, false, true],
    [{FORCE_COLOR: '0'}, true, false],
    [{FORCE_COLOR: 'false'}, true, false],
    [{FORCE_COLOR: '1', NO_COLOR: 'yes'}, true, false]
  ])('with %j on a terminal: %s, colors: %s', (env, terminal, expected) => {
    expect(colorEnabled(env, terminal)).toBe(expected)
  })

  it('colors findings, usage errors and diagnostics with FORCE_COLOR, and never with NO_COLOR', async () => {
    const root = await makeProject()
    expect((await run(['init', 'es'], root)).code).toBe(0)
    await put(root, 'translations/fr/statement.md', '---js\n{}\n---\n')
    const runs = async (env: Record<string, string>) => [
      (await run(['check', '--lang', 'es'], root, env)).stdout,
      (await run(['nonsense'], root, env)).stderr,
      (await run(['build'], root, env)).stderr
    ]
    const forced = await runs({FORCE_COLOR: '1'})
    expect(forced.map((text) => ansi.test(text))).toEqual([true, true, true])
    expect(forced[0]).toContain('\u001B[33mwarning\u001B[39m')
    for (const env of [{FORCE_COLOR: '1', NO_COLOR: '1'}, {}] as Record<string, string>[]) {
      const plain = await runs(env)
      expect(plain.map((text) => ansi.test(text))).toEqual([false, false, false])
      expect(plain.map((text) => text.replace(/\u001B\[\d+m/g, ''))).toEqual(forced.map((text) => text.replace(/\u001B\[\d+m/g, '')))
    }
  })
})

describe('--quiet', () => {
  it('prints nothing when a command succeeds', async () => {
    const root = await makeProject()
    const quiet = async (args: string[]) => {
      const result = await cli([...args, '--quiet'], root)
      expect([args.join(' '), result]).toEqual([args.join(' '), {code: 0, stdout: '', stderr: ''}])
    }
    await quiet(['init', 'es'])
    await quiet(['update'])
    await quiet(['build', '--min-coverage', '50'])
    await quiet(['check'])
    await quiet(['status'])
    await quiet(['export', '--lang', 'es', '--format', 'po', '--out', join(root, 'es.po')])
    await quiet(['import', '--lang', 'es', '--format', 'po', join(root, 'es.po')])
    await quiet(['import-doc', '--lang', 'es', '--force', join(root, 'dist/en/statement.md')])
  })

  it('still prints errors, and the export it was asked for', async () => {
    const root = await makeProject()
    await cli(['init', 'es'], root)
    expect((await cli(['export', '--lang', 'es', '--format', 'po', '-q'], root)).stdout).toContain('msgctxt')
    await put(root, 'translations/es/statement.md', '---js\n{}\n---\n')
    const build = await cli(['build', '-q'], root)
    expect(build).toMatchObject({code: 2, stdout: '', stderr: expect.stringContaining('Front matter must open with a line of exactly `---`')})
    const check = await cli(['check', '-q'], root)
    expect(check).toMatchObject({code: 2, stdout: expect.stringMatching(/^translations\/es\/statement\.md:1:1 {2}error {2}Front matter must open/)})
    expect(check.stdout).not.toMatch(/warnings/)
  })
})

describe('--json', () => {
  it('prints the documented shape for init, update, build, status and check', async () => {
    const root = await makeProject()
    expect(JSON.parse((await cli(['init', 'es', '--json'], root)).stdout)).toEqual({created: ['translations/es/statement.md']})
    const update = JSON.parse((await cli(['update', '--dry-run', '--json'], root)).stdout)
    expect(update).toEqual({dryRun: true, files: [{path: 'translations/es/statement.md', language: 'es', document: 'statement', action: 'unchanged', added: 0, needsReview: 0, obsoleted: 0, restored: 0}]})
    const build = await cli(['build', '--json', '--min-coverage', '50'], root)
    expect(build.stderr).toBe('')
    expect(JSON.parse(build.stdout)).toEqual({
      out: join(root, 'dist'),
      // A withheld language still gets its review page: that is where its translators see what is left.
      files: ['en/statement.html', 'en/statement.md', 'en/statement.txt', 'es/statement.review.html', 'index.html', 'status.html', 'manifest.json'],
      withheld: [expect.objectContaining({language: 'es', document: 'statement', coverage: 0, published: false})]
    })
    const combined = JSON.parse((await cli(['build', '--update', '--check', '--json'], root)).stdout)
    expect(combined).toMatchObject({changes: [expect.objectContaining({path: 'translations/es/statement.md', action: 'unchanged'})], check: {diagnostics: expect.any(Array), summary: {errors: 0}}})
    const status = JSON.parse((await cli(['status', '--json'], root)).stdout)
    expect(status).toEqual([expect.objectContaining({language: 'es', document: 'statement', translated: 0})])
    expect((await cli(['status', '--format', 'json'], root)).stdout).toBe(JSON.stringify(status, null, 2) + '\n')
    const check = JSON.parse((await cli(['check', '--json'], root)).stdout)
    expect(check).toEqual({diagnostics: expect.any(Array), summary: {errors: 0, warnings: check.diagnostics.length, infos: 0}})
    expect(check.diagnostics[0]).toMatchObject({file: 'translations/es/statement.md', severity: 'warning', rule: 'missing-translation', language: 'es'})
  })

  it('refuses --json where it does not apply or contradicts --format', async () => {
    const root = await makeProject()
    expect((await cli(['check', '--json', '--format', 'github'], root)).code).toBe(2)
    expect((await cli(['status', '--json', '--format', 'text'], root)).code).toBe(2)
    expect((await cli(['export', '--lang', 'en', '--format', 'po', '--json'], root)).stderr).toMatch(/Unknown option '--json'/)
  })
})

describe('--help', () => {
  it('describes every option of every command, all accepted, with examples', async () => {
    const names = await commandNames()
    expect(names).toEqual(['init', 'update', 'build', 'check', 'release', 'export', 'import', 'import-doc', 'status', 'watch'])
    for (const name of names) {
      const help = await run([name, '--help'], repository)
      expect(help.code).toBe(0)
      const [usage, , options, examples] = help.stdout.split('\n\n')
      expect(usage).toMatch(new RegExp(`^Usage: interlinear ${name} `))
      expect(options).toMatch(/^Options:\n/)
      expect(examples).toMatch(new RegExp(`^Examples:\\n(  (\\w+=\\S+ )?interlinear ${name}( .*)?\\n)+$`))
      const listed = [...options!.matchAll(/^ {2}(?:-\w, | {4})--([\w-]+)( [A-Z./]+)? {2,}\S/gm)]
      expect(listed.length).toBe(options!.split('\n').length - 1)
      // Every option of the usage line is explained, and so are --root, --quiet and --help.
      const names = listed.map((match) => match[1])
      expect(names).toEqual(expect.arrayContaining([...[...usage!.matchAll(/--([\w-]+)/g)].map((match) => match[1]), 'root', 'quiet', 'help']))
      for (const [, option, value] of listed) {
        const accepted = await run([name, `--${option}`, ...(value ? ['x'] : []), '--help'], repository)
        expect([name, option, accepted.code]).toEqual([name, option, 0])
      }
    }
  })
})

describe('progress', () => {
  it('never appears when stderr is not a terminal', async () => {
    const root = await manyLanguages(69)
    const build = await cli(['build'], root)
    expect(build).toMatchObject({code: 0, stderr: ''})
  })

  it('is rewritten in place on a terminal and cleared before the result, but not with --quiet or --json', async () => {
    // Enough languages on one thread that the build outlasts the delay before the first line.
    const root = await manyLanguages(400)
    // `script` gives the CLI a pseudo-terminal (util-linux).
    const onTerminal = async (args: string) => {
      // From scratch each time: a build with nothing to do has nothing to show.
      for (const folder of ['dist', cacheDir]) await rm(join(root, folder), {recursive: true, force: true})
      return new Promise<string>((resolve) => execFile('script', ['-qec', `${process.execPath} ${bin} ${args}`, '/dev/null'], {cwd: root, env: {PATH: process.env.PATH ?? '', NO_COLOR: '1'}}, (_error, stdout) => resolve(stdout)))
    }
    const shown = await onTerminal('build --jobs 1')
    expect(shown).toMatch(/^(\r\u001B\[Kbuilding statement: \d+\/406 languages)+\r\u001B\[Kwrote 1626 files to .*\r\n$/)
    expect(await onTerminal('build --quiet')).toBe('')
    expect(await onTerminal('build --json')).not.toContain('building')
  })

  it('waits before the first line, throttles redraws, cuts long text and erases itself', () => {
    let time = 0
    const written: string[] = []
    const progress = createProgress({write: (text) => written.push(text), now: () => time, delay: 300, interval: 100, columns: 12})
    progress.update('step 1')
    time = 350
    progress.update('step 2')
    time = 400
    progress.update('step 3')
    time = 460
    progress.update('a very long step')
    progress.clear()
    expect(written).toEqual(['\r\u001B[Kstep 2', '\r\u001B[Ka very lon…', '\r\u001B[K'])
  })
})
