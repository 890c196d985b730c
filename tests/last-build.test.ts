import type {Stats} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {inputStamp, trustedInputStamp} from '../scripts/io/last-build.js'

const readAt = Date.UTC(2026, 11, 3, 12)
const stats = (mtimeMs: number, ctimeMs: number) => ({dev: 2049, ino: 1234, size: 5678, mtimeMs, ctimeMs}) as Stats

describe('trustedInputStamp', () => {
  it('trusts a file unchanged for 2 s before it was read, by its device, inode, size and both times', () => {
    const old = stats(readAt - 60_000, readAt - 2001)
    expect(trustedInputStamp(old, readAt)).toBe(inputStamp(old))
    expect(inputStamp(old)).toBe(`2049:1234:5678:${readAt - 60_000}:${readAt - 2001}`)
  })

  it('does not trust a file changed within 2 s of being read, or later, or with times a file system did not keep', () => {
    for (const [mtime, ctime] of [
      [readAt - 60_000, readAt - 2000],
      [readAt - 1000, readAt - 60_000],
      [readAt + 5000, readAt + 5000],
      [0, readAt - 60_000],
      [readAt - 60_000, 0]
    ] as const) {
      expect(trustedInputStamp(stats(mtime, ctime), readAt), `${mtime} ${ctime}`).toBe('')
    }
  })
})
