import type {Stats} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {formatStamp, matchesStamp, type StampFields} from '../scripts/io/stamps.js'

const fields: StampFields = ['dev', 'ino', 'size', 'mtimeMs', 'ctimeMs']
// What Node.js gives: integers, and times in milliseconds with a fraction (or none, or zero).
const time = fc.oneof(fc.constant(0), fc.integer({min: 0, max: 4_102_444_800_000}), fc.double({min: 0, max: 4_102_444_800_000, noNaN: true}))
const stats = fc.record({dev: fc.nat(), ino: fc.maxSafeNat(), size: fc.maxSafeNat(), mtimeMs: time, ctimeMs: time}).map((values) => values as unknown as Stats)

describe('matchesStamp', () => {
  it('matches exactly the stamp formatStamp makes of the same stats (property)', () => {
    fc.assert(
      fc.property(stats, stats, (a, b) => {
        expect(matchesStamp(a, formatStamp(a, fields), fields)).toBe(true)
        expect(matchesStamp(b, formatStamp(a, fields), fields)).toBe(formatStamp(a, fields) === formatStamp(b, fields))
      }),
      {numRuns: 2000}
    )
  })

  it('matches no stamp with a field missing, empty or extra', () => {
    const one = {dev: 1, ino: 2, size: 3, mtimeMs: 4.5, ctimeMs: 6} as Stats
    expect(matchesStamp(one, '1:2:3:4.5:6', fields)).toBe(true)
    for (const stamp of ['', '1:2:3:4.5', '1:2:3:4.5:', '1:2::4.5:6', ':1:2:3:4.5:6', '1:2:3:4.5:6:7', '1:2:3:4.5:6:']) expect(matchesStamp(one, stamp, fields), stamp).toBe(false)
  })
})
