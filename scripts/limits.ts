/**
 * Resource limits, checked before parsing so hostile input fails fast with a clear error.
 * remark overflows the stack near 1,000 nested containers; these stay far below.
 */
export const limits = {
  /** Largest source or segment file read, in bytes. */
  maxFileBytes: 8 * 1024 * 1024,
  /** Longest line, in UTF-16 code units. */
  maxLineLength: 100_000,
  /** Deepest nesting of block quotes and list items. */
  maxNesting: 64,
  /** Most table cells on one line (`|` separators). */
  maxTableColumns: 256,
  /**
   * Most emphasis, strikethrough and bracket characters (`*`, `_`, `~`, `[`) in one block of lines
   * (up to a blank line): micromark matches them in quadratic time (8,000 `_` on one 24 KB line take
   * over 40 s), so a paragraph within the line limit could still stall a run.
   */
  maxInlineMarkers: 2_000,
  /** Largest file Interlinear wrote and reads back: the build cache, `dist/manifest.json`. */
  maxOwnFileBytes: 256 * 1024 * 1024,
  /** Largest `release/index.json`: it holds a hash per segment, language and release. */
  maxReleaseIndexBytes: 256 * 1024 * 1024,
  /** Largest unpacked release archive read to carry a translation forward. */
  maxArchiveBytes: 1024 * 1024 * 1024
} as const
