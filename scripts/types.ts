import type {Root} from 'mdast'

/** Where a thing starts in a file: 1-based line and column, like unist points. */
export interface Place {
  line: number
  column: number
}

/** What kind of block a segment comes from. */
export type SegmentKind = 'field' | 'heading' | 'paragraph' | 'tableCell'

/** One translatable unit of a source document. */
export interface Segment {
  /** Stable ID: short hash of the normalized text, `-N` for the Nth repeat. */
  id: string
  kind: SegmentKind
  /** Normalized inline Markdown, as a translator sees it. */
  text: string
  /** Front-matter key, for `field` segments. */
  field?: string
  /** Where the segment starts in the source file. */
  place: Place
  /** Byte range (UTF-16 offsets) of the inline content in the source file; absent for fields. */
  range?: [number, number]
}

/** A parsed canonical document. */
export interface SourceDocument {
  /** Document ID: file name without extension. */
  id: string
  /** Path relative to the project root, with `/` separators. */
  path: string
  /** Source language tag from the front matter. */
  language: string
  /** Front matter as plain data. */
  frontMatter: Record<string, unknown>
  /** File text after decoding (LF line endings, no BOM); positions refer to it. */
  text: string
  /** Offset in `text` where the body (after the front matter) starts. */
  bodyStart: number
  /** Markdown tree of the body; positions are those of the whole file. */
  tree: Root
  /** Link reference and footnote definitions, as Markdown, so translations can use them. */
  definitions: string
  segments: Segment[]
  /** Short hash of the source text: changes whenever the source does. */
  revision: string
}

/** Review state written in a segment file. */
export type ReviewStatus = 'draft' | 'reviewed'

/** One entry of a segment file. */
export interface SegmentEntry {
  id: string
  /** The quoted source, normalized like `Segment.text`. */
  source: string
  /** The translator's inline Markdown exactly as written (LF line endings); empty when untranslated. */
  translation: string
  /** Source the translation was made for, when `update` marked it needs-review. */
  previousSource?: string
  /** In the final Obsolete section. */
  obsolete: boolean
  /** Place of the ID line. */
  place: Place
  /** Place of the translation (or of the quote when there is none). */
  translationPlace: Place
}

/** A translator's file: `translations/<lang>/<doc>.md`. */
export interface SegmentFile {
  language: string
  translators: string[]
  status: ReviewStatus
  /** Front matter exactly as written (without delimiters), kept verbatim on rewrite. */
  frontMatterText: string
  /** Front matter as plain data. */
  frontMatter: Record<string, unknown>
  entries: SegmentEntry[]
}

/** State of one source segment in one language, as readers and CI see it. */
export type SegmentState = 'translated' | 'needs-review' | 'stale' | 'missing'

/** Status of one source segment in one language. */
export interface SegmentStatus {
  segment: Segment
  state: SegmentState
  /** The segment file entry that holds the (possibly outdated) translation. */
  entry?: SegmentEntry
}

/** Counts for one language and document. */
export interface StatusRow {
  language: string
  document: string
  total: number
  translated: number
  stale: number
  needsReview: number
  missing: number
  obsolete: number
}
