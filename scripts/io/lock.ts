import {open, readFile, rm} from 'node:fs/promises'
import {setTimeout as sleep} from 'node:timers/promises'
import {failNow} from '../diagnostics.js'
import {errors} from '../errors.js'
import {insideProject, type Project} from './project.js'

const lockName = '.interlinear.lock'

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Run `work` holding the project's write lock, so two runs never interleave their reads and writes
 * of segment files. Waits up to `waitMs` for another run; a lock left by a dead process is taken over.
 */
export async function withProjectLock<T>(project: Project, work: () => Promise<T>, waitMs = 30_000): Promise<T> {
  const path = insideProject(project, lockName)
  const deadline = Date.now() + waitMs
  for (;;) {
    try {
      const handle = await open(path, 'wx')
      await handle.writeFile(String(process.pid))
      await handle.close()
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10)
      if (Number.isInteger(owner) && owner > 0 && !isAlive(owner)) {
        await rm(path, {force: true})
        continue
      }
      if (Date.now() > deadline) failNow(lockName, errors.projectLocked(lockName))
      await sleep(50)
    }
  }
  try {
    return await work()
  } finally {
    await rm(path, {force: true})
  }
}
