/**
 * Every default of the tool, in one place.
 */
export const defaults = {
  /** Folder of canonical documents, relative to the project root. */
  sourceDir: 'source',
  /** Folder of segment files: `<translationsDir>/<lang>/<doc>.md`. */
  translationsDir: 'translations',
  /** Build output. */
  distDir: 'dist',
  /** Release folders, archives and `index.json` (the record of every release). */
  releaseDir: 'release',
  /**
   * Release time when neither SOURCE_DATE_EPOCH nor a commit of the sources gives one: 1980-01-01 UTC,
   * the earliest time a zip archive can hold.
   */
  releaseEpoch: 315_532_800,
  /** Front-matter keys whose string values are translated. */
  translatableFields: ['title', 'subtitle', 'description', 'summary'],
  /** Length of the hex hash in segment IDs: 8 hex digits keep collisions rare below ~10,000 segments per document. */
  idLength: 8,
  /** Minimum word similarity (0–1) for `update` to carry a translation over to a changed segment, as msgmerge's fuzzy matching does. */
  fuzzyThreshold: 0.5,
  /** Plain-text wrap width in terminal columns. */
  width: 72,
  /** Port of `watch` on 127.0.0.1 (Vite's preview port, rarely taken by anything else). */
  watchPort: 4173
} as const

/** Path of the segment file of `document` in `language` relative to the project, with `/`: as diagnostics, reports and records name it. */
export function relativeSegmentFilePath(language: string, document: string): string {
  return `${defaults.translationsDir}/${language}/${document}.md`
}

/** Output formats of `build`. */
export const outputFormats = ['html', 'md', 'txt'] as const

/** Formats of `export` and `import`. */
export const exchangeFormats = ['i18next', 'po', 'xliff'] as const

/** The environment variable that marks a build's render threads (see `startThread` and `scripts/bin.ts`). */
export const threadMarker = 'INTERLINEAR_RENDER_THREAD'
