import {crc32, deflateRawSync, gunzipSync} from 'node:zlib'
import {archiveEntries, type ArchiveFile, type ArchiveOptions} from './archive-entries.js'

const block = 512
// GNU tar's default record: 20 blocks. Readers accept less, but some warn.
const record = 20 * block

/**
 * A gzip-compressed POSIX ustar archive of `files` in `options.folder`, byte-reproducible: fixed member
 * order, mode, owner (0/0, no names) and time, and a gzip header with no time, no name and a fixed
 * OS byte (written here rather than by zlib, whose OS byte depends on the platform).
 */
export function createTarGz(files: readonly ArchiveFile[], options: ArchiveOptions): Uint8Array {
  const parts: Uint8Array[] = []
  for (const entry of archiveEntries(files, options.folder)) {
    parts.push(header(entry.path, entry.content.length, entry.mode, options.mtime, entry.kind === 'directory' ? '5' : '0'))
    parts.push(entry.content, new Uint8Array((block - (entry.content.length % block)) % block))
  }
  const body = Buffer.concat(parts)
  const tar = Buffer.concat([body, new Uint8Array(Math.ceil((body.length + 2 * block) / record) * record - body.length)])
  return gzip(tar)
}

function header(path: string, size: number, mode: number, mtime: number, type: '0' | '5'): Uint8Array {
  const bytes = Buffer.alloc(block)
  const [prefix, name] = splitPath(path)
  bytes.write(name, 0, 100, 'ascii')
  octal(bytes, 100, 8, mode)
  octal(bytes, 108, 8, 0)
  octal(bytes, 116, 8, 0)
  octal(bytes, 124, 12, size)
  octal(bytes, 136, 12, mtime)
  bytes.fill(0x20, 148, 156)
  bytes.write(type, 156, 'ascii')
  bytes.write('ustar\u000000', 257, 'ascii')
  octal(bytes, 329, 8, 0)
  octal(bytes, 337, 8, 0)
  bytes.write(prefix, 345, 155, 'ascii')
  octal(bytes, 148, 7, bytes.reduce((sum, byte) => sum + byte, 0))
  return bytes
}

// ustar names hold 100 bytes, plus a 155-byte prefix split at a `/`.
function splitPath(path: string): [string, string] {
  if (path.length <= 100) return ['', path]
  for (let index = path.indexOf('/'); index !== -1; index = path.indexOf('/', index + 1)) {
    if (index <= 155 && path.length - index - 1 <= 100) return [path.slice(0, index), path.slice(index + 1)]
  }
  throw new Error(`Path too long for a ustar archive: ${path}`)
}

// Zero-padded octal digits and a NUL, in a field of `length` bytes.
function octal(bytes: Buffer, offset: number, length: number, value: number): void {
  bytes.write(`${value.toString(8).padStart(length - 1, '0')}\u0000`, offset, length, 'ascii')
}

function gzip(data: Uint8Array): Uint8Array {
  // ID1 ID2, deflate, no flags, MTIME 0, XFL 2 (best compression), OS 3 (Unix).
  const head = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3])
  const tail = Buffer.alloc(8)
  tail.writeUInt32LE(crc32(data) >>> 0, 0)
  tail.writeUInt32LE(data.length % 2 ** 32, 4)
  return Buffer.concat([head, deflateRawSync(data, {level: 9}), tail])
}

/**
 * The regular files of a gzip-compressed tar archive, by member path. Only what `createTarGz` writes
 * is understood (ustar, no extensions); a damaged header or data past the end ends the reading with an
 * error. Callers check every file they use against a known checksum.
 */
export function readTarGz(archive: Uint8Array, maxSize: number): Map<string, Uint8Array> {
  const tar = gunzipSync(archive, {maxOutputLength: maxSize})
  const files = new Map<string, Uint8Array>()
  for (let offset = 0; offset + block <= tar.length; ) {
    const head = tar.subarray(offset, offset + block)
    if (head.every((byte) => byte === 0)) break
    const stored = readOctal(head, 148, 8)
    const sum = head.reduce((total, byte, index) => total + (index >= 148 && index < 156 ? 0x20 : byte), 0)
    if (stored !== sum) throw new Error(`damaged tar header at byte ${offset}`)
    const size = readOctal(head, 124, 12)
    const start = offset + block
    if (start + size > tar.length) throw new Error(`tar member at byte ${offset} runs past the end`)
    const name = readString(head, 0, 100)
    const prefix = readString(head, 345, 155)
    const type = String.fromCharCode(head[156]!)
    if (type === '0' || type === '\u0000') files.set(prefix === '' ? name : `${prefix}/${name}`, tar.subarray(start, start + size))
    offset = start + Math.ceil(size / block) * block
  }
  return files
}

function readString(bytes: Uint8Array, offset: number, length: number): string {
  const field = bytes.subarray(offset, offset + length)
  const end = field.indexOf(0)
  return Buffer.from(field.subarray(0, end === -1 ? length : end)).toString('latin1')
}

function readOctal(bytes: Uint8Array, offset: number, length: number): number {
  const text = readString(bytes, offset, length).trim()
  if (!/^[0-7]+$/.test(text)) throw new Error(`damaged tar header field at byte ${offset}`)
  return Number.parseInt(text, 8)
}
