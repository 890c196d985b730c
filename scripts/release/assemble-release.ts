import {sha256} from '../checksum.js'
import type {CoverageRecord, Manifest} from '../commands/build.js'
import type {OutputFile} from '../io/build-cache.js'
import {renderIndex} from '../render/render-index.js'
import type {ArchiveFile} from './archive-entries.js'
import {diffSources, diffTranslation} from './diff-releases.js'
import type {DocumentRecord, DocumentSnapshot, LanguageRecord, ReleaseRecord} from './release-record.js'
import {renderReleaseNotes, type ReleaseSummary, type TranslationSummary} from './render-release-notes.js'
import {byPath} from '../order.js'

/** Everything a release is made of, read from disk by the caller. */
export interface ReleaseInput {
  name: string
  version: string
  /** Release time, ISO 8601. */
  date: string
  minCoverage: number
  /** The release this one is compared with: the highest earlier version on record. */
  previous?: ReleaseRecord
  /** The manifest `build` wrote. */
  manifest: Manifest
  /** The pages `build` wrote, by path (`<lang>/<doc>.<ext>`). */
  built: ReadonlyMap<string, Uint8Array>
  /** Segment snapshot of each document, by document ID. */
  snapshots: ReadonlyMap<string, DocumentSnapshot>
  /** For each translation under the threshold (by `<lang>/<doc>`), the last release that shipped it. */
  lastShipped: ReadonlyMap<string, LastShipped>
}

/** The last release that shipped a translation, what it shipped, and its files if they are still intact. */
export interface LastShipped {
  version: string
  record: LanguageRecord
  /** Checked against the release's record, by path; absent when no intact copy is left. */
  files?: ReadonlyMap<string, Uint8Array>
}

/** A release folder's content and what to record of it. */
export interface AssembledRelease {
  /** The record for `index.json`, without its archives (they are made of `files`). */
  record: Omit<ReleaseRecord, 'archives'>
  /** Every file of the folder, `SHA256SUMS` included, sorted by path. */
  files: ArchiveFile[]
  /** What the notes say, for the command's report. */
  summary: ReleaseSummary
}

/** `manifest.json` of a release: the build's manifest, what each language ships, and every page's checksum. */
export interface ReleaseManifest extends Omit<Manifest, 'built' | 'files'> {
  /** Every file of the release but this manifest and the checksum list, with its checksum. */
  files: OutputFile[]
  release: {
    name: string
    version: string
    date: string
    previous?: string
    minCoverage: number
    languages: (Omit<LanguageRecord, 'segments'> & {document: string})[]
  }
}

const encoder = new TextEncoder()
const generated = new Set(['index.html', 'manifest.json'])

/**
 * Put a release together, purely: decide what each language ships (its current build, its translation
 * from the previous release when the current one falls under the threshold, or nothing), re-render the
 * index to list what is shipped, and write the manifest, `RELEASE-NOTES.md` and `SHA256SUMS`.
 */
