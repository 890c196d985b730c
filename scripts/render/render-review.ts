import type {FindingRecord} from '../check/format-findings.js'
import {missingTranslation, needsReview, staleTranslation} from '../check/rules/segment-state.js'
import {diffWords} from '../check/word-diff.js'
import type {Segment, SegmentStatus, StatusRow} from '../types.js'
import {uiLocales, uiStrings, type UiStrings} from '../ui/ui-strings.js'
import {coverageBar} from './coverage-bar.js'
import {element, escapeText, type Content, type Html} from './html-text.js'
import {direction, nativeName} from './language-info.js'
import {renderPage} from './page-shell.js'
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
 * Where a review page shows each finding: in its segment's row, or above the table when no current
 * segment has it (front matter, obsolete and unknown entries). Findings of a row's state are left out:
 * the row shows its state in words and the source change as a diff.
 */
export function placeFindings(input: Pick<ReviewPageInput, 'statuses' | 'findings'>): {bySegment: Map<string, FindingRecord[]>; fileFindings: FindingRecord[]} {
  const bySegment = new Map<string, FindingRecord[]>()
  for (const finding of input.findings) {
    if (finding.segment === undefined || stateRules.has(finding.rule)) continue
    const list = bySegment.get(finding.segment)
    if (list === undefined) bySegment.set(finding.segment, [finding])
    else list.push(finding)
  }
  const current = new Set(input.statuses.map((status) => status.segment.id))
  const fileFindings = input.findings.filter((finding) => finding.segment === undefined || !current.has(finding.segment))
  return {bySegment, fileFindings}
}

/**
 * `dist/<lang>/<doc>.review.html`: source and translation side by side, a row per segment with its
 * state in words, a word diff of the source change for stale and needs-review rows, the check
 * findings inline, and a link to the segment's line in the segment file. A filter to show only the
 * segments that need work is added by a script allowed by hash; without it every row is shown.
 *
 * The content is written as strings with `element` and `escapeText`, which escape every value, so
 * translator text is only ever text. They write the bytes hast-util-to-html wrote for the hast tree
 * this was before (a property test holds them equal), without building that tree: a build makes a
 * review page per language, and the tree took most of the page's time.
 */
export function renderReview(input: ReviewPageInput): string {
  const {document, language} = input
  const chrome = reviewLanguage(language)
  const t = uiStrings(chrome)
  const {bySegment, fileFindings} = placeFindings(input)
  const title = t('review_title', {language: nativeName(language), document: document.id})
  const link = (href: string, label: string, hreflang?: string) => element('li', {}, element('a', {href, hreflang}, escapeText(label)))
  const content = [
    element(
      'nav',
      {'aria-label': title},
      element('ul', {}, link(input.statusHref, t('review_all')), input.pageHref === undefined ? undefined : link(input.pageHref, t('review_page'), language), link(input.fileHref, t('review_file')))
    ),
    element(
      'main',
      {},
      element('h1', {}, escapeText(title)),
      element('div', {class: 'controls'}, coverageBar(input.row, t), element('span', {}, escapeText(t('coverage_bar', {...input.row})))),
      element('p', {}, escapeText(t('review_legend'))),
      fileFindings.length === 0 ? undefined : [element('h2', {}, escapeText(t('review_file_findings'))), findingList(fileFindings, input.fileHref, chrome, t)],
      element(
        'div',
        {id: 'controls', class: 'controls', hidden: true},
        element('label', {}, element('input', {type: 'checkbox', id: 'only-work'}), escapeText(` ${t('review_only_work')}`)),
        element('output', {id: 'shown', 'aria-live': 'polite', 'data-template': t('filter_shown', {shown: '{shown}', total: input.statuses.length})})
      ),
      element(
        'table',
        {class: 'tool'},
        element('thead', {}, element('tr', {}, ['column_state', 'column_source', 'column_translation'].map((key) => element('th', {scope: 'col'}, escapeText(t(key)))))),
        element('tbody', {}, input.statuses.map((status) => segmentRow(status, bySegment.get(status.segment.id) ?? [], input, chrome, t)))
      )
    )
  ]
  return renderPage({language: chrome, title, style: toolStyle, script: reviewScript, body: content})
}

