import {readFileSync} from 'node:fs'
import {open, readFile, rm, stat} from 'node:fs/promises'
import {hostname} from 'node:os'
import {setTimeout as sleep} from 'node:timers/promises'
import {failNow} from '../diagnostics.js'
import {errors} from '../errors.js'
import {insideProject, type Project} from './project.js'

const lockName = '.interlinear.lock'
// Held for a moment by the one run that removes a stale lock, so two runs never both take it over.
const takeoverName = `${lockName}.takeover`
// A lock or takeover file this old without a readable owner was left by a run killed while creating it.
const unreadableAfterMs = 5_000

/** Who holds a lock: process ID, host, and the process's start time when the system tells it. */
interface Owner {
  pid: number
  host?: string
  started?: string
}

/** When process `pid` started (clock ticks since boot, from /proc on Linux), or `undefined` elsewhere. */
function startTime(pid: number | 'self'): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (which may hold spaces and parentheses); starttime is field 22.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
  } catch {
    return undefined
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The owner written in a lock file; a plain PID (older versions) is read too. */
export function parseOwner(text: string): Owner | undefined {
  if (/^\d+$/.test(text.trim())) return {pid: Number(text)}
  try {
    const owner = JSON.parse(text) as Partial<Owner>
    if (Number.isInteger(owner.pid) && owner.pid! > 0) return {pid: owner.pid!, host: owner.host, started: owner.started}
  } catch {
    // Unreadable: judged by its age.
  }
  return undefined
}

/**
 * Whether a lock held by `owner` is left over: its process is gone, or its PID now belongs to another
 * process (a different start time). A lock from another host is never judged stale: we cannot see it.
 */
export function isStale(owner: Owner): boolean {
  if (owner.host !== undefined && owner.host !== hostname()) return false
  if (!isAlive(owner.pid)) return true
  const started = owner.started === undefined ? undefined : startTime(owner.pid)
  return started !== undefined && started !== owner.started
}

async function isOldUnreadable(path: string): Promise<boolean> {
  const stats = await stat(path).catch(() => undefined)
  return stats !== undefined && Date.now() - stats.mtimeMs > unreadableAfterMs
}

/**
 * Remove the lock at `path` if it is (still) the stale one read as `seen`, under the takeover guard,
 * so a waiter that judged it stale cannot remove a lock another waiter has just taken.
 */
async function takeOver(path: string, seen: string): Promise<void> {
  const guard = `${path.slice(0, -lockName.length)}${takeoverName}`
  const handle = await open(guard, 'wx').catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error
    if (await isOldUnreadable(guard)) await rm(guard, {force: true})
    return undefined
  })
  if (handle === undefined) return
  try {
    if ((await readFile(path, 'utf8').catch(() => undefined)) === seen) await rm(path, {force: true})
  } finally {
    await handle.close()
    await rm(guard, {force: true})
  }
}

/**
 * Run `work` holding the project's write lock, so two runs never interleave their reads and writes
 * of segment files. Waits up to `waitMs` for another run. A lock left by a dead process (or by a
 * process whose PID has since been reused) is taken over, by one waiter only.
 */
export async function withProjectLock<T>(project: Project, work: () => Promise<T>, waitMs = 30_000): Promise<T> {
  const path = insideProject(project, lockName)
  const deadline = Date.now() + waitMs
  const me = JSON.stringify({pid: process.pid, host: hostname(), started: startTime('self')} satisfies Owner)
  for (;;) {
    try {
      const handle = await open(path, 'wx')
      await handle.writeFile(me)
      await handle.close()
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const seen = await readFile(path, 'utf8').catch(() => undefined)
      if (seen === undefined) continue
      const owner = parseOwner(seen)
      if (owner === undefined ? await isOldUnreadable(path) : isStale(owner)) {
        await takeOver(path, seen)
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
