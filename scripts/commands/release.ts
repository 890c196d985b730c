import {readFile} from 'node:fs/promises'
import {join, resolve} from 'node:path'
import {isDeepStrictEqual} from 'node:util'
import {sha256} from '../checksum.js'
import {defaults} from '../config.js'
import {failNow} from '../diagnostics.js'
import {errors} from '../errors.js'
import type {FindingRecord} from '../check/format-findings.js'
import {loadProject, type LoadedProject} from '../io/load-project.js'
import {readConfig} from '../io/read-config.js'
import {withProjectLock} from '../io/lock.js'
import {insideProject, isDocumentName, listDocuments, projectPath, type Project} from '../io/project.js'
import {assertFolder, differingArtifacts, readReleasedFiles, readReleaseIndex, releaseBase, releaseTime, scratchFolder, writeRelease, type DateOrigin} from '../io/release-store.js'
import {assembleRelease, type LastShipped} from '../release/assemble-release.js'
import type {ArchiveFile} from '../release/archive-entries.js'
import {snapshotDocument, type DocumentSnapshot, type ReleaseRecord} from '../release/release-record.js'
import type {ReleaseSummary} from '../release/render-release-notes.js'
import {createTarGz} from '../release/tar-gz.js'
import {compareVersions, versionProblem} from '../release/version.js'
import {createZip} from '../release/zip.js'
import type {BuildResult} from './build.js'
import {buildLoaded} from './build-project.js'
import {check} from './check.js'

/** Options for `release`. */
export interface ReleaseOptions {
  /** Semantic version, `X.Y.Z` or `X.Y.Z-pre`. */
  version: string
  /** Base name of the folder and archives (default: the ID of the project's only document). */
  name?: string
  /** Releases folder (default: `release/` in the project). */
  out?: string
  /** Translations under this percentage are carried forward from the last release that shipped them, or withheld. */
  minCoverage?: number
  /** Replace an existing release of this version that has other content. */
  force?: boolean
}

/** What `release` did. */
export type ReleaseResult =
  | {
      kind: 'refused'
      /** The errors `check` reported. */
      findings: FindingRecord[]
      /** The errors are unreadable input (malformed files) rather than failed checks. */
      badInput: boolean
    }
  | {
      kind: 'released'
      /** `unchanged`: this version was released before with exactly this content. */
      outcome: 'created' | 'replaced' | 'unchanged'
      /** The release folder, and the archives, as paths to show. */
      folder: string
      archives: string[]
      record: ReleaseRecord
      summary: ReleaseSummary
      dateOrigin: DateOrigin
    }

/**
 * Release the project: refuse if `check` reports errors; build every language; ship each translation
 * from its current files, or, when it is under `minCoverage`, from the previous release (never deleting
 * published work because the source grew); write `<name>-<version>/` with the pages, the manifest,
 * `RELEASE-NOTES.md` and `SHA256SUMS`, reproducible `.tar.gz` and `.zip` archives of it, and the record of
 * what it contains in `index.json`. An existing version is only rewritten with identical content, or
 * with `force`.
 */
