import {lstat, readFile} from 'node:fs/promises'
import {errors} from '../errors.js'
import {failNow} from '../diagnostics.js'
import {limits} from '../limits.js'

const decoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false})

/**
 * Read a text file for parsing: refuse symlinks and oversized files, decode strictly as UTF-8
 * (never turning bad bytes into U+FFFD), drop a BOM, and turn CRLF and CR into LF.
 *
 * @param absolutePath file to read
 * @param displayPath path shown in diagnostics (relative to the project)
 */
export async function readText(absolutePath: string, displayPath: string): Promise<string> {
  return (await readTextAndBytes(absolutePath, displayPath)).text
}

/** `readText`, also returning the bytes as they are on disk. */
export async function readTextAndBytes(absolutePath: string, displayPath: string): Promise<{text: string; bytes: Buffer}> {
  const stats = await lstat(absolutePath)
  if (stats.isSymbolicLink()) failNow(displayPath, errors.symlink())
  if (!stats.isFile()) failNow(displayPath, errors.notAFile(stats.isDirectory() ? 'a folder' : 'a special file'))
  if (stats.size > limits.maxFileBytes) failNow(displayPath, errors.fileTooLarge(stats.size, limits.maxFileBytes))
  const bytes = await readFile(absolutePath)
  return {text: decodeText(bytes, displayPath), bytes}
}

/**
 * Decode bytes as strict UTF-8 and normalize line endings; see `readText`.
 */
export function decodeText(bytes: Uint8Array, displayPath: string): string {
  let text: string
  try {
    text = decoder.decode(bytes)
  } catch {
    const byte = firstInvalidUtf8(bytes)
    failNow(displayPath, errors.invalidUtf8(byte), placeOfByte(bytes, byte))
  }
  const nul = bytes.indexOf(0)
  if (nul !== -1) failNow(displayPath, errors.nulCharacter(), placeOfByte(bytes, nul))
  // TextDecoder strips one BOM itself (ignoreBOM: false).
  return text.replace(/\r\n?/g, '\n')
}

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
