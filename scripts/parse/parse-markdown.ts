import type {Root} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {VFile} from 'vfile'
import {fail} from '../diagnostics.js'
import {errors} from '../errors.js'
import {limits} from '../limits.js'

const processor = unified().use(remarkParse).use(remarkGfm).freeze()

/**
 * Parse CommonMark + GFM into mdast with remark-parse and remark-gfm. Text before `start` (the front
 * matter) is blanked out, not cut, so every position in the tree is a position in the whole file.
 */
export function parseMarkdown(text: string, start = 0): Root {
  const body = start === 0 ? text : text.slice(0, start).replace(/[^\n]/g, ' ') + text.slice(start)
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
  return markerPattern.exec(text)?.index ?? -1
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