export async function release(project: Project, options: ReleaseOptions): Promise<ReleaseResult> {
  const problem = versionProblem(options.version)
  if (problem !== undefined) failNow('<arguments>', errors.releaseVersion(options.version, problem))
  if (options.name !== undefined && !isDocumentName(options.name)) failNow('<arguments>', errors.releaseName(options.name))
  const folder = resolve(options.out ?? insideProject(project, defaults.releaseDir))
  const display = projectPath(project, folder)
  return withProjectLock(project, async () => {
    const report = await check(project)
    const findings = report.records.filter((record) => record.severity === 'error')
    if (findings.length > 0) return {kind: 'refused', findings, badInput: report.badInput}
    const name = options.name ?? (await defaultName(project))
    await assertFolder(folder, display)
    const index = await readReleaseIndex(folder, display)
    const earlier = index.releases.filter((record) => compareVersions(record.version, options.version) < 0).sort((a, b) => compareVersions(b.version, a.version))
    const previous = earlier[0]
    const time = await releaseTime(project.root)
    const minCoverage = options.minCoverage ?? 0
    const loaded = await loadProject(project)
    const scratch = await scratchFolder(folder)
    let built: BuildResult
    const pages = new Map<string, Uint8Array>()
    try {
      // Built apart from dist/ and its cache: a release neither reads nor disturbs them.
      built = await buildLoaded(loaded, readConfig(project), {out: scratch.path, minCoverage, review: false})
      for (const file of built.manifest.files) pages.set(file.path, await readFile(join(scratch.path, file.path)))
    } finally {
      await scratch.dispose()
    }
    const lastShipped = new Map<string, LastShipped>()
    for (const record of built.withheld) {
      const last = await findLastShipped(folder, index.releases, earlier, record.language, record.document)
      if (last !== undefined) lastShipped.set(`${record.language}/${record.document}`, last)
    }
    const assembled = assembleRelease({
      name,
      version: options.version,
      date: new Date(time.seconds * 1000).toISOString(),
      minCoverage,
      previous,
      manifest: built.manifest,
      built: pages,
      snapshots: snapshotProject(loaded),
      lastShipped
    })
    const base = releaseBase(assembled.record)
    const archiveOptions = {folder: base, mtime: time.seconds}
    const archives: ArchiveFile[] = [
      {path: `${base}.tar.gz`, content: createTarGz(assembled.files, archiveOptions)},
      {path: `${base}.zip`, content: createZip(assembled.files, archiveOptions)}
    ]
    const record: ReleaseRecord = {...assembled.record, archives: archives.map((archive) => ({path: archive.path, sha256: sha256(archive.content)}))}
    const existing = index.releases.find((item) => item.version === options.version)
    const differing = await differingArtifacts(folder, base, assembled.files, archives)
    if (existing !== undefined && !isDeepStrictEqual(existing, record)) differing.unshift(`${display}/index.json`)
    const known = existing !== undefined || (await assertFolder(join(folder, base), `${display}/${base}`))
    if (differing.length > 0 && options.force !== true) failNow(`${display}/${base}`, errors.releaseExists(options.version, differing))
    const releases = [...index.releases.filter((item) => item.version !== options.version), record].sort((a, b) => compareVersions(a.version, b.version))
    await writeRelease(folder, base, assembled.files, archives, {releases})
    return {
      kind: 'released',
      outcome: !known ? 'created' : differing.length > 0 ? 'replaced' : 'unchanged',
      folder: `${display}/${base}`,
      archives: archives.map((archive) => `${display}/${archive.path}`),
      record,
      summary: assembled.summary,
      dateOrigin: time.origin
    }
  })
}

/**
 * The last of the `earlier` releases (newest first) that shipped a translation, with its files: from that
 * release's folder or archive, else, when it carried them forward itself, from those of the release they
 * come from (the same bytes, checked against the same checksums).
 */
async function findLastShipped(folder: string, releases: readonly ReleaseRecord[], earlier: readonly ReleaseRecord[], language: string, document: string): Promise<LastShipped | undefined> {
  for (const release of earlier) {
    const record = release.documents.find((item) => item.document === document)?.languages.find((item) => item.language === language)
    if (record === undefined || record.shipping === 'withheld') continue
    const prefix = `${language}/${document}.`
    const wanted = release.files.filter((file) => file.path.startsWith(prefix) && !file.path.slice(prefix.length).includes('/'))
    const origin = releases.find((item) => item.version === record.from)
    for (const location of origin === undefined ? [release] : [release, origin]) {
      const files = await readReleasedFiles(folder, location, wanted)
      if (files !== undefined) return {version: release.version, record, files}
    }
    return {version: release.version, record}
  }
  return undefined
}

async function defaultName(project: Project): Promise<string> {
  const documents = listDocuments(project)
  if (documents.length > 1) failNow('<arguments>', errors.releaseNameRequired(documents))
  return documents[0]!
}

function snapshotProject(loaded: LoadedProject): Map<string, DocumentSnapshot> {
  return new Map(
    loaded.documents.map((document) => {
      const files = new Map([...loaded.segmentFiles].flatMap(([language, perDocument]) => (perDocument.has(document.id) ? [[language, perDocument.get(document.id)!] as const] : [])))
      return [document.id, snapshotDocument(document, loaded.languages.filter((language) => language !== document.language), files)]
    })
  )
}
