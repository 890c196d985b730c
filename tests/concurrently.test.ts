import {describe, expect, it} from 'vitest'
import {startPool} from '../scripts/io/concurrently.js'

/** A task that finishes when `release` is called, recording how many ran at once. */
function tasks() {
  let running = 0
  let most = 0
  const releases: (() => void)[] = []
  const task = (fail = false) => () =>
    new Promise<void>((resolve, reject) => {
      running++
      most = Math.max(most, running)
      releases.push(() => {
        running--
        if (fail) reject(new Error('write failed'))
        else resolve()
      })
    })
  return {task, releases, most: () => most}
}

describe('startPool', () => {
  it('runs at most `limit` calls at once, making the producer wait its turn', async () => {
    const {task, releases, most} = tasks()
    const pool = startPool(2)
    await pool.add(task())
    let returned = false
    // The second call fills the pool: adding it returns only once a call has finished.
    const adding = pool.add(task()).then(() => (returned = true))
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect([releases.length, returned]).toEqual([2, false])
    releases[0]!()
    await adding
    const third = pool.add(task())
    for (const release of releases.slice(1)) release()
    await third
    await pool.settle()
    expect(most()).toBe(2)
  })

  it('keeps a failure for settle, without an unhandled rejection', async () => {
    const {task, releases} = tasks()
    const pool = startPool(4)
    await pool.add(task(true))
    await pool.add(task())
    for (const release of releases) release()
    await expect(pool.settle()).rejects.toThrow('write failed')
  })
})
