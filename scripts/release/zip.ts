import {crc32, deflateRawSync} from 'node:zlib'
import {archiveEntries, type ArchiveFile, type ArchiveOptions} from './archive-entries.js'

const unix = 3
const version = 20
// Extended timestamp extra field (0x5455): the UTC modification time, since DOS times have no zone.
const timestampField = 0x5455
const directoryType = 0o040000
const fileType = 0o100000

/**
 * A zip archive of `files` in `options.folder`, byte-reproducible like `createTarGz`: fixed member
 * order, Unix modes, one time (as a DOS time in UTC and as an extended timestamp), deflate level 9.
 */
export function createZip(files: readonly ArchiveFile[], options: ArchiveOptions): Uint8Array {
  const [time, date] = dosDateTime(options.mtime)
  const extra = Buffer.alloc(9)
  extra.writeUInt16LE(timestampField, 0)
  extra.writeUInt16LE(5, 2)
  extra.writeUInt8(1, 4)
  extra.writeUInt32LE(Math.min(Math.max(options.mtime, 0), 2 ** 32 - 1), 5)
  const locals: Uint8Array[] = []
  const centrals: Uint8Array[] = []
  let offset = 0
  for (const entry of archiveEntries(files, options.folder)) {
    const name = Buffer.from(entry.path, 'ascii')
    const directory = entry.kind === 'directory'
    const data = directory ? entry.content : deflateRawSync(entry.content, {level: 9})
    const checksum = crc32(entry.content) >>> 0
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(version, 4)
    local.writeUInt16LE(0, 6)
    local.writeUInt16LE(directory ? 0 : 8, 8)
    local.writeUInt16LE(time, 10)
    local.writeUInt16LE(date, 12)
    local.writeUInt32LE(checksum, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(entry.content.length, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(extra.length, 28)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE((unix << 8) | version, 4)
    local.copy(central, 6, 4, 30)
    // Comment length, disk number and internal attributes stay 0; external attributes hold the Unix mode.
    central.writeUInt32LE((((directory ? directoryType : fileType) | entry.mode) * 0x10000 + (directory ? 0x10 : 0)) >>> 0, 38)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, extra, data)
    centrals.push(central, name, extra)
    offset += local.length + name.length + extra.length + data.length
    if (offset >= 2 ** 32) throw new Error('Release too large for a zip archive without Zip64')
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(centrals.length / 3, 8)
  end.writeUInt16LE(centrals.length / 3, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

// DOS dates start in 1980 and end in 2107; times have two-second steps.
function dosDateTime(seconds: number): [number, number] {
  const date = new Date(Math.min(Math.max(seconds, 315_532_800), 4_354_819_198) * 1000)
  return [
    (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate()
  ]
}
