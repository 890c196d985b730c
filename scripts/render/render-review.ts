import type {Element, ElementContent} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import type {FindingRecord} from '../check/format-findings.js'
import {missingTranslation, needsReview, staleTranslation} from '../check/rules/segment-state.js'
import {diffWords} from '../check/word-diff.js'
import type {SegmentStatus, StatusRow} from '../types.js'
import {uiLocales, uiStrings, type UiStrings} from '../ui/ui-strings.js'
import {coverageBar, stateLabel} from './coverage-bar.js'
import {direction, nativeName} from './language-info.js'
import {fillSlots, renderPage, slot} from './page-shell.js'
import {reviewScript} from './page-scripts.js'
import {toolStyle} from './page-style.js'

/** What a review page shows: one language's segment file of one document, checked. */
export interface ReviewPageInput {
  document: {id: string; language: string}
  language: string
  /** State of every source segment, in source order. */
  statuses: readonly SegmentStatus[]
  row: StatusRow
  /** The check findings of this segment file. */
  findings: readonly FindingRecord[]
  /** URL of the segment file; `#L<line>` is appended for a line. */
  fileHref: string
  /** URL of the dashboard. */
  statusHref: string
  /** URL of the built page, when it is published. */
  pageHref?: string
}

const stateRules = new Set([missingTranslation.id, staleTranslation.id, needsReview.id])

/**
 * The language of a review page's own words: the translator's (or its most specific more general tag,
 * `es-PE` → `es`) when the UI strings have the review page's, else English.
 */
export function reviewLanguage(language: string): string {
  const parts = language.split('-')
  for (let length = parts.length; length > 0; length--) {
    const tag = parts.slice(0, length).join('-')
    if (uiLocales[tag]?.review_title !== undefined) return tag
  }
  return 'en'
}

/**
 * `dist/<lang>/<doc>.review.html`: source and translation side by side, a row per segment with its
 * state in words, a word diff of the source change for stale and needs-review rows, the check
 * findings inline, and a link to the segment's line in the segment file. Translator text is only ever
 * a text node of the tree, escaped when serialized. A filter to show only the segments that need work
 * is added by a script allowed by hash; without it every row is shown.
 */
export function renderReview(input: ReviewPageInput): string {
  const {document, language} = input
  const chrome = reviewLanguage(language)
  const t = uiStrings(chrome)
  const bySegment = new Map<string, FindingRecord[]>()
  for (const finding of input.findings) {
    // A row shows its state in words and the source change as a diff: these would say it again.
    if (finding.segment === undefined || stateRules.has(finding.rule)) continue
    const list = bySegment.get(finding.segment)
    if (list === undefined) bySegment.set(finding.segment, [finding])
    else list.push(finding)
  }
  const current = new Set(input.statuses.map((status) => status.segment.id))
  // Front matter, obsolete and unknown entries: findings no current segment row can show.
  const fileFindings = input.findings.filter((finding) => finding.segment === undefined || !current.has(finding.segment))
  // Serialized a row at a time and spliced in: a document of thousands of segments never has all its
  // rows as one tree.
  const rows = input.statuses.map((status) => toHtml(segmentRow(status, bySegment.get(status.segment.id) ?? [], input, chrome, t))).join('')
  const title = t('review_title', {language: nativeName(language), document: document.id})
  const page = renderPage({
    language: chrome,
    title,
    style: toolStyle,
    script: reviewScript,
    body: [
      h('nav', {ariaLabel: title}, [
        h('ul', [
          h('li', h('a', {href: input.statusHref}, t('review_all'))),
          ...(input.pageHref === undefined ? [] : [h('li', h('a', {href: input.pageHref, hrefLang: language}, t('review_page')))]),
          h('li', h('a', {href: input.fileHref}, t('review_file')))
        ])
      ]),
      h('main', [
        h('h1', title),
        h('div', {className: ['controls']}, [coverageBar(input.row, t), h('span', t('coverage_bar', {...input.row}))]),
        h('p', t('review_legend')),
        ...(fileFindings.length === 0 ? [] : [h('h2', t('review_file_findings')), findingList(fileFindings, input.fileHref, chrome, t)]),
        h('div', {id: 'controls', className: ['controls'], hidden: true}, [
          h('label', [h('input', {type: 'checkbox', id: 'only-work'}), ' ', t('review_only_work')]),
          h('output', {id: 'shown', ariaLive: 'polite', dataTemplate: t('filter_shown', {shown: '{shown}', total: input.statuses.length})})
        ]),
        h('table', {className: ['tool']}, [
          h('thead', h('tr', [h('th', {scope: 'col'}, t('column_state')), h('th', {scope: 'col'}, t('column_source')), h('th', {scope: 'col'}, t('column_translation'))])),
          h('tbody', [slot('rows')])
        ])
      ])
    ]
  })
  return fillSlots(page, {rows})
}

