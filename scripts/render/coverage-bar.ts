import type {SegmentState, StatusRow} from '../types.js'
import type {UiStrings} from '../ui/ui-strings.js'
import {element, escapeText, type Html} from './html-text.js'

/** The states of a bar, in drawing order, with their counts in a `StatusRow`. */
export const barStates: readonly (readonly [SegmentState, keyof StatusRow])[] = [
  ['translated', 'translated'],
  ['needs-review', 'needsReview'],
  ['stale', 'stale'],
  ['missing', 'missing']
]

/**
 * A stacked bar of a language's segments by state, as inline SVG (its sizes are attributes, so no
 * inline style is needed and a strict CSP holds), labelled in words for screen readers and on hover.
 * Written as a string: a review page and a dashboard row each have one.
 */
export function coverageBar(row: StatusRow, t: UiStrings): Html {
  const label = t('coverage_bar', {translated: row.translated, needsReview: row.needsReview, stale: row.stale, missing: row.missing, total: row.total})
  let x = 0
  const rects: Html[] = []
  for (const [state, key] of barStates) {
    const count = row[key] as number
    if (count === 0 || row.total === 0) continue
    // Fixed decimals: the same counts always serialize to the same bytes.
    const width = (100 * count) / row.total
    rects.push(element('rect', {class: `bar-${state}`, x: x.toFixed(3), y: '0', width: width.toFixed(3), height: '10'}))
    x += width
  }
  return element('svg', {class: 'bar', viewBox: '0 0 100 10', preserveAspectRatio: 'none', role: 'img', 'aria-label': label}, element('title', {}, escapeText(label)), rects)
}
