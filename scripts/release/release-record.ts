import {hashText} from '../segment/create-segment-id.js'
import {computeStatus} from '../status/compute-status.js'
import type {ReviewStatus, SegmentFile, SegmentState, SourceDocument} from '../types.js'

/**
 * What one release contained, kept in `release/index.json` so the next release can say exactly what
 * changed since: per document the hash of every source segment, per language the state and the hash of
 * the translation of every segment it shipped, and the checksum of every file.
 */
export interface ReleaseRecord {
  /** Folder and archive base name: `<name>-<version>`. */
  name: string
  version: string
  /** Release time (ISO 8601, UTC): SOURCE_DATE_EPOCH, the last commit of the sources, or a fixed time. */
  date: string
  minCoverage: number
  documents: DocumentRecord[]
  /** Every file of the release folder but `SHA256SUMS`, sorted by path. */
  files: FileRecord[]
  /** `<name>-<version>.tar.gz` and `.zip`. */
  archives: FileRecord[]
}

/** A file and its SHA-256. */
export interface FileRecord {
  path: string
  sha256: string
}

/** One document of a release. */
export interface DocumentRecord {
  document: string
  /** Source language. */
  language: string
  revision: string
  /** Each source segment's ID and the hash of its text, in document order. */
  segments: [id: string, hash: string][]
  /** The source language first, then the translations, sorted. */
  languages: LanguageRecord[]
}

/**
 * How a language of a document is shipped: built from the current translation, carried forward from an
 * earlier release (the current one is under the coverage threshold), or withheld.
 */
export type Shipping = 'current' | 'carried' | 'withheld'

/**
 * Why a language under the threshold is withheld rather than carried forward: the previous release did
 * not ship it (or there is none), or its files are no longer there as recorded.
 */
export type WithheldReason = 'nothing-to-carry' | 'files-unavailable'

/** One language of one document in a release. */
export interface LanguageRecord {
  language: string
  shipping: Shipping
  /** For `carried`: the release whose translation is shipped. */
  from?: string
  /** For `withheld`. */
  reason?: WithheldReason
  /** Of what is shipped (for `withheld`, of the current translation). */
  status: ReviewStatus | 'source'
  coverage: number
  /** Of what is shipped, by segment ID; absent for the source language and withheld languages. */
  segments?: Record<string, SegmentRecord>
}

/** One segment of a translation as shipped. */
export interface SegmentRecord {
  state: SegmentState
  /** Hash of the translator's text, when there is one. */
  translation?: string
}

/** `release/index.json`: every release, in version order. */
export interface ReleaseIndex {
  releases: ReleaseRecord[]
}

/** Length of the hex hashes of segment texts: 16 digits make an unnoticed change practically impossible. */
export const recordHashLength = 16

/** Segment records of a document: the source's hashes, and each translation's states and hashes. */
export interface DocumentSnapshot {
  segments: DocumentRecord['segments']
  translations: Map<string, Record<string, SegmentRecord>>
}

/**
 * Snapshot the segments of `document` and of its translation in every language of `files` (a language
 * without a file has every segment missing).
 */
export function snapshotDocument(document: SourceDocument, languages: readonly string[], files: ReadonlyMap<string, SegmentFile>): DocumentSnapshot {
  const segments = document.segments.map((segment): [string, string] => [segment.id, hashText(segment.text, recordHashLength)])
  const translations = new Map<string, Record<string, SegmentRecord>>()
  for (const language of languages) {
    const statuses = computeStatus(document.segments, files.get(language))
    translations.set(
      language,
      Object.fromEntries(
        statuses.map(({segment, state, entry}) => [segment.id, entry === undefined || entry.translation === '' ? {state} : {state, translation: hashText(entry.translation, recordHashLength)}])
      )
    )
  }
  return {segments, translations}
}
