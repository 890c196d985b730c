import type {Root} from 'mdast'
import {gfmAutolinkLiteralFromMarkdown} from 'mdast-util-gfm-autolink-literal'
import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote'
import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {gfmTaskListItemFromMarkdown} from 'mdast-util-gfm-task-list-item'
import {gfmAutolinkLiteral} from 'micromark-extension-gfm-autolink-literal'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {VFile} from 'vfile'
import {fail} from '../diagnostics.js'
import {errors} from '../errors.js'
import {limits} from '../limits.js'

/**
 * Whether a text can contain a GFM table or autolink literal. These two constructs are tried at every
 * line (tables) and every word (autolink literals), and more than double the time of a parse, so a
 * text that cannot contain them is parsed without them: the tree is the same (a property test checks
 * it against remark-gfm). A table needs a `|`, or a delimiter row with `:-` or `-:`. An autolink
 * literal needs `@`, `www` or `http:`/`https:` once escapes (`http\:`) and character references
 * (`&#64;`) are decoded, as remark-gfm's transform sees text.
 */
export const gfmTriggers = {
  table: /\||:-|-:/,
  autolinkLiteral: /@|www|https?\\?:|&[#a-z]/i
} as const

/** What `parseMarkdown` uses of a unified processor. */
interface Parser {
  parse(text: string): Root
}

/** remark-parse with GFM (as remark-gfm adds it), with or without tables and autolink literals. */
function gfmProcessor(table: boolean, autolinkLiteral: boolean): Parser {
  // In remark-gfm's order.
  const syntax = [autolinkLiteral && gfmAutolinkLiteral(), gfmFootnote(), gfmStrikethrough(), table && gfmTable(), gfmTaskListItem()]
  const tree = [autolinkLiteral && gfmAutolinkLiteralFromMarkdown(), gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), table && gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()]
  return unified()
    .use(remarkParse)
    .data({micromarkExtensions: syntax.filter((extension) => extension !== false), fromMarkdownExtensions: tree.filter((extension) => extension !== false)})
    .freeze()
}

// Made when first needed: most projects need one or two of the four.
const processors = new Map<number, Parser>()

/**
 * Parse CommonMark + GFM into mdast with remark-parse and the GFM extensions of remark-gfm. Text
 * before `start` (the front matter) is blanked out, not cut, so every position in the tree is a
 * position in the whole file.
 */
export function parseMarkdown(text: string, start = 0): Root {
  const body = start === 0 ? text : text.slice(0, start).replace(/[^\n]/g, ' ') + text.slice(start)
  const table = gfmTriggers.table.test(body)
  const autolinkLiteral = gfmTriggers.autolinkLiteral.test(body)
  const key = Number(table) * 2 + Number(autolinkLiteral)
  let processor = processors.get(key)
  if (processor === undefined) processors.set(key, (processor = gfmProcessor(table, autolinkLiteral)))
  return processor.parse(body)
}

/**
 * Check the limits that keep remark's recursion and run time bounded, before parsing: line length,
 * table width, block nesting (quotes, list items, indentation) and inline markers per block of
 * lines. Problems are recorded on `file`.
 * @returns whether the text is within limits
 */
export function checkLimits(text: string, file: VFile): boolean {
  let line = 1
  let start = 0
  // The next `|` at or after the current line: searched for once, not once per line (quadratic).
  let pipe = text.indexOf('|')
  let marker = nextMarker(text, 0)
  let markers = 0
  while (start <= text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    if (end - start > limits.maxLineLength) {
      fail(file, errors.lineTooLong(end - start, limits.maxLineLength), {line, column: 1})
      return false
    }
    let pipes = 0
    for (; pipe !== -1 && pipe < end; pipe = text.indexOf('|', pipe + 1)) pipes++
    if (pipes > limits.maxTableColumns) {
      fail(file, errors.tableTooWide(pipes, limits.maxTableColumns), {line, column: 1})
      return false
    }
    if (isBlank(text, start, end)) markers = 0
    for (; marker !== -1 && marker < end; marker = nextMarker(text, marker + 1)) markers++
    if (markers > limits.maxInlineMarkers) {
      fail(file, errors.inlineTooComplex(limits.maxInlineMarkers), {line, column: 1})
      return false
    }
    const depth = containerDepth(text, start, Math.min(end, start + 4 * limits.maxNesting + 64))
    if (depth > limits.maxNesting) {
      fail(file, errors.nestingTooDeep(depth, limits.maxNesting), {line, column: 1})
      return false
    }
    start = end + 1
    line++
  }
  return true
}

const markerPattern = /[*_~[]/g

/** Offset of the next `*`, `_`, `~` or `[` at or after `from`, or -1. */
function nextMarker(text: string, from: number): number {
  markerPattern.lastIndex = from
  // `test` makes no match array (one for every marker of every file): the match ends just after it.
  return markerPattern.test(text) ? markerPattern.lastIndex - 1 : -1
}

function isBlank(text: string, start: number, end: number): boolean {
  let index = start
  while (index < end && (text[index] === ' ' || text[index] === '\t')) index++
  return index === end
}

/**
 * Nesting depth of a line's container prefix (indentation, `>` and list markers) in `text` from `start`
 * to `end`: one per marker, one per 4 columns of indentation. A scan by hand, not a regular expression
 * on a slice of the line: on large files that was slow in ways that depended on the heap.
 */
function containerDepth(text: string, start: number, end: number): number {
  const blankAfter = (index: number) => index >= end || text[index] === ' ' || text[index] === '\t'
  let depth = 0
  let spaces = 0
  let index = start
  while (index < end) {
    const character = text[index]!
    if (character === ' ') spaces++
    else if (character === '\t') spaces += 4
    else if (character === '>') depth++
    else if ((character === '-' || character === '+' || character === '*') && blankAfter(index + 1)) depth++
    else if (character >= '0' && character <= '9') {
      let after = index
      while (after < end && after - index < 9 && text[after]! >= '0' && text[after]! <= '9') after++
      if (after >= end || (text[after] !== '.' && text[after] !== ')') || !blankAfter(after + 1)) break
      depth++
      index = after
    } else break
    index++
  }
  return depth + Math.floor(spaces / 4)
}
