import {execFile} from 'node:child_process'
import {cp, mkdtemp, readFile, rm, writeFile, mkdir} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll} from 'vitest'

/** The repository root. */
export const repository = join(dirname(fileURLToPath(import.meta.url)), '..')
/** The canonical statement's text. */
export const statementText = await readFile(join(repository, 'source/statement.md'), 'utf8')

const made: string[] = []
afterAll(async () => {
  for (const folder of made.splice(0)) await rm(folder, {recursive: true, force: true})
})

/**
 * A temporary project: `source/` with the given documents (default: the statement) and optionally
 * `translations/`; removed when the test file ends.
 */
export async function makeProject(files: Record<string, string> = {'source/statement.md': statementText}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'interlinear-'))
  made.push(root)
  for (const [path, text] of Object.entries(files)) await put(root, path, text)
  return root
}

/** Copy the repository's own sources and translations into a temporary project. */
export async function copyRepositoryProject(): Promise<string> {
  const root = await makeProject({})
  await cp(join(repository, 'source'), join(root, 'source'), {recursive: true})
  await cp(join(repository, 'translations'), join(root, 'translations'), {recursive: true})
  return root
}

/** Write a file in a project, creating folders. */
export async function put(root: string, path: string, text: string): Promise<void> {
  await mkdir(dirname(join(root, path)), {recursive: true})
  await writeFile(join(root, path), text)
}

/** Read a file of a project. */
export function read(root: string, path: string): Promise<string> {
  return readFile(join(root, path), 'utf8')
}

/** Result of running the CLI. */
export interface Run {
  code: number
  stdout: string
  stderr: string
}

/** Run the bundled CLI (or the copy of it at `bin`) as a subprocess in `cwd`. */
export function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, bin = join(repository, 'bin/interlinear.js')): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], {cwd, env: {...process.env, NO_COLOR: '1', ...env}}, (error, stdout, stderr) => {
      resolve({code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr})
    })
  })
}
