import {execFile} from 'node:child_process'
import {randomBytes} from 'node:crypto'
import {lstat, readFile, rename, rm} from 'node:fs/promises'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {sha256} from '../checksum.js'
import {defaults} from '../config.js'
import {failNow} from '../diagnostics.js'
import {errors} from '../errors.js'
import {limits} from '../limits.js'
import type {ArchiveFile} from '../release/archive-entries.js'
import {parseReleaseIndex} from '../release/parse-release-index.js'
import type {FileRecord, ReleaseIndex, ReleaseRecord} from '../release/release-record.js'
import {stringifyReleaseIndex} from '../release/stringify-release-index.js'
import {readTarGz} from '../release/tar-gz.js'
import {decodeText} from './read-text.js'
import {makeFolders, writeAtomic} from './write-atomic.js'

const indexName = 'index.json'

/** Where the release time comes from. */
export type DateOrigin = 'SOURCE_DATE_EPOCH' | 'git' | 'fixed'

/** The name of a release folder and its archives: `<name>-<version>`. */
export function releaseBase(record: Pick<ReleaseRecord, 'name' | 'version'>): string {
  return `${record.name}-${record.version}`
}

/**
 * The release time, in seconds since 1970: SOURCE_DATE_EPOCH when set (reproducible-builds.org), else the
 * time of the last commit that touched `source/` or `translations/`, else `defaults.releaseEpoch`.
 * It never depends on the clock, so the same sources give the same archives.
 */
export async function releaseTime(root: string): Promise<{seconds: number; origin: DateOrigin}> {
  const epoch = process.env.SOURCE_DATE_EPOCH
  if (epoch !== undefined) {
    if (!/^\d{1,12}$/.test(epoch)) failNow('SOURCE_DATE_EPOCH', errors.sourceDateEpoch(epoch))
    return {seconds: Number(epoch), origin: 'SOURCE_DATE_EPOCH'}
  }
  const committed = await promisify(execFile)('git', ['-C', root, 'log', '-1', '--format=%ct', '--', defaults.sourceDir, defaults.translationsDir], {timeout: 30_000}).then(
    ({stdout}) => stdout.trim(),
    () => ''
  )
  return /^\d+$/.test(committed) ? {seconds: Number(committed), origin: 'git'} : {seconds: defaults.releaseEpoch, origin: 'fixed'}
}

/** Refuse a symlink (or a non-folder) where a release folder or the releases folder should be. */
export async function assertFolder(path: string, display: string): Promise<boolean> {
  const stats = await lstat(path).catch(() => undefined)
  if (stats === undefined) return false
  if (stats.isSymbolicLink()) failNow(display, errors.symlink())
  if (!stats.isDirectory()) failNow(display, errors.notAFile('a file where a folder belongs'))
  return true
}

/** Bytes of a regular file, or `undefined` when there is none (symlinks are not followed). */
async function readRegularFile(path: string, maxBytes: number): Promise<Buffer | undefined> {
  const stats = await lstat(path).catch(() => undefined)
  if (stats === undefined || !stats.isFile() || stats.size > maxBytes) return undefined
  return readFile(path)
}

/** `index.json` of a releases folder (no releases when there is none yet), validated. */
export async function readReleaseIndex(folder: string, display: string): Promise<ReleaseIndex> {
  const path = join(folder, indexName)
  const shown = `${display}/${indexName}`
  const stats = await lstat(path).catch(() => undefined)
  if (stats === undefined) return {releases: []}
  if (!stats.isFile()) failNow(shown, stats.isSymbolicLink() ? errors.symlink() : errors.notAFile('a folder or special file'))
  if (stats.size > limits.maxReleaseIndexBytes) failNow(shown, errors.fileTooLarge(stats.size, limits.maxReleaseIndexBytes))
  return parseReleaseIndex(decodeText(await readFile(path), shown), shown)
}

/**
 * The `wanted` files of a release, from the folder of `record`, else from its `.tar.gz` archive, each
 * checked against its expected SHA-256; `undefined` when they are not all there intact, so a damaged or
 * edited copy is never shipped as the released one.
 */
export async function readReleasedFiles(folder: string, record: Pick<ReleaseRecord, 'name' | 'version'>, wanted: readonly FileRecord[]): Promise<Map<string, Uint8Array> | undefined> {
  if (wanted.length === 0) return undefined
  const base = releaseBase(record)
  const intact = (files: Map<string, Uint8Array | undefined>) => wanted.every((file) => {
    const content = files.get(file.path)
    return content !== undefined && sha256(content) === file.sha256
  })
  const fromFolder = new Map(await Promise.all(wanted.map(async (file) => [file.path, await readRegularFile(join(folder, base, file.path), limits.maxArchiveBytes)] as const)))
  if (intact(fromFolder)) return fromFolder as Map<string, Uint8Array>
  const archive = await readRegularFile(join(folder, `${base}.tar.gz`), limits.maxArchiveBytes)
  if (archive === undefined) return undefined
  let members: Map<string, Uint8Array>
  try {
    members = readTarGz(archive, limits.maxArchiveBytes)
  } catch {
    return undefined
  }
  const fromArchive = new Map(wanted.map((file) => [file.path, members.get(`${base}/${file.path}`)] as const))
  return intact(fromArchive) ? (fromArchive as Map<string, Uint8Array>) : undefined
}

/** What of a release is already on disk and differs from `files` and `archives`: paths for a message. */
export async function differingArtifacts(folder: string, base: string, files: readonly ArchiveFile[], archives: readonly ArchiveFile[]): Promise<string[]> {
  const differing: string[] = []
  if (await assertFolder(join(folder, base), `${base}/`)) {
    const sums = files.find((file) => file.path === 'SHA256SUMS')!
    const existing = await readRegularFile(join(folder, base, 'SHA256SUMS'), limits.maxArchiveBytes)
    if (existing === undefined || !existing.equals(sums.content)) differing.push(`${base}/`)
  }
  for (const archive of archives) {
    const existing = await lstat(join(folder, archive.path)).catch(() => undefined)
    if (existing === undefined) continue
    const content = await readRegularFile(join(folder, archive.path), limits.maxArchiveBytes)
    if (content === undefined || !content.equals(archive.content)) differing.push(archive.path)
  }
  return differing
}

/**
 * Write a release: its folder (assembled under a temporary name, then renamed into place, so readers
 * never see half a release), its archives, then `index.json` last, each atomically and flushed.
 */
export async function writeRelease(folder: string, base: string, files: readonly ArchiveFile[], archives: readonly ArchiveFile[], index: ReleaseIndex): Promise<void> {
  const target = join(folder, base)
  const temporary = join(folder, `.${base}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  makeFolders(temporary)
  try {
    for (const file of files) await writeAtomic(join(temporary, file.path), file.content)
    const replaced = `${temporary}.old`
    const hadOne = await assertFolder(target, `${base}/`)
    if (hadOne) await rename(target, replaced)
    await rename(temporary, target)
    if (hadOne) await rm(replaced, {recursive: true, force: true})
  } finally {
    await rm(temporary, {recursive: true, force: true})
  }
  for (const archive of archives) await writeAtomic(join(folder, archive.path), archive.content)
  await writeAtomic(join(folder, indexName), stringifyReleaseIndex(index))
}

/** A scratch folder inside the releases folder (hidden, removed by `dispose`), for the build. */
export async function scratchFolder(folder: string): Promise<{path: string; dispose: () => Promise<void>}> {
  const path = join(folder, `.build.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  makeFolders(path)
  return {path, dispose: () => rm(path, {recursive: true, force: true})}
}
