import {releaseIndexFormat} from './parse-release-index.js'
import type {ReleaseIndex} from './release-record.js'

/**
 * `index.json` text: indented JSON like `JSON.stringify(…, null, 2)`, except that a list or object whose
 * values are all plain (a segment's `[id, hash]` or `{state, translation}`) stays on one line, so the
 * file reads, and diffs, as one line per segment.
 */
export function stringifyReleaseIndex(index: ReleaseIndex): string {
  return `${stringify({format: releaseIndexFormat, releases: index.releases}, '')}\n`
}

function stringify(value: unknown, indent: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  const entries: [string | undefined, unknown][] = Array.isArray(value) ? value.map((item) => [undefined, item]) : Object.entries(value)
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}']
  if (entries.length === 0) return `${open}${close}`
  const item = ([key, child]: [string | undefined, unknown], inner: string) => `${key === undefined ? '' : `${JSON.stringify(key)}: `}${stringify(child, inner)}`
  if (entries.every(([, child]) => child === null || typeof child !== 'object')) return `${open}${entries.map((entry) => item(entry, '')).join(', ')}${close}`
  const inner = `${indent}  `
  return `${open}\n${entries.map((entry) => `${inner}${item(entry, inner)}`).join(',\n')}\n${indent}${close}`
}
