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