function segmentRow(status: SegmentStatus, findings: readonly FindingRecord[], input: ReviewPageInput, chrome: string, t: UiStrings): Html {
  const {segment, state, entry} = status
  const source = input.document.language
  const work = state !== 'translated' || findings.some((finding) => finding.severity !== 'info')
  const line = entry?.place.line
  const translation = entry?.translation ?? ''
  const translated = translation !== ''
  const target = translated ? input.language : chrome
  // The source the translation was made for, when it has changed since.
  const changed = entry !== undefined && (state === 'stale' || state === 'needs-review') ? entry.previousSource ?? entry.source : undefined
  return element(
    'tr',
    {id: `segment-${segment.id}`, class: `state-${state}`, 'data-state': state, 'data-work': work ? '' : undefined},
    element(
      'td',
      {},
      // The state in words, its color a border beside them.
      element('span', {class: `state state-${state}`}, escapeText(t(`state_${state}`))),
      element('br', {}),
      element(
        'a',
        {href: line === undefined ? input.fileHref : `${input.fileHref}#L${line}`, class: 'id'},
        escapeText(segment.field ?? segment.id),
        line === undefined ? undefined : escapeText(`, ${t('review_line', {line})}`)
      )
    ),
    element(
      'td',
      {lang: source, dir: direction(source)},
      sourceText(segment),
      changed === undefined ? undefined : element('div', {class: 'diff'}, element('p', {lang: chrome, dir: direction(chrome)}, escapeText(t('review_changed'))), textBlock(wordDiff(changed, segment.text, t)))
    ),
    element(
      'td',
      {lang: target, dir: direction(target)},
      translated ? textBlock(escapeText(translation)) : element('em', {}, escapeText(t('review_untranslated'))),
      findings.length === 0 ? undefined : findingList(findings, input.fileHref, chrome, t)
    )
  )
}

// Every language's review page shows the same source segments: each one's text is written once.
const sourceTexts = new WeakMap<Segment, Html>()

/** A row's source text, as `textBlock` writes it. */
function sourceText(segment: Segment): Html {
  let text = sourceTexts.get(segment)
  if (text === undefined) sourceTexts.set(segment, (text = textBlock(escapeText(segment.text))))
  return text
}

/** Source or translation text, its white space and line breaks kept. */
function textBlock(content: Content): Html {
  return element('div', {class: 'text'}, content)
}

/** Removed and added words as `<del>` and `<ins>`, each also introduced in words for screen readers. */
function wordDiff(before: string, after: string, t: UiStrings): Html[] {
  return diffWords(before, after).map((part) => {
    if (part.kind === 'same') return escapeText(part.text)
    const [tag, word] = part.kind === 'removed' ? (['del', 'diff_removed'] as const) : (['ins', 'diff_added'] as const)
    return element(tag, {}, element('span', {class: 'visually-hidden'}, escapeText(`${t(word)} `)), escapeText(part.text))
  })
}

/** Findings with their severity in words and rule ID, in the page's language; the messages are English. */
function findingList(findings: readonly FindingRecord[], fileHref: string, chrome: string, t: UiStrings): Html {
  return element(
    'ul',
    {class: 'findings', lang: chrome, dir: direction(chrome)},
    findings.map((finding) =>
      element(
        'li',
        {},
        element('span', {class: `severity-${finding.severity}`}, escapeText(t(`severity_${finding.severity}`))),
        escapeText(': '),
        element('span', {lang: 'en', dir: 'ltr'}, escapeText(finding.message)),
        escapeText(' '),
        element('a', {href: `${fileHref}#L${finding.line}`, class: 'id'}, escapeText(`${finding.rule}, ${t('review_line', {line: finding.line})}`))
      )
    )
  )
}
