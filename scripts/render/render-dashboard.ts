import type {Severity} from '../check/finding.js'
import {rowCoverage} from '../status/format-status.js'
import type {StatusRow} from '../types.js'
import {uiStrings, type UiStrings} from '../ui/ui-strings.js'
import {barStates, coverageBar} from './coverage-bar.js'
import {element, escapeText, joinHtml, type Content, type Html} from './html-text.js'
import {direction, nativeName} from './language-info.js'
import {renderPage} from './page-shell.js'
import {dashboardScript} from './page-scripts.js'
import {toolStyle} from './page-style.js'

/** How many findings of one rule a segment file has. */
export interface RuleCount {
  rule: string
  severity: Severity
  count: number
}

/** One language and document on the dashboard. */
export interface DashboardRow {
  row: StatusRow
  /** Its check findings, counted per rule. */
  findings: readonly RuleCount[]
  /** URL of its review page. */
  reviewHref: string
  /** URL of its built page, when it is published. */
  pageHref?: string
}

const severities: readonly Severity[] = ['error', 'warning', 'info']

/**
 * `dist/status.html`: every language × document with a coverage bar, its counts by state, its check
 * findings and links to its review page and built page. A filter box and sortable columns (buttons in
 * a sticky header) are added by a script allowed by hash; without it the table is complete, in order.
 * One row per language and document, built in one pass: linear in their number. Written as strings
 * (`element`, `escapeText`), the same bytes as the hast tree it was (a property test holds them equal),
 * with a coverage bar each.
 */
export function renderDashboard(rows: readonly DashboardRow[], sourceLanguage: string): string {
  const t = uiStrings(sourceLanguage)
  const count = (values: (row: DashboardRow) => string) => new Set(rows.map(values)).size
  const header = (label: string, sort: 'text' | 'number') => element('th', {scope: 'col', 'data-sort': sort}, escapeText(label))
  return renderPage({
    language: sourceLanguage,
    title: t('status_title'),
    style: toolStyle,
    script: dashboardScript,
    body: element(
      'main',
      {},
      element('h1', {}, escapeText(t('status_title'))),
      element(
        'p',
        {},
        escapeText(
          t('status_summary', {
            translations: t('count_translations', {count: rows.length}),
            languages: t('count_languages', {count: count((row) => row.row.language)}),
            documents: t('count_documents', {count: count((row) => row.row.document)})
          })
        )
      ),
      element(
        'div',
        {id: 'controls', class: 'controls', role: 'search', hidden: true},
        element('label', {for: 'filter'}, escapeText(t('filter_label'))),
        element('input', {type: 'search', id: 'filter', autocomplete: 'off', spellcheck: 'false'}),
        element('output', {id: 'shown', for: 'filter', 'aria-live': 'polite', 'data-template': t('filter_shown', {shown: '{shown}', total: rows.length})})
      ),
      element(
        'table',
        {class: 'tool'},
        element(
          'thead',
          {},
          element(
            'tr',
            {},
            header(t('column_language'), 'text'),
            header(t('column_document'), 'text'),
            header(t('column_coverage'), 'number'),
            barStates.map(([state]) => header(t(`state_${state}`), 'number')),
            header(t('column_findings'), 'number'),
            element('th', {scope: 'col'}, escapeText(t('column_links')))
          )
        ),
        element(
          'tbody',
          {},
          rows.map((row) => dashboardRow(row, t))
        )
      )
    )
  })
}

function dashboardRow({row, findings, reviewHref, pageHref}: DashboardRow, t: UiStrings): Html {
  const {language, document} = row
  const name = nativeName(language)
  const coverage = rowCoverage(row)
  const totals = severities.map((severity) => findings.filter((finding) => finding.severity === severity).reduce((sum, finding) => sum + finding.count, 0))
  const [errors, warnings, infos] = totals as [number, number, number]
  return element(
    'tr',
    {'data-filter': `${language} ${name} ${document}`.toLowerCase()},
    element('th', {scope: 'row', class: 'nowrap', 'data-value': language}, element('span', {lang: language, dir: direction(language)}, escapeText(name)), escapeText(' '), element('span', {class: 'id'}, escapeText(language))),
    element('td', {'data-value': document}, escapeText(document)),
    element('td', {'data-value': String(coverage)}, element('div', {class: 'coverage-cell'}, coverageBar(row, t), escapeText(`${coverage}%`))),
    barStates.map(([, key]) => element('td', {class: 'num', 'data-value': String(row[key])}, escapeText(String(row[key])))),
    // Sorted by errors, then warnings, then infos.
    element('td', {'data-value': String(errors * 1e8 + warnings * 1e4 + infos)}, findingSummary(findings, totals, t)),
    element(
      'td',
      {class: 'nowrap'},
      element('a', {href: reviewHref}, escapeText(t('link_review'))),
      escapeText(' · '),
      pageHref === undefined ? element('span', {class: 'id'}, escapeText(t('not_published'))) : element('a', {href: pageHref, hreflang: language}, escapeText(t('link_page')))
    )
  )
}

/** `2 errors, 1 warning` in words, the error count marked, and the rules with their counts. */
function findingSummary(findings: readonly RuleCount[], totals: readonly number[], t: UiStrings): Content {
  if (findings.length === 0) return escapeText(t('findings_none'))
  const parts = severities.flatMap((severity, index) => (totals[index]! > 0 ? [element('span', {class: `severity-${severity}`}, escapeText(t(`findings_${severity}`, {count: totals[index]!})))] : []))
  // A rule ID never breaks at its hyphens.
  const rules = findings.map((finding) => element('span', {class: 'nowrap'}, escapeText(`${finding.rule} ×${finding.count}`)))
  return [joinHtml(parts, ', '), element('br', {}), element('span', {class: 'id'}, joinHtml(rules, ', '))]
}
