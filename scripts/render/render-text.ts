import type {FootnoteDefinition, Nodes, Root, Table} from 'mdast'
import {visitBlocks} from '../parse/visit-blocks.js'
import {defaults} from '../config.js'
import {columnWidth, isNarrowText} from './column-width.js'

/** Options for `renderText`. */
export interface RenderTextOptions {
  /** Wrap width in terminal columns (default 72). */
  width?: number
}

interface State {
  /** Link definition URLs by identifier; the first definition of a label wins, as in CommonMark. */
  definitions: Map<string, string>
  footnoteDefinitions: Map<string, FootnoteDefinition>
  /** Footnote numbers, assigned as references are rendered, so in reading order. */
  footnotes: Map<FootnoteDefinition, number>
}

type InlineHandlers = {[Type in Nodes['type']]?: (node: Extract<Nodes, {type: Type}>, state: State) => Piece[]}
type BlockHandlers = {[Type in Nodes['type']]?: (node: Extract<Nodes, {type: Type}>, state: State, width: number) => string[]}

const hardBreak: Piece = {text: '\n'}
const plain = (text: string): Piece[] => [{text}]
const joined = (pieces: readonly Piece[]) => pieces.map((piece) => (piece === hardBreak ? ' ' : piece.text)).join('')

// Scripts written without spaces, where a line may break between any two characters.
const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303f\u30fb\u30fc\uff00-\uffef]/u
// Kinsoku: what may not start a line (closing brackets, stops, small kana, prolonged sound mark; and
// what extends the character before it: combining marks, vowel and final jamo)…
const noStart = /[!),.:;?\]}»›、。〃々〉》」』】〕〗〙〟〻ぁぃぅぇぉっゃゅょゎゕゖゝゞァィゥェォッャュョヮヵヶ・ーヽヾㇰ-ㇿ！），．：；？］｝｠｡｣､･ｧ-ｯｰﾞﾟ”’…‥\u3000\p{M}\u1160-\u11ff\ud7b0-\ud7ff]/u
// …nor end one (opening brackets and quotes, leading jamo).
const noEnd = /[([{«‹“‘（［｛｟「『【〔〈《〖〘〝｢\u1100-\u115f\ua960-\ua97f]/u
// Across a space only brackets and stops bind (UAX #14): `Pérou !`, `( a )`. Quotes do not: „x“ and »x« differ by language.
const closing = /[!),.:;?\]}、。〉》」』】〕〗〙！），．：；？］｝]/u
const opening = /[([{（［｛「『【〔〈《〖〘]/u
// No-break spaces, word joiners and ZWNJ/ZWJ (Persian, Indic) hold their neighbours together.
const glue = /[\u00a0\u2007\u202f\u2060\ufeff\u200c\u200d]/u

/** Whether a line may break between the code points `before` and `after`, with `space` between them. */
function mayBreak(before: string, space: string, after: string): boolean {
  if (glue.test(before) || glue.test(after)) return false
  if (space !== '') return !opening.test(before) && !closing.test(after)
  return (cjk.test(before) || cjk.test(after)) && !noEnd.test(before) && !noStart.test(after)
}

// The same rules for text of narrow characters only (see `isNarrowText`): no CJK there, and of the
// glue, opening and closing characters only these. By code unit: `before` ends a unit, `after` starts the next.
const noBreakAfterNarrow = new Set([...'([{\u00a0'].map((character) => character.charCodeAt(0)))
const noBreakBeforeNarrow = new Set([...'!),.:;?]}\u00a0'].map((character) => character.charCodeAt(0)))
function mayBreakNarrow(before: number, after: number): boolean {
  return !noBreakAfterNarrow.has(before) && !noBreakBeforeNarrow.has(after)
}

interface Unit {
  /** The spaces before it, dropped when a line breaks there. */
  space: string
  text: string
}

/**
 * Inline content on its way to the wrapper: text, or a run that must stay on one line (`keep`: a
 * `<url>`), or one that must stay on the line of what precedes it (`attach`: a footnote mark).
 */
export interface Piece {
  text: string
  keep?: boolean
  attach?: boolean
}

/** Cut one line's worth of pieces (no hard breaks) into units that a line never breaks inside. */
function units(pieces: readonly Piece[]): Unit[] {
  const result: Unit[] = []
  let space = ''
  let last = ''
  const add = (text: string, attach = false) => {
    const current = result.at(-1)
    if (current === undefined) result.push({space: '', text})
    else if (attach || !mayBreak(last, space, String.fromCodePoint(text.codePointAt(0)!))) current.text += space + text
    else result.push({space, text})
    space = ''
    // The last code point: the final two code units hold it whether or not it is a surrogate pair.
    last = Array.from(text.slice(-2)).at(-1)!
  }
  for (const piece of pieces) {
    if (piece.keep || piece.attach) {
      add(piece.text, piece.attach)
      continue
    }
    for (const [chunk] of piece.text.matchAll(/[ \t]+|[^ \t]+/g)) {
      // Spaces from neighbouring nodes (around dropped HTML, say) count once; a run inside inline code stays as it is.
      if (chunk[0] === ' ' || chunk[0] === '\t') space ||= chunk
      // Only words with CJK characters may break inside, between two code points.
      else if (cjk.test(chunk)) for (const character of chunk) add(character)
      else add(chunk)
    }
  }
  return result
}

/** Greedy fill: a unit goes on the current line if it fits, else starts the next one; a unit wider than `width` stands alone. */
function fill(line: readonly Unit[], width: number): string[] {
  const lines: string[] = []
  let text = ''
  let used = 0
  for (const unit of line) {
    const size = columnWidth(unit.text)
    if (text !== '' && used + unit.space.length + size > width) {
      lines.push(text)
      text = unit.text
      used = size
    } else {
      text += unit.space + unit.text
      used += unit.space.length + size
    }
  }
  lines.push(text)
  return lines
}

/**
 * `fill(units(pieces))` for plain pieces (no `keep` or `attach`) of narrow characters only (see
 * `isNarrowText`), where a code unit is a column and fewer rules apply; `undefined` for any other.
 * Most lines of most languages take it. The pieces are joined as `units` joins them (leading and
 * trailing spaces dropped; of the spaces where two pieces meet, the first piece's), then cut a line at
 * a time: the last space within the width where a line may break, found with `lastIndexOf`, not a
 * word at a time.
 */
function fillNarrow(pieces: readonly Piece[], width: number): string[] | undefined {
  let text = ''
  for (const piece of pieces) {
    if (piece.keep || piece.attach || !isNarrowText(piece.text)) return undefined
    // Narrow text has no tab: its blanks are spaces.
    let start = 0
    if (text === '' || text.charCodeAt(text.length - 1) === 32) while (piece.text.charCodeAt(start) === 32) start++
    text += start === 0 ? piece.text : piece.text.slice(start)
  }
  // Spaces only: trimEnd would take no-break spaces too, which are text here.
  let length = text.length
  while (text.charCodeAt(length - 1) === 32) length--
  text = text.slice(0, length)
  const lines: string[] = []
  let line = 0
  while (text.length - line > width) {
    // The last break within the width, else (a word wider than the width) the first after it.
    const end = lastBreak(text, line, line + width) ?? nextBreak(text, line + width + 1)
    if (end === undefined) break
    lines.push(text.slice(line, end))
    line = end
    while (text.charCodeAt(line) === 32) line++
  }
  lines.push(text.slice(line))
  return lines
}

/** Where a line may end in narrow `text` at the latest, after `start` and by `limit`: the start of a run of spaces a line may break at. */
function lastBreak(text: string, start: number, limit: number): number | undefined {
  for (let space = text.lastIndexOf(' ', limit); space > start; space = text.lastIndexOf(' ', space - 1)) {
    const [first, last] = spaceRun(text, space)
    if (first > start && mayBreakNarrow(text.charCodeAt(first - 1), text.charCodeAt(last))) return first
    space = first
  }
  return undefined
}

/** Where a line may end in narrow `text` at the earliest after `from`. */
function nextBreak(text: string, from: number): number | undefined {
  for (let space = text.indexOf(' ', from); space !== -1; space = text.indexOf(' ', space)) {
    const [first, last] = spaceRun(text, space)
    if (mayBreakNarrow(text.charCodeAt(first - 1), text.charCodeAt(last))) return first
    space = last
  }
  return undefined
}

/** The run of spaces around the space at `index`: where it starts, and where it ends (the next non-space). */
function spaceRun(text: string, index: number): [number, number] {
  let first = index
  while (text.charCodeAt(first - 1) === 32) first--
  let last = index + 1
  while (text.charCodeAt(last) === 32) last++
  return [first, last]
}

/**
 * Wrap one line's worth of pieces (no hard breaks) at `width` columns. `fast`: try the path for narrow
 * characters first (exported to prove it equal to the general one).
 */
export function wrapRow(pieces: readonly Piece[], width: number, fast = true): string[] {
  return (fast ? fillNarrow(pieces, width) : undefined) ?? fill(units(pieces), width)
}

/** Wrap inline content at `width` columns; hard breaks start new lines. */
function wrap(pieces: readonly Piece[], width: number): string[] {
  const rows: Piece[][] = [[]]
  for (const piece of pieces) {
    if (piece === hardBreak) rows.push([])
    else rows.at(-1)!.push(piece)
  }
  return rows.flatMap((row) => wrapRow(row, width))
}

function linked(text: Piece[], url: string): Piece[] {
  const label = joined(text).trim()
  const target: Piece = {text: `<${url}>`, keep: true}
  // Autolinks (`<https://…>`, `<me@example.org>`, GFM's bare `www.…`) would only say the address twice.
  if (label === '' || label === url || `mailto:${label}` === url || `http://${label}` === url) return [target]
  return [...text, {text: ' '}, target]
}

const image = (node: {alt?: string | null}) => plain(`[${node.alt?.replace(/\s+/g, ' ').trim() || 'image'}]`)

// What the text handler folds, short of single spaces.
const foldableSpace = /[\t\r\n]| {2}/

// Emphasis, strong and delete have no handler: the fallback renders their text without markers.
const inlineHandlers: InlineHandlers = {
  // Soft line breaks and runs of spaces become one space; the wrapper decides where lines end.
  text: (node) => plain(foldableSpace.test(node.value) ? node.value.replace(/[ \t\r\n]+/g, ' ') : node.value),
  inlineCode: (node) => plain(node.value.replace(/\r\n?|\n/g, ' ')),
  break: () => [hardBreak],
  // Raw HTML may be hostile and means nothing in plain text.
  html: () => [],
  link: (node, state) => linked(inline(node.children, state), node.url),
  linkReference: (node, state) => {
    const url = state.definitions.get(node.identifier)
    return url === undefined ? inline(node.children, state) : linked(inline(node.children, state), url)
  },
  image,
  imageReference: image,
  footnoteReference: (node, state) => {
    const definition = state.footnoteDefinitions.get(node.identifier)
    if (definition === undefined) return plain(`[^${node.label ?? node.identifier}]`)
    if (!state.footnotes.has(definition)) state.footnotes.set(definition, state.footnotes.size + 1)
    return [{text: `[${state.footnotes.get(definition)}]`, attach: true}]
  }
}

function inline(nodes: readonly Nodes[], state: State): Piece[] {
  return nodes.flatMap((node) => inlineNode(node, state))
}

function inlineNode(node: Nodes, state: State): Piece[] {
  const handler = inlineHandlers[node.type] as ((node: Nodes, state: State) => Piece[]) | undefined
  if (handler) return handler(node, state)
  if ('children' in node) return inline(node.children, state)
  return 'value' in node ? plain(node.value) : []
}

const indent = (lines: readonly string[], prefix: string) => lines.map((line) => (line === '' ? '' : prefix + line))

/** Put `lead` before the first line and align the others under its end (a hanging indent). */
function hang(lines: readonly string[], lead: string): string[] {
  if (lines.length === 0) return [lead.trimEnd()]
  const pad = ' '.repeat(columnWidth(lead))
  return lines.map((line, index) => (index === 0 ? lead + line : line === '' ? '' : pad + line))
}

// Every block is right-trimmed and loses blank edge lines, so blocks join with exactly one blank line.
function tidy(lines: readonly string[]): string[] {
  const trimmed = lines.map((line) => line.trimEnd())
  let start = 0
  let end = trimmed.length
  while (start < end && trimmed[start] === '') start++
  while (end > start && trimmed[end - 1] === '') end--
  return trimmed.slice(start, end)
}

function blocks(nodes: readonly Nodes[], state: State, width: number, loose = true): string[] {
  return nodes
    .map((node) => block(node, state, width))
    .filter((lines) => lines.length > 0)
    .flatMap((lines, index) => (index > 0 && loose ? ['', ...lines] : lines))
}

function table(node: Table, state: State): string[] {
  const rows = node.children.map((row) => row.children.map((cell) => joined(inline(cell.children, state)).trim()))
  const widths: number[] = []
  for (const row of rows) for (const [column, cell] of row.entries()) widths[column] = Math.max(widths[column] ?? 1, columnWidth(cell))
  const pad = (text: string, column: number) => {
    const space = widths[column]! - columnWidth(text)
    const align = node.align?.[column]
    if (align === 'right') return ' '.repeat(space) + text
    if (align === 'center') return ' '.repeat(Math.floor(space / 2)) + text + ' '.repeat(Math.ceil(space / 2))
    return text + ' '.repeat(space)
  }
  const line = (cells: readonly string[]) => widths.map((_, column) => pad(cells[column] ?? '', column)).join('  ')
  const [header = [], ...body] = rows
  return [line(header), widths.map((size) => '-'.repeat(size)).join('  '), ...body.map(line)]
}

// Each handler renders its block at column 0 within `width`; containers indent what their children render.
const blockHandlers: BlockHandlers = {
  paragraph: (node, state, width) => wrap(inline(node.children, state), width),
  heading: (node, state, width) => {
    const lines = tidy(wrap(inline(node.children, state), width))
    if (lines.length === 0) return []
    // reduce, not Math.max(...): a heading can have more lines (hard breaks) than a call has arguments.
    return [...lines, (node.depth === 1 ? '=' : '-').repeat(lines.reduce((widest, line) => Math.max(widest, columnWidth(line)), 0))]
  },
  blockquote: (node, state, width) => indent(blocks(node.children, state, Math.max(1, width - 4)), '    '),
  list: (node, state, width) => {
    // A list is loose if any item is: then every item and every block in an item is set apart.
    const loose = node.spread === true || node.children.some((item) => item.spread === true)
    return node.children.flatMap((item, index) => {
      const marker = node.ordered ? `${(node.start ?? 1) + index}. ` : '- '
      const lead = marker + (item.checked === true ? '[x] ' : item.checked === false ? '[ ] ' : '')
      const lines = hang(blocks(item.children, state, Math.max(1, width - columnWidth(lead)), loose), lead)
      return index > 0 && loose ? ['', ...lines] : lines
    })
  },
  code: (node) => indent(node.value.split(/\r\n?|\n/), '    '),
  thematicBreak: () => ['* * *'],
  table: (node, state) => table(node, state),
  definition: () => [],
  // Printed at the end, in order of first reference.
  footnoteDefinition: () => []
}

function block(node: Nodes, state: State, width: number): string[] {
  const handler = blockHandlers[node.type] as ((node: Nodes, state: State, width: number) => string[]) | undefined
  if (handler) return tidy(handler(node, state, width))
  // Types without a handler (raw HTML, or from other plugins): block children as blocks, else the text as a paragraph.
  if ('children' in node && node.children.some((child) => child.type in blockHandlers)) return blocks(node.children, state, width)
  return tidy(wrap(inlineNode(node, state), width))
}

function footnotes(state: State, width: number): string[] {
  const notes: string[][] = []
  // Notes may reference further notes: the map grows while this loop runs, and iteration picks that up.
  for (const [definition, number] of state.footnotes) {
    const lead = `[${number}] `
    notes.push(hang(blocks(definition.children, state, Math.max(1, width - columnWidth(lead))), lead))
  }
  // One line a note, unless a note has several blocks: then a blank line between notes too, as in a loose list.
  const loose = notes.some((lines) => lines.includes(''))
  return notes.flatMap((lines, index) => (index > 0 && loose ? ['', ...lines] : lines))
}

/**
 * Render an mdast tree (CommonMark + GFM) as plain text: paragraphs wrapped at `width` terminal
 * columns (breaking at spaces, and between CJK characters where kinsoku allows), headings underlined,
 * quotes, lists and code indented, links as `text <url>`, tables aligned, footnotes numbered and
 * listed at the end; emphasis markers, image URLs and raw HTML are dropped.
 */
export function renderText(tree: Root, options: RenderTextOptions = {}): string {
  const width = Math.max(1, options.width ?? defaults.width)
  const state: State = {definitions: new Map(), footnoteDefinitions: new Map(), footnotes: new Map()}
  visitBlocks(tree, (node) => {
    if (node.type === 'definition' && !state.definitions.has(node.identifier)) state.definitions.set(node.identifier, node.url)
    if (node.type === 'footnoteDefinition' && !state.footnoteDefinitions.has(node.identifier)) state.footnoteDefinitions.set(node.identifier, node)
  })
  const lines = blocks(tree.children, state, width)
  const notes = footnotes(state, width)
  if (notes.length > 0) lines.push(...(lines.length > 0 ? [''] : []), '---', ...notes)
  return `${lines.join('\n')}\n`
}
