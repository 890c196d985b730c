import {spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {readFile, utimes, writeFile} from 'node:fs/promises'
import {hostname} from 'node:os'
import {join} from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'
import {describe, expect, it} from 'vitest'
import {InputError} from '../scripts/diagnostics.js'
import {withProjectLock} from '../scripts/io/lock.js'
import {makeProject} from './helpers.js'

const lockPath = (root: string) => join(root, '.interlinear.lock')

/** The PID of a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!
}

/** Run `withProjectLock` and say whether it ran its work or refused after waiting. */
async function attempt(root: string, waitMs = 300): Promise<'ran' | 'locked'> {
  try {
    return await withProjectLock({root}, async () => 'ran' as const, waitMs)
  } catch (error) {
    if (error instanceof InputError && /holds the lock/.test(String(error.files[0]?.messages[0]))) return 'locked'
    throw error
  }
}

describe('project lock', () => {
  it('waits for a live run, then refuses with the lock named', async () => {
    const root = await makeProject()
    // This very process, with its true start time: alive and not reused.
    await withProjectLock({root}, async () => {
      expect(await attempt(root)).toBe('locked')
    })
    expect(existsSync(lockPath(root))).toBe(false)
  })

  it.each([
    ['a dead process, in the old plain-PID format', () => String(deadPid())],
    ['a dead process', () => JSON.stringify({pid: deadPid(), host: hostname()})]
  ])('takes over a lock left by %s', async (_, content) => {
    const root = await makeProject()
    await writeFile(lockPath(root), content())
    expect(await attempt(root)).toBe('ran')
  })

  it.runIf(existsSync('/proc/self/stat'))('takes over a lock whose PID now belongs to another process (PID reuse)', async () => {
    const root = await makeProject()
    await writeFile(lockPath(root), JSON.stringify({pid: process.pid, host: hostname(), started: '1'}))
    expect(await attempt(root)).toBe('ran')
  })

  it('never judges a lock from another host stale', async () => {
    const root = await makeProject()
    await writeFile(lockPath(root), JSON.stringify({pid: deadPid(), host: `${hostname()}-elsewhere`}))
    expect(await attempt(root)).toBe('locked')
  })

  it('takes over an unreadable lock (a run killed while creating it) only once it is old', async () => {
    const root = await makeProject()
    await writeFile(lockPath(root), '')
    expect(await attempt(root)).toBe('locked')
    await utimes(lockPath(root), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000))
    expect(await attempt(root)).toBe('ran')
  })

  it('lets exactly one of many waiters take over a stale lock at a time', async () => {
    const root = await makeProject()
    await writeFile(lockPath(root), String(deadPid()))
    let inside = 0
    let most = 0
    await Promise.all(
      Array.from({length: 12}, async (_, index) => {
        await sleep(index % 4)
        return withProjectLock({root}, async () => {
          most = Math.max(most, ++inside)
          await sleep(5)
          inside--
        })
      })
    )
    expect(most).toBe(1)
    expect(existsSync(lockPath(root))).toBe(false)
    expect(await readFile(lockPath(root)).catch(() => 'gone')).toBe('gone')
  })
})
