import {hash} from 'node:crypto'

/** SHA-256 of text (as UTF-8) or bytes, in hex: the checksums of manifests, `SHA256SUMS` and release records. */
export function sha256(data: string | Uint8Array): string {
  // One call, without a Hash object: hundreds of pages are checksummed per build.
  return hash('sha256', data, 'hex')
}
