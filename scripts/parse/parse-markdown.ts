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

// Container prefix of a line: indentation, `>` and list markers.
const containerPrefix = /^(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*[ \t]*/

/**
 * Check the limits that keep remark's recursion and run time bounded, before parsing: line length,
 * table width and block nesting (quotes, list items, indentation). Problems are recorded on `file`.
 * @returns whether the text is within limits
 */
export function checkLimits(text: string, file: VFile): boolean {
  let line = 1
  let start = 0
  while (start <= text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    if (end - start > limits.maxLineLength) {
      fail(file, errors.lineTooLong(end - start, limits.maxLineLength), {line, column: 1})
      return false
    }
    let pipes = 0
    for (let index = text.indexOf('|', start); index !== -1 && index < end && pipes <= limits.maxTableColumns; index = text.indexOf('|', index + 1)) pipes++
    if (pipes > limits.maxTableColumns) {
      fail(file, errors.tableTooWide(pipes, limits.maxTableColumns), {line, column: 1})
      return false
    }
    const prefix = containerPrefix.exec(text.slice(start, Math.min(end, start + 4 * limits.maxNesting + 64)))![0]
    let depth = 0
    let spaces = 0
    for (const character of prefix) {
      if (character === ' ') spaces++
      else if (character === '\t') spaces += 4
      else if (character === '>' || character === '-' || character === '+' || character === '*' || character === '.' || character === ')') depth++
    }
    depth += Math.floor(spaces / 4)
    if (depth > limits.maxNesting) {
      fail(file, errors.nestingTooDeep(depth, limits.maxNesting), {line, column: 1})
      return false
    }
    start = end + 1
    line++
  }
  return true
}