function segmentRow(status: SegmentStatus, findings: readonly FindingRecord[], input: ReviewPageInput, chrome: string, t: UiStrings): Element {
  const {segment, state, entry} = status
  const source = input.document.language
  const work = state !== 'translated' || findings.some((finding) => finding.severity !== 'info')
  const line = entry?.place.line
  const sourceCell: ElementContent[] = [h('div', {className: ['text']}, segment.text)]
  if (entry !== undefined && (state === 'stale' || state === 'needs-review')) {
    sourceCell.push(h('div', {className: ['diff']}, [h('p', {lang: chrome, dir: direction(chrome)}, t('review_changed')), h('div', {className: ['text']}, wordDiff(entry.previousSource ?? entry.source, segment.text, t))]))
  }
  const translation = entry?.translation ?? ''
  return h('tr', {id: `segment-${segment.id}`, className: [`state-${state}`], dataState: state, dataWork: work ? '' : undefined}, [
    h('td', [
      stateLabel(state, t),
      h('br'),
      h('a', {href: line === undefined ? input.fileHref : `${input.fileHref}#L${line}`, className: ['id']}, [
        segment.field ?? segment.id,
        ...(line === undefined ? [] : [', ', t('review_line', {line})])
      ])
    ]),
    h('td', {lang: source, dir: direction(source)}, sourceCell),
    h('td', translation === '' ? {lang: chrome, dir: direction(chrome)} : {lang: input.language, dir: direction(input.language)}, [
      translation === '' ? h('em', t('review_untranslated')) : h('div', {className: ['text']}, translation),
      ...(findings.length === 0 ? [] : [findingList(findings, input.fileHref, chrome, t)])
    ])
  ])
}

/** Removed and added words as `<del>` and `<ins>`, each also introduced in words for screen readers. */
function wordDiff(before: string, after: string, t: UiStrings): ElementContent[] {
  return diffWords(before, after).map((part) => {
    if (part.kind === 'same') return {type: 'text', value: part.text}
    const [tag, word] = part.kind === 'removed' ? (['del', 'diff_removed'] as const) : (['ins', 'diff_added'] as const)
    return h(tag, [h('span', {className: ['visually-hidden']}, `${t(word)} `), part.text])
  })
}

/** Findings with their severity in words and rule ID, in the page's language; the messages are English. */
function findingList(findings: readonly FindingRecord[], fileHref: string, chrome: string, t: UiStrings): Element {
  return h(
    'ul',
    {className: ['findings'], lang: chrome, dir: direction(chrome)},
    findings.map((finding) =>
      h('li', [
        h('span', {className: [`severity-${finding.severity}`]}, t(`severity_${finding.severity}`)),
        ': ',
        h('span', {lang: 'en', dir: 'ltr'}, finding.message),
        ' ',
        h('a', {href: `${fileHref}#L${finding.line}`, className: ['id']}, `${finding.rule}, ${t('review_line', {line: finding.line})}`)
      ])
    )
  )
}
