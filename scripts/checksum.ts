import {createHash} from 'node:crypto'

/** SHA-256 of text (as UTF-8) or bytes, in hex: the checksums of manifests, `SHA256SUMS` and release records. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}
