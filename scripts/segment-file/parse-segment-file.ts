import type {Blockquote, Paragraph, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {VFile} from 'vfile'
import {fail} from '../diagnostics.js'
import {errors} from '../errors.js'
import {checkLimits, parseMarkdown} from '../parse/parse-markdown.js'
import {readFrontMatter} from '../parse/read-front-matter.js'
import type {Place, ReviewStatus, SegmentEntry, SegmentFile} from '../types.js'
import {readEntriesFast} from './read-entries-fast.js'
import {blockHints} from './translation-syntax.js'
import {headerCommentPrefix, idLinePattern, idLinePrefix, obsoleteHeading, reviewNoteMarker} from './segment-file-syntax.js'

/** Options for `parseSegmentFile`. */
export interface ParseSegmentFileOptions {
  /** Path relative to the project, for diagnostics. */
  path: string
  /** Language of the folder the file is in: the front matter must say the same. */
  language: string
}

interface Draft {
  id: string
  place: Place
  obsolete: boolean
  source?: string
  sourceEnd?: Place
  previousSource?: string
  translation?: string
  translationPlace?: Place
}

/**
 * Read a segment file: front matter (YAML only) and its entries, each an ID line, a quoted source, an
 * optional review note and a translation, with an optional final Obsolete section. Every problem is
 * recorded on the returned file with its line and column; `segmentFile` is undefined when any is fatal.
 */
export function parseSegmentFile(text: string, options: ParseSegmentFileOptions): {segmentFile?: SegmentFile; file: VFile} {
  const file = new VFile({path: options.path, value: text})
  const frontMatter = readFrontMatter(text, file)
  if (file.messages.length > 0) return {file}
  const data = frontMatter.data
  const line = (key: string): Place => ({line: frontMatter.keyLines[key] ?? 1, column: 1})
  if (data.language !== options.language) {
    fail(file, typeof data.language === 'string' ? errors.languageMismatch(data.language, options.language) : errors.frontMatterField('language', `the language tag \`${options.language}\``, describe(data.language)), line('language'))
  }
  const translators = data.translators ?? []
  if (!Array.isArray(translators) || !translators.every((name) => typeof name === 'string')) {
    fail(file, errors.frontMatterField('translators', 'a list of names', describe(translators)), line('translators'))
  }
  const status = data.status ?? 'draft'
  if (status !== 'draft' && status !== 'reviewed') {
    fail(file, errors.frontMatterField('status', '`draft` or `reviewed`', describe(status)), line('status'))
  }
  if (!checkLimits(text, file)) return {file}
  const entries = readEntriesFast(text, frontMatter.bodyStart) ?? readEntries(text, frontMatter.bodyStart, file)
  if (file.messages.some((message) => message.fatal === true)) return {file}
  return {
    file,
    segmentFile: {
      language: options.language,
      translators: translators as string[],
      status: status as ReviewStatus,
      frontMatterText: frontMatter.raw.replace(/\n$/, ''),
      frontMatter: data,
      entries
    }
  }
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : `\`${JSON.stringify(value)}\``
}

/** Read the entries with the full Markdown parser, recording every problem on `file`. */
export function readEntries(text: string, bodyStart: number, file: VFile): SegmentEntry[] {
  const tree = parseMarkdown(text, bodyStart)
  const entries: SegmentEntry[] = []
  const seen = new Map<string, number>()
  let current: Draft | undefined
  let obsolete = false

  const finish = () => {
    if (current === undefined) return
    if (current.source === undefined) {
      fail(file, errors.entryWithoutQuote(current.id), current.place)
    } else {
      const entry: SegmentEntry = {
        id: current.id,
        source: current.source,
        translation: current.translation ?? '',
        obsolete: current.obsolete,
        place: current.place,
        translationPlace: current.translationPlace ?? current.sourceEnd ?? current.place
      }
      if (current.previousSource !== undefined) entry.previousSource = current.previousSource
      entries.push(entry)
    }
    current = undefined
  }

  for (const node of tree.children) {
    const place = startOf(node)
    if (node.type === 'html') {
      const match = idLinePattern.exec(node.value.trim())
      if (match !== null) {
        finish()
        const id = match[1]!
        const first = seen.get(id)
        if (first !== undefined) fail(file, errors.duplicateId(id, first), place)
        seen.set(id, place.line)
        current = {id, place, obsolete}
      } else if (idLinePrefix.test(node.value.trim())) {
        fail(file, errors.malformedId(node.value.split('\n')[0]!.slice(0, 60)), place)
      } else if (node.value.startsWith(headerCommentPrefix) && current === undefined) {
        // The writer's own note for translators: regenerated on every write.
      } else if (current?.source !== undefined) {
        fail(file, errors.blockInTranslation(current.id, 'HTML block', 'remove the HTML'), place)
      } else {
        fail(file, errors.htmlInSegmentFile(), place)
      }
    } else if (node.type === 'heading' && node.depth === 2 && toString(node).trim() === obsoleteHeading && !obsolete) {
      finish()
      obsolete = true
    } else if (node.type === 'blockquote') {
      if (current === undefined) fail(file, errors.entryWithoutId(), place)
      else if (current.source === undefined) readQuote(node, current, text, file)
      else if (current.previousSource === undefined && current.translation === undefined && isReviewNote(node, text)) readReviewNote(node, current, text, file)
      else fail(file, errors.blockInTranslation(current.id, 'block quote', 'escape the `>` at its start as `\\>`; to clear a review note, delete the whole note; if this is a quoted source, restore its `<!-- segment … -->` line above it'), place)
    } else if (node.type === 'paragraph') {
      if (current?.source === undefined) {
        fail(file, current === undefined ? errors.unexpectedBlock('paragraph') : errors.entryWithoutQuote(current.id), place)
      } else if (current.translation !== undefined) {
        fail(file, errors.twoParagraphs(current.id), place)
      } else {
        current.translation = text.slice(node.position!.start.offset!, node.position!.end.offset!)
        current.translationPlace = place
      }
    } else {
      const [kind, hint] = blockHints[node.type] ?? [node.type, 'remove it']
      if (current?.source !== undefined) fail(file, errors.blockInTranslation(current.id, kind, hint), place)
      else fail(file, errors.unexpectedBlock(kind), place)
    }
  }
  finish()
  return entries
}

function startOf(node: RootContent): Place {
  return {line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1}
}

/** Text of a quote's only paragraph; a line typed under a quote without a blank line joins it (lazy continuation). */
function quotedParagraph(node: Blockquote, text: string, draft: Draft, file: VFile): Paragraph | undefined {
  const start = node.position!.start.line
  const lines = text.slice(node.position!.start.offset!, node.position!.end.offset!).split('\n')
  const lazy = lines.findIndex((line) => !/^[ \t]*>/.test(line))
  if (lazy !== -1) {
    fail(file, errors.lazyContinuation(draft.id), {line: start + lazy, column: 1})
    return undefined
  }
  const paragraphs = node.children.filter((child): child is Paragraph => child.type === 'paragraph')
  return paragraphs.at(-1)
}

function readQuote(node: Blockquote, draft: Draft, text: string, file: VFile): void {
  const paragraph = quotedParagraph(node, text, draft, file)
  draft.source = paragraph === undefined ? '' : quotedText(paragraph, text)
  draft.sourceEnd = {line: node.position!.end.line + 1, column: 1}
}

/**
 * The quoted Markdown as written, without the `>` markers. Read raw rather than re-serialized: in a
 * segment file the source's link definitions are absent, so `[text][ref]` would not parse as a link.
 */
function quotedText(paragraph: Paragraph, text: string): string {
  return text
    .slice(paragraph.position!.start.offset!, paragraph.position!.end.offset!)
    .split('\n')
    .map((line, index) => (index === 0 ? line : line.replace(/^[ \t]*>[ \t]?/, '')).trimEnd())
    .join('\n')
    .normalize('NFC')
}

// Known by its marker as written, not as parsed: an escaped `\\[!WARNING]` in a quote is text.
function isReviewNote(node: Blockquote, text: string): boolean {
  const first = node.children[0]?.position?.start.offset
  return first !== undefined && text.startsWith(reviewNoteMarker, first)
}

function readReviewNote(node: Blockquote, draft: Draft, text: string, file: VFile): void {
  const paragraph = node.children.length > 1 ? quotedParagraph(node, text, draft, file) : undefined
  draft.previousSource = paragraph === undefined ? '' : quotedText(paragraph, text)
}
