import {randomBytes} from 'node:crypto'
import {lstat, mkdir, open, rename, rm} from 'node:fs/promises'
import {basename, dirname, isAbsolute, join, relative, sep} from 'node:path'
import {failNow} from '../diagnostics.js'
import {errors} from '../errors.js'

/** Options for `writeAtomic`. */
export interface WriteOptions {
  /** Flush to disk before the rename (default). */
  durable?: boolean
  /**
   * The folder the write must stay in (the project, or an output folder): every folder from it down
   * to the file, and the file, must not be symbolic links, so a link committed in a pull request
   * (`dist`, `dist/es`, `translations`, the cache) cannot send the write outside.
   */
  within?: string
}

/** Refuse a symbolic link (or a file) at any folder from `within` down to `folder`; missing ones are made by `mkdir`. */
export async function assertRealFolders(within: string, folder: string): Promise<void> {
  const rel = relative(within, folder)
  if (rel.startsWith('..') || isAbsolute(rel)) throw new Error(`${folder} is outside ${within}`)
  let current = within
  for (const part of rel === '' ? [] : rel.split(sep)) {
    current = join(current, part)
    const stats = await lstat(current).catch(() => undefined)
    if (stats === undefined) return
    const shown = relative(within, current).split(sep).join('/')
    if (stats.isSymbolicLink()) failNow(shown, errors.symlink())
    if (!stats.isDirectory()) failNow(shown, errors.notAFile('a file where a folder should be'))
  }
}

/**
 * Write `content` to `path` atomically: a temporary file in the same folder, flushed to disk,
 * then renamed over the target, so a killed process leaves either the old or the new file.
 * Temporary names start with `.` and end with `.tmp`, so no scan mistakes them for documents.
 * A symlink at `path` is refused rather than followed. `durable: false` skips the flush for output
 * that can be rebuilt (dist/): the rename still keeps readers from seeing half a file.
 */
export async function writeAtomic(path: string, content: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const folder = dirname(path)
  if (options.within !== undefined) await assertRealFolders(options.within, folder)
  const existing = await lstat(path).catch(() => undefined)
  if (existing?.isSymbolicLink()) {
    if (options.within !== undefined) failNow(relative(options.within, path).split(sep).join('/'), errors.symlink())
    throw new Error(`Refusing to write through the symbolic link ${path}`)
  }
  const temporary = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  // The folder usually exists: create it only when the first attempt says it does not.
  const handle = await open(temporary, 'wx', 0o644).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error
    await mkdir(folder, {recursive: true})
    return open(temporary, 'wx', 0o644)
  })
  try {
    await handle.writeFile(content)
    if (options.durable !== false) await handle.sync()
  } catch (error) {
    await handle.close()
    await rm(temporary, {force: true})
    throw error
  }
  await handle.close()
  try {
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, {force: true})
    throw error
  }
}
