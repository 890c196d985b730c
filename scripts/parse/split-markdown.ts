import type {Root} from 'mdast'
import type {Point} from 'unist'
import {visit} from 'unist-util-visit'

/**
 * Where a document can be cut in two so that each part, parsed alone, gives the blocks the whole
 * gives: the first such place at or after `from`, or `undefined`. The cut comes after a blank line and
 * before a line that starts with an ASCII letter, which opens a paragraph and continues no list,
 * quote, footnote or indented code; the line before the blank line starts with a letter too, so the
 * block it ends is most likely a paragraph (`joinTrees` refuses the cut when it is code or HTML,
 * which a blank line does not close). None in text with definitions, which a reference may use from
 * anywhere, or with carriage returns, which would make line counting differ from the parser's.
 */
export function findCut(text: string, from: number): number | undefined {
  if (text.includes(']:') || text.includes('\r')) return undefined
  for (let at = text.indexOf('\n\n', from); at !== -1; at = text.indexOf('\n\n', at + 1)) {
    if (isLetter(text.charCodeAt(at + 2)) && isLetter(text.charCodeAt(text.lastIndexOf('\n', at - 1) + 1))) return at + 2
  }
  return undefined
}

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
}

/**
 * The tree of `text` from the trees of its two parts, `text.slice(0, cut)` and `text.slice(cut)` with
 * `cut` from `findCut`: the second part's positions moved to where it sits in the whole. `undefined`
 * when the first part ends with code or HTML, which may run on past the cut in the whole.
 */
export function joinTrees(head: Root, tail: Root, text: string, cut: number): Root | undefined {
  const last = head.children.at(-1)
  if (last === undefined || last.type === 'code' || last.type === 'html' || head.position === undefined || tail.position === undefined) return undefined
  let lines = 0
  for (let at = text.indexOf('\n'); at !== -1 && at < cut; at = text.indexOf('\n', at + 1)) lines++
  const move = (point: Point): Point => ({line: point.line + lines, column: point.column, offset: point.offset === undefined ? undefined : point.offset + cut})
  visit(tail, (node) => {
    if (node.position !== undefined && node !== tail) node.position = {start: move(node.position.start), end: move(node.position.end)}
  })
  return {type: 'root', children: [...head.children, ...tail.children], position: {start: head.position.start, end: move(tail.position.end)}}
}
