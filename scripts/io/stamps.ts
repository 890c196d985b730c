/**
 * Stamps: what of a file's stats tells, without reading it, that it is still the file a build read or
 * wrote, as a string a record keeps.
 */
import type {Stats} from 'node:fs'

/** The fields of a file's stats a stamp is made of, in order. */
export type StampFields = readonly ('dev' | 'ino' | 'size' | 'mtimeMs' | 'ctimeMs')[]

/** A stamp: the values of `fields` joined by `:`. */
export function formatStamp(stats: Stats, fields: StampFields): string {
  return fields.map((field) => stats[field]).join(':')
}

/**
 * Whether `stamp` is `formatStamp(stats, fields)`, compared as numbers: formatting the times costs a
 * build with nothing to do more than the system calls that read them. Each number reads back as
 * exactly the value it was written from (JavaScript writes the shortest text that does).
 */
export function matchesStamp(stats: Stats, stamp: string, fields: StampFields): boolean {
  let start = 0
  for (let index = 0; index < fields.length; index++) {
    const end = index === fields.length - 1 ? stamp.length : stamp.indexOf(':', start)
    if (end <= start || Number(stamp.slice(start, end)) !== stats[fields[index]!]) return false
    start = end + 1
  }
  return true
}

/**
 * The stamp of a regular file as a build leaves it: device, inode, modification time and size (see
 * `CachedFile` in build-cache.ts). The time in milliseconds as a double, to the microsecond: a file
 * replaced has another inode anyway, and BigInt stats cost a build with nothing to do a fifth of its
 * time checking 2,000 outputs.
 */
export function stampOf(stats: Stats): string {
  return formatStamp(stats, outputStampFields)
}

/** Whether `stamp` is `stampOf(stats)`. */
export function hasOutputStamp(stats: Stats, stamp: string): boolean {
  return matchesStamp(stats, stamp, outputStampFields)
}

const outputStampFields = ['dev', 'ino', 'mtimeMs', 'size'] as const

/**
 * The stamp of an input file: device, inode, size, modification and change time. Any write changes the
 * change time, which no program can set back: a file with the stamp a build recorded holds the bytes it read.
 */
export function inputStamp(stats: Stats): string {
  return formatStamp(stats, inputStampFields)
}

/** Whether `stamp` is `inputStamp(stats)`. */
export function hasInputStamp(stats: Stats, stamp: string): boolean {
  return matchesStamp(stats, stamp, inputStampFields)
}

const inputStampFields = ['dev', 'ino', 'size', 'mtimeMs', 'ctimeMs'] as const

// A file changed this shortly before it was read may change again within the same tick of the file
// system's clock (coarse on Linux, 2 s on FAT), its times unchanged.
const racyMs = 2000

/**
 * The stamp of an input whose stats were taken when it was read at `readAt` (ms since the epoch), or
 * `''` when it had changed too shortly before then for its times to tell a later change (git's
 * "racily clean" files): such a file is read again by the next build, which then records its stamp.
 */
export function trustedInputStamp(stats: Stats, readAt: number): string {
  // A file system that keeps no times (they read as 0) cannot be trusted by them.
  const kept = stats.mtimeMs > 0 && stats.ctimeMs > 0
  return kept && Math.max(stats.mtimeMs, stats.ctimeMs) < readAt - racyMs ? inputStamp(stats) : ''
}
