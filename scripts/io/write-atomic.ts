import {randomBytes} from 'node:crypto'
import {closeSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync} from 'node:fs'
import {lstat, mkdir, open, rename, rm} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'

// Temporary names start with `.` and end with `.tmp`, so no scan mistakes them for documents.
function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
}

function refuseSymlink(path: string, isSymbolicLink: boolean | undefined): void {
  if (isSymbolicLink) throw new Error(`Refusing to write through the symbolic link ${path}`)
}

/**
 * Write `content` to `path` atomically: a temporary file in the same folder, flushed to disk,
 * then renamed over the target, so a killed process leaves either the old or the new file.
 * A symlink at `path` is refused rather than followed. `durable: false` skips the flush.
 */
export async function writeAtomic(path: string, content: string | Uint8Array, options: {durable?: boolean} = {}): Promise<void> {
  refuseSymlink(path, (await lstat(path).catch(() => undefined))?.isSymbolicLink())
  const temporary = temporaryPath(path)
  // The folder usually exists: create it only when the first attempt says it does not.
  const handle = await open(temporary, 'wx', 0o644).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error
    await mkdir(dirname(path), {recursive: true})
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

/**
 * `writeAtomic` for output that can always be rebuilt (dist/, caches): not flushed, and synchronous,
 * since hundreds of small files are written several times faster without a thread-pool round trip
 * per system call. Readers still never see half a file.
 */
export function writeOutputSync(path: string, content: string | Uint8Array): void {
  refuseSymlink(path, lstatSync(path, {throwIfNoEntry: false})?.isSymbolicLink())
  const temporary = temporaryPath(path)
  let descriptor: number
  try {
    descriptor = openSync(temporary, 'wx', 0o644)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    mkdirSync(dirname(path), {recursive: true})
    descriptor = openSync(temporary, 'wx', 0o644)
  }
  try {
    const bytes = typeof content === 'string' ? Buffer.from(content) : content
    for (let written = 0; written < bytes.length; ) written += writeSync(descriptor, bytes, written)
    closeSync(descriptor)
    renameSync(temporary, path)
  } catch (error) {
    try {
      closeSync(descriptor)
    } catch {
      // Already closed.
    }
    rmSync(temporary, {force: true})
    throw error
  }
}
