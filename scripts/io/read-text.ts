import {isAscii, isUtf8, transcode} from 'node:buffer'
import {closeSync, constants, fstatSync, lstatSync, openSync, readSync, type Stats} from 'node:fs'
import {errors} from '../errors.js'
import {InputError, failNow} from '../diagnostics.js'
import {limits} from '../limits.js'

// Finds where bad bytes start, once `isUtf8` has said there are some.
const decoder = new TextDecoder('utf-8', {fatal: true})

/**
 * Read a text file for parsing: refuse symlinks and oversized files, decode strictly as UTF-8
 * (never turning bad bytes into U+FFFD), drop a BOM, and turn CRLF and CR into LF.
 *
 * @param absolutePath file to read
 * @param displayPath path shown in diagnostics (relative to the project)
 */
export function readText(absolutePath: string, displayPath: string): string {
  return decodeText(readBytes(absolutePath, displayPath), displayPath)
}

/**
 * The bytes of a file, refusing symlinks, other than regular files and oversized files; not decoded.
 * Synchronous: projects are hundreds of small files, read several times faster without a thread-pool
 * round trip per system call.
 */
export function readBytes(absolutePath: string, displayPath: string, maxBytes: number = limits.maxFileBytes): Buffer {
  return readFileBytes(absolutePath, displayPath, maxBytes).bytes
}

/** `readBytes`, with the file's stats as it was read (from the open file, so they describe those bytes). */
export function readFileBytes(absolutePath: string, displayPath: string, maxBytes: number = limits.maxFileBytes): {bytes: Buffer; stats: Stats} {
  let descriptor: number
  try {
    // O_NOFOLLOW: a symlink swapped in after any check is still not followed.
    descriptor = openSync(absolutePath, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP' || lstatSync(absolutePath, {throwIfNoEntry: false})?.isSymbolicLink()) failNow(displayPath, errors.symlink())
    throw error
  }
  try {
    const stats = fstatSync(descriptor)
    if (!stats.isFile()) failNow(displayPath, errors.notAFile(stats.isDirectory() ? 'a folder' : 'a special file'))
    if (stats.size > maxBytes) failNow(displayPath, errors.fileTooLarge(stats.size, maxBytes))
    const bytes = Buffer.allocUnsafe(stats.size)
    let length = 0
    while (length < bytes.length) {
      const read = readSync(descriptor, bytes, length, bytes.length - length, null)
      if (read === 0) break
      length += read
    }
    return {bytes: bytes.subarray(0, length), stats}
  } finally {
    closeSync(descriptor)
  }
}

/** `readText`, or `undefined` when there is no such file (an optional one: `interlinear.json`, a glossary). */
export function readTextIfExists(absolutePath: string, displayPath: string): string | undefined {
  try {
    return readText(absolutePath, displayPath)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/**
 * The bytes of a file Interlinear wrote and reads back (the build cache, `dist/manifest.json`), or
 * `undefined` when it cannot be read (there is none yet, say). Read as `readBytes` reads: a symbolic
 * link or special file put there (to a device that never ends, say) is refused, not followed.
 */
export function readOwnFile(absolutePath: string, displayPath: string): Buffer | undefined {
  try {
    return readBytes(absolutePath, displayPath, limits.maxOwnFileBytes)
  } catch (error) {
    if (error instanceof InputError) throw error
    return undefined
  }
}

/**
 * Decode bytes as strict UTF-8 and normalize line endings; see `readText`.
 */
export function decodeText(bytes: Uint8Array, displayPath: string): string {
  // Validated first (simdutf), then decoded without checks: several times faster than a fatal TextDecoder.
  if (!isUtf8(bytes)) {
    const byte = firstInvalidUtf8(bytes)
    failNow(displayPath, errors.invalidUtf8(byte), placeOfByte(bytes, byte))
  }
  const nul = bytes.indexOf(0)
  if (nul !== -1) failNow(displayPath, errors.nulCharacter(), placeOfByte(bytes, nul))
  let text = validUtf8Text(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
}

/**
 * Bytes already known to be well-formed UTF-8, as a string. V8 decodes UTF-8 that is not ASCII at about
 * 200 MB/s; ICU's converter to UTF-16 and a copy of that are 7 to 10 times faster (a translation of
 * 36 KB: 150 µs against 15–20 µs). Only where V8 would make a two-byte string too (a character above
 * U+00FF), and for files of ordinary size: the converter's copy of a document of megabytes raised a
 * build's peak memory by a sixth. ASCII is its own Latin-1.
 */
function validUtf8Text(bytes: Buffer): string {
  if (isAscii(bytes)) return bytes.toString('latin1')
  if (bytes.length > convertedBytes || !beyondLatin1.test(bytes.toString('latin1'))) return bytes.toString('utf8')
  try {
    return transcode(bytes, 'utf8', 'ucs2').toString('ucs2')
  } catch {
    // A Node.js built without ICU has no converter.
    return bytes.toString('utf8')
  }
}

// Lead bytes of the characters above U+00FF (two-byte sequences from U+0100, and all longer ones).
const beyondLatin1 = /[\xc4-\xf4]/
const convertedBytes = 256 * 1024

function placeOfByte(bytes: Uint8Array, offset: number) {
  let line = 1
  let start = 0
  for (let index = 0; index < offset; index++) {
    if (bytes[index] === 0x0a) {
      line++
      start = index + 1
    }
  }
  return {line, column: offset - start + 1}
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const lead = bytes[index]!
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0
    if (length === 0) return index
    if (length > 1) {
      try {
        decoder.decode(bytes.subarray(index, index + length))
      } catch {
        return index
      }
    }
    index += length
  }
  return index
}
