/**
 * Orders used wherever output must be deterministic: by UTF-16 code units, as `Array#sort` without a
 * comparator, never by locale (which would make output depend on the machine).
 */

/** Compare two strings by code units. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Compare two records by their `path`. */
export function byPath(a: {path: string}, b: {path: string}): number {
  return compareText(a.path, b.path)
}
