import {randomBytes} from 'node:crypto'
import {lstat, mkdir, open, rename, rm} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'

/**
 * Write `content` to `path` atomically: a temporary file in the same folder, flushed to disk,
 * then renamed over the target, so a killed process leaves either the old or the new file.
 * Temporary names start with `.` and end with `.tmp`, so no scan mistakes them for documents.
 * A symlink at `path` is refused rather than followed. `durable: false` skips the flush for output
 * that can be rebuilt (dist/): the rename still keeps readers from seeing half a file.
 */
export async function writeAtomic(path: string, content: string | Uint8Array, options: {durable?: boolean} = {}): Promise<void> {
  const folder = dirname(path)
  const existing = await lstat(path).catch(() => undefined)
  if (existing?.isSymbolicLink()) throw new Error(`Refusing to write through the symbolic link ${path}`)
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
