import {createHash} from 'node:crypto'
import {boundedCache} from '../bounded-cache.js'

// Pages hash the same few constant texts again and again.
const hashes = boundedCache<string>()

/** A CSP source expression allowing exactly `text` as an inline script or style. */
export function hashSource(text: string): string {
  return hashes(text, () => `'sha256-${createHash('sha256').update(text).digest('base64')}'`)
}

/**
 * A Content-Security-Policy for a standalone page whose only code is one inline stylesheet and one
 * inline script: both allowed by hash (never `'unsafe-inline'`), and nothing else loaded from anywhere.
 */
export function pagePolicy(style: string, script: string): string {
  return `default-src 'none'; style-src ${hashSource(style)}; script-src ${hashSource(script)}; img-src 'self'; base-uri 'none'; form-action 'none'`
}
