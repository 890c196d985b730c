import {closeSync, fstatSync, fsync, lstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync} from 'node:fs'
import {basename, dirname, isAbsolute, join, relative, sep} from 'node:path'
import {failNow} from '../diagnostics.js'
import {errors} from '../errors.js'
import {stampOf} from './stamps.js'

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

/** Whether `target` is `folder` or inside it. */
export function isInside(folder: string, target: string): boolean {
  const rel = relative(folder, target)
  // `..a` is a name inside; `..` and `../a` are outside.
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)
}

/**
 * Refuse a symbolic link (or a file) at any folder from `within` down to `folder`; missing ones are
 * made by `mkdir`. Returns whether `folder` exists.
 */
export function assertRealFolders(within: string, folder: string): boolean {
  if (!isInside(within, folder)) throw new Error(`${folder} is outside ${within}`)
  const rel = relative(within, folder)
  let current = within
  for (const part of rel === '' ? [] : rel.split(sep)) {
    current = join(current, part)
    const stats = lstatSync(current, {throwIfNoEntry: false})
    if (stats === undefined) return false
    const shown = relative(within, current).split(sep).join('/')
    if (stats.isSymbolicLink()) failNow(shown, errors.symlink())
    if (!stats.isDirectory()) failNow(shown, errors.notAFile('a file where a folder should be'))
  }
  return true
}

/**
 * Create `folder` and its missing parents, one at a time. Node's recursive `mkdir` retries forever
 * where a parent exists but refuses children (`--out /proc/x`); this fails with that refusal.
 */
export function makeFolders(folder: string): void {
  const missing: string[] = []
  for (let current = folder; dirname(current) !== current && lstatSync(current, {throwIfNoEntry: false}) === undefined; current = dirname(current)) missing.push(current)
  for (const path of missing.reverse()) {
    try {
      mkdirSync(path)
    } catch (error) {
      // Made meanwhile by another writer (the output thread, say).
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
}

// Unique per process (the random part tells apart processes that reuse a PID), without a random draw per
// file. Not secret: temporary files are created exclusively. Math.random, not node:crypto, whose loading
// would cost a build with nothing to do a twentieth of its time.
const temporaryTag = `${process.pid}.${Math.random().toString(36).slice(2, 10)}`
let temporaryCount = 0

// Temporary names start with `.` and end with `.tmp`, so no scan mistakes them for documents.
function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${temporaryTag}.${(temporaryCount++).toString(36)}.tmp`)
}

// A symbolic link at the target is refused rather than replaced or followed.
function refuseSymlink(path: string, within: string | undefined): void {
  if (!lstatSync(path, {throwIfNoEntry: false})?.isSymbolicLink()) return
  if (within !== undefined) failNow(relative(within, path).split(sep).join('/'), errors.symlink())
  throw new Error(`Refusing to write through the symbolic link ${path}`)
}

/**
 * Write `content` to `path` atomically: a temporary file in the same folder, flushed to disk,
 * then renamed over the target, so a killed process leaves either the old or the new file.
 * `durable: false` skips the flush. Only the flush, which waits for the disk, runs on the thread
 * pool: opening, writing and renaming a small file take microseconds, less than each round trip
 * through `fs/promises` cost the calling thread.
 */
export async function writeAtomic(path: string, content: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  if (options.within !== undefined) assertRealFolders(options.within, dirname(path))
  refuseSymlink(path, options.within)
  const written = writeTemporary(path, content)
  if (options.durable !== false) {
    try {
      await flush(written.descriptor)
    } catch (error) {
      discard(written)
      throw error
    }
  }
  commit(written, path)
}

/**
 * `writeAtomic` for output that can always be rebuilt (dist/, caches): not flushed, and synchronous.
 * Readers still never see half a file. The caller checks the folders (`assertRealFolders`) once, not
 * once per file; `noLink`: the caller already found no link at the file (or a folder that was missing).
 * Returns the file's stamp, taken from the open file (a rename keeps it).
 */
export function writeOutputSync(path: string, content: string | Uint8Array, within?: string, noLink = false): string {
  if (!noLink) refuseSymlink(path, within)
  const written = writeTemporary(path, content)
  let stamp: string
  try {
    stamp = stampOf(fstatSync(written.descriptor))
  } catch (error) {
    discard(written)
    throw error
  }
  commit(written, path)
  return stamp
}

/** A temporary file written and still open. */
interface Temporary {
  path: string
  descriptor: number
}

/** Write `content` to a new temporary file beside `path` (making its folder when missing), left open. */
function writeTemporary(path: string, content: string | Uint8Array): Temporary {
  const temporary = temporaryPath(path)
  let descriptor: number
  // The folder usually exists: create it only when the first attempt says it does not.
  try {
    descriptor = openSync(temporary, 'wx', 0o644)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    makeFolders(dirname(path))
    descriptor = openSync(temporary, 'wx', 0o644)
  }
  const written = {path: temporary, descriptor}
  try {
    const bytes = typeof content === 'string' ? Buffer.from(content) : content
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(descriptor, bytes, offset)
  } catch (error) {
    discard(written)
    throw error
  }
  return written
}

/** Flush an open file to disk, on the thread pool. */
function flush(descriptor: number): Promise<void> {
  return new Promise((resolve, reject) => fsync(descriptor, (error) => (error ? reject(error) : resolve())))
}

/** Close and remove a temporary file that will not be renamed. */
function discard({path, descriptor}: Temporary): void {
  try {
    closeSync(descriptor)
  } catch {
    // Linux releases the descriptor even when closing fails.
  }
  rmSync(path, {force: true})
}

/** Close a temporary file and rename it over `path`. */
function commit({path: temporary, descriptor}: Temporary, path: string): void {
  // Closed once, even when the rename fails: by a second close the number may be another thread's file.
  try {
    closeSync(descriptor)
    renameSync(temporary, path)
  } catch (error) {
    rmSync(temporary, {force: true})
    throw error
  }
}