export function assembleRelease(input: ReleaseInput): AssembledRelease {
  const {previous} = input
  const pages = new Map([...input.built].filter(([path]) => !generated.has(path)))
  const documents: DocumentRecord[] = []
  const translations: TranslationSummary[] = []
  for (const source of input.manifest.sources) {
    const snapshot = input.snapshots.get(source.document)!
    const before = previous?.documents.find((record) => record.document === source.document)
    const languages: LanguageRecord[] = []
    for (const coverage of input.manifest.coverage.filter((record) => record.document === source.document)) {
      const last = input.lastShipped.get(`${coverage.language}/${source.document}`)
      const language = shipLanguage(coverage, snapshot, last)
      for (const [path, content] of language.shipping === 'carried' ? last!.files! : []) pages.set(path, content)
      languages.push(language)
      if (coverage.status === 'source') continue
      const shippedBefore = before?.languages.find((record) => record.language === coverage.language && record.shipping !== 'withheld')
      translations.push({
        ...language,
        document: source.document,
        work: {coverage: coverage.coverage, status: coverage.status},
        changes: previous !== undefined && language.shipping === 'current' ? diffTranslation(snapshot.segments.map(([id]) => id), shippedBefore?.segments, language.segments!) : undefined
      })
    }
    documents.push({document: source.document, language: source.language, revision: source.revision, segments: snapshot.segments, languages})
  }
  const shipped = documents.flatMap((document) =>
    document.languages.filter((language) => language.shipping !== 'withheld').map((language) => ({...language, document: document.document, published: true}))
  )
  pages.set('index.html', encoder.encode(renderIndex(shipped, input.manifest.sources.map((source) => ({id: source.document, language: source.language})))))
  const manifest: ReleaseManifest = {
    release: {
      name: input.name,
      version: input.version,
      date: input.date,
      ...(previous ? {previous: previous.version} : {}),
      minCoverage: input.minCoverage,
      languages: documents.flatMap((document) => document.languages.map(({segments: _segments, ...language}) => ({...language, document: document.document})))
    },
    sources: input.manifest.sources,
    coverage: input.manifest.coverage,
    files: [...pages].map(([path, content]): OutputFile => ({path, sha256: sha256(content), size: content.length})).sort(byPath)
  }
  const summary: ReleaseSummary = {
    name: input.name,
    version: input.version,
    date: input.date,
    ...(previous ? {previous: previous.version} : {}),
    minCoverage: input.minCoverage,
    sources: documents.map((document) => ({
      document: document.document,
      language: document.language,
      path: input.manifest.sources.find((source) => source.document === document.document)!.path,
      segments: document.segments.length,
      changes: previous === undefined ? undefined : diffSources(previous.documents.find((record) => record.document === document.document), document)
    })),
    translations,
    dropped: (previous?.documents ?? []).flatMap((document) =>
      document.languages
        .filter((language) => language.shipping !== 'withheld' && !documents.some((current) => current.document === document.document && current.languages.some((now) => now.language === language.language)))
        .map((language) => ({language: language.language, document: document.document}))
    )
  }
  const files: ArchiveFile[] = [...pages].map(([path, content]) => ({path, content}))
  files.push({path: 'manifest.json', content: encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`)})
  files.push({path: 'RELEASE-NOTES.md', content: encoder.encode(renderReleaseNotes(summary))})
  files.sort(byPath)
  const records = files.map((file) => ({path: file.path, sha256: sha256(file.content)}))
  files.push({path: 'SHA256SUMS', content: encoder.encode(formatSha256Sums(records))})
  files.sort(byPath)
  return {record: {name: input.name, version: input.version, date: input.date, minCoverage: input.minCoverage, documents, files: records}, files, summary}
}

/** `SHA256SUMS` in the format `sha256sum -c` reads: the hash, two spaces, the path. */
export function formatSha256Sums(files: readonly {path: string; sha256: string}[]): string {
  return files.map((file) => `${file.sha256}  ${file.path}\n`).join('')
}

function shipLanguage(coverage: CoverageRecord, snapshot: DocumentSnapshot, last: LastShipped | undefined): LanguageRecord {
  const {language} = coverage
  const own = {status: coverage.status, coverage: coverage.coverage}
  if (coverage.status === 'source') return {language, shipping: 'current', ...own}
  if (coverage.published) return {language, shipping: 'current', ...own, segments: snapshot.translations.get(language)!}
  // Never delete published work because the source grew: ship what was last released.
  if (last === undefined) return {language, shipping: 'withheld', reason: 'nothing-to-carry', ...own}
  const from = last.record.from ?? last.version
  if (last.files === undefined) return {language, shipping: 'withheld', from, reason: 'files-unavailable', ...own}
  return {language, shipping: 'carried', from, status: last.record.status, coverage: last.record.coverage, ...(last.record.segments ? {segments: last.record.segments} : {})}
}

