/**
 * The concrete syntax of segment files, shared by the reader and the writer.
 */

/** Matches a segment ID line and captures the ID. */
export const idLinePattern = /^<!--[ \t]*segment[ \t]+([0-9a-f]{4,64}(?:-[1-9]\d{0,5})?)[ \t]*-->$/

/** Recognizes a line that tries to be an ID line. */
export const idLinePrefix = /^<!--[ \t]*segment\b/

/** Recognizes the explanatory comment the writer puts under the front matter. */
export const headerCommentPrefix = '<!-- Interlinear segment file'

/** Title of the final section that keeps translations whose source is gone. */
export const obsoleteHeading = 'Obsolete'

/** First line of the note `update` adds above a translation whose source changed. */
export const reviewNoteMarker = '[!WARNING]'

/** Text of the review note, between the marker and the previous source. */
export const reviewNoteText =
  'Needs review: the source of this segment changed. Check the translation, then delete this note. It was made for:'

/** The ID line for `id`. */
export function idLine(id: string): string {
  return `<!-- segment ${id} -->`
}

/** Prefix every line of `text` as a Markdown block quote (what remark-stringify's blockquote handler does). */
export function quoteLines(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n')
}
