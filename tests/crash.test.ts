import {spawn} from 'node:child_process'
import {mkdir, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'
import {describe, expect, it} from 'vitest'
import {translateFile} from './build-helpers.js'
import {cli, makeProject, put, read, repository, statementText} from './helpers.js'

// The CLI is killed (SIGKILL, no cleanup) at random moments of `update` and `build --update`, over and
// over, on a project with many segment files. After every kill each file must be entirely its old or
// entirely its new version; stray temporary files and a dead run's lock must not disturb the next run.

const documents = ['alpha', 'beta', 'gamma']
const languages = ['de', 'es', 'fr', 'it', 'pt']
const iterations = 16

type Files = Map<string, Buffer>

/** Every file under `folders` of a project (hidden ones too), by path. */
async function filesUnder(root: string, folders: readonly string[]): Promise<Files> {
  const files: Files = new Map()
  const walk = async (folder: string) => {
    for (const entry of await readdir(join(root, folder), {withFileTypes: true}).catch(() => [])) {
      const path = `${folder}/${entry.name}`
      if (entry.isDirectory()) await walk(path)
      else files.set(path, await readFile(join(root, path)))
    }
  }
  for (const folder of folders) await walk(folder)
  return files
}

const visible = (files: Files) => new Map([...files].filter(([path]) => !path.split('/').some((part) => part.startsWith('.'))))

/** Put `files` back on disk; visible files not among them are deleted, hidden ones (temporary files) left. */
async function restore(root: string, folders: readonly string[], files: Files): Promise<void> {
  for (const path of visible(await filesUnder(root, folders)).keys()) if (!files.has(path)) await rm(join(root, path))
  for (const [path, bytes] of files) {
    await mkdir(dirname(join(root, path)), {recursive: true})
    await writeFile(join(root, path), bytes)
  }
}

/** Names of the temporary files in the language folders. */
async function temporaryFiles(root: string): Promise<Set<string>> {
  const names = await Promise.all(languages.map((language) => readdir(join(root, 'translations', language)).catch(() => [] as string[])))
  return new Set(names.flat().filter((name) => name.endsWith('.tmp')))
}

/**
 * Run the CLI and kill it with SIGKILL: after `delayMs`, or with `whileWriting`, `delayMs` after its
 * first temporary segment file appears (when it is writing).
 */
async function runAndKill(args: string[], root: string, delayMs: number, whileWriting: boolean): Promise<{killed: boolean}> {
  const before = await temporaryFiles(root)
  const child = spawn(process.execPath, [join(repository, 'bin/interlinear.js'), ...args], {cwd: root, stdio: 'ignore'})
  const exited = new Promise<{killed: boolean}>((resolve) => child.on('exit', (_, signal) => resolve({killed: signal === 'SIGKILL'})))
  let running = true
  void exited.then(() => (running = false))
  if (whileWriting) {
    while (running && [...(await temporaryFiles(root))].every((name) => before.has(name))) await sleep(1)
  }
  await sleep(delayMs)
  child.kill('SIGKILL')
  return exited
}

/** A project with three documents and five languages, two of them translated. */
async function translatedProject(): Promise<string> {
  const root = await makeProject(Object.fromEntries(documents.map((id) => [`source/${id}.md`, statementText.replace('Peru', `Peru (${id})`)])))
  for (const language of languages) expect((await cli(['init', language], root)).code).toBe(0)
  for (const language of ['es', 'fr']) {
    for (const id of documents) await translateFile(root, language, id, (source, index) => (index % 3 === 2 ? undefined : `${language.toUpperCase()} ${source}`))
  }
  return root
}

/** The sources after an edit that changes every document: new, changed and deleted paragraphs. */
async function editSources(root: string): Promise<void> {
  for (const id of documents) {
    const text = await read(root, `source/${id}.md`)
    await put(root, `source/${id}.md`, text.replace('Support the Revolution in Peru!', 'Support the revolution in Peru now!').replace(/\n\nBut the level[^\n]*/, '').concat('\nA new closing paragraph.\n'))
  }
}

/** Kill `args` at random moments `iterations` times; check every file after each kill, rerun every other time. */
async function crashRepeatedly(args: string[], folders: readonly string[]) {
  const root = await translatedProject()
  if (args[0] === 'build') expect((await cli(['build'], root)).code).toBe(0)
  const old = visible(await filesUnder(root, folders))
  await editSources(root)
  const started = performance.now()
  const reference = await cli(args, root)
  const duration = performance.now() - started
  expect(reference.code, reference.stderr).toBe(0)
  const next = visible(await filesUnder(root, folders))
  expect(next).not.toEqual(old)
  const outcomes = {killed: 0, mixed: 0}
  for (let iteration = 0; iteration < iterations; iteration++) {
    await restore(root, folders, old)
    // Anywhere in the run, and every other time while it writes segment files.
    const writing = iteration % 2 === 1
    const {killed} = await runAndKill(args, root, writing ? Math.random() * 5 : Math.random() * duration * 1.1, writing)
    const after = visible(await filesUnder(root, folders))
    let changed = 0
    for (const [path, bytes] of after) {
      const choices = [old.get(path), next.get(path)].filter((choice) => choice !== undefined)
      expect(choices.some((choice) => choice.equals(bytes)), `${path} is neither its old nor its new version`).toBe(true)
      if (!old.get(path)?.equals(bytes)) changed++
    }
    // Segment files are never deleted, and a killed build removes only outputs it no longer writes.
    for (const path of old.keys()) if (path.startsWith('translations/') || next.has(path)) expect(after.has(path), `${path} disappeared`).toBe(true)
    if (killed) outcomes.killed++
    if (changed > 0 && changed < [...next].filter(([path, bytes]) => !old.get(path)?.equals(bytes)).length) outcomes.mixed++
    if (iteration % 2 === 1) {
      const rerun = await cli(args, root)
      expect(rerun.code, rerun.stderr).toBe(0)
      expect(visible(await filesUnder(root, folders))).toEqual(next)
    }
  }
  return {root, outcomes}
}

describe('crash safety', () => {
  it('leaves every segment file old or new when update is killed at random moments, and a rerun completes', async () => {
    const {root, outcomes} = await crashRepeatedly(['update'], ['translations'])
    expect(outcomes.killed).toBeGreaterThan(0)
    // Temporary files of killed runs are never taken for languages or documents.
    const status = await cli(['status', '--json'], root)
    expect(status.code, status.stderr).toBe(0)
    const rows = JSON.parse(status.stdout) as {language: string; document: string}[]
    expect(new Set(rows.map((row) => row.language))).toEqual(new Set(languages))
    expect(new Set(rows.map((row) => row.document))).toEqual(new Set(documents))
  })

  it('leaves every segment file and output old or new when build --update is killed, and a rerun builds the same', async () => {
    const {root} = await crashRepeatedly(['build', '--update'], ['translations', 'dist'])
    // Only the languages' folders and the shared pages; no temporary file taken for a language.
    const built = (await readdir(join(root, 'dist'))).filter((name) => !name.startsWith('.'))
    expect(built.sort()).toEqual(['en', ...languages, 'index.html', 'manifest.json', 'status.html'].sort())
  })
})

describe('concurrent runs', () => {
  it('loses neither run when two updates and an import run at once', async () => {
    const root = await translatedProject()
    await editSources(root)
    // An import of one translation per document into Spanish, made against the edited sources.
    const preview = await makeProject(Object.fromEntries(documents.map((id) => [`source/${id}.md`, '']))).then(async (copy) => {
      for (const id of documents) await put(copy, `source/${id}.md`, await read(root, `source/${id}.md`))
      await cli(['init', 'es'], copy)
      return copy
    })
    const imports = await Promise.all(
      documents.map(async (id) => {
        const firstId = /<!-- segment (\S+) -->\n> A new closing paragraph\./.exec(await read(preview, `translations/es/${id}.md`))![1]!
        await put(root, `${id}.json`, JSON.stringify({[firstId]: `Un nuevo párrafo final (${id}).`}))
        return ['import', '--lang', 'es', '--doc', id, '--format', 'i18next', `${id}.json`]
      })
    )
    const runs = await Promise.all([cli(['update'], root), cli(['update'], root), ...imports.map((args) => cli(args, root))])
    for (const run of runs) expect(run.code, run.stderr).toBe(0)
    for (const id of documents) {
      const text = await read(root, `translations/es/${id}.md`)
      expect(text).toContain(`> A new closing paragraph.\n\nUn nuevo párrafo final (${id}).`)
      // The update happened too: the changed paragraph carries its translation, marked for review.
      expect(text).toContain('> Support the revolution in Peru now!\n\n> [!WARNING]')
    }
    const again = await cli(['update', '--json'], root)
    expect((JSON.parse(again.stdout) as {files: {action: string}[]}).files.every((file) => file.action === 'unchanged')).toBe(true)
  })
})
