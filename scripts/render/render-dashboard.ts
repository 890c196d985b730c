import type {Element} from 'hast'
import {h} from 'hastscript'
import type {Severity} from '../check/finding.js'
import {rowCoverage} from '../status/format-status.js'
import type {StatusRow} from '../types.js'
import {uiStrings, type UiStrings} from '../ui/ui-strings.js'
import {barStates, coverageBar} from './coverage-bar.js'
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
 * One row per language and document, built in one pass: linear in their number.
 */
export function renderDashboard(rows: readonly DashboardRow[], sourceLanguage: string): string {
  const t = uiStrings(sourceLanguage)
  const count = (values: (row: DashboardRow) => string) => new Set(rows.map(values)).size
  const header = (label: string, sort: 'text' | 'number') => h('th', {scope: 'col', dataSort: sort}, label)
  return renderPage({
    language: sourceLanguage,
    title: t('status_title'),
    style: toolStyle,
    script: dashboardScript,
    body: [
      h('main', [
        h('h1', t('status_title')),
        h(
          'p',
          t('status_summary', {
            translations: t('count_translations', {count: rows.length}),
            languages: t('count_languages', {count: count((row) => row.row.language)}),
            documents: t('count_documents', {count: count((row) => row.row.document)})
          })
        ),
        h('div', {id: 'controls', className: ['controls'], role: 'search', hidden: true}, [
          h('label', {htmlFor: 'filter'}, t('filter_label')),
          h('input', {type: 'search', id: 'filter', autoComplete: 'off', spellCheck: 'false'}),
          h('output', {id: 'shown', htmlFor: 'filter', ariaLive: 'polite', dataTemplate: t('filter_shown', {shown: '{shown}', total: rows.length})})
        ]),
        h('table', {className: ['tool']}, [
          h(
            'thead',
            h('tr', [
              header(t('column_language'), 'text'),
              header(t('column_document'), 'text'),
              header(t('column_coverage'), 'number'),
              ...barStates.map(([state]) => header(t(`state_${state}`), 'number')),
              header(t('column_findings'), 'number'),
              h('th', {scope: 'col'}, t('column_links'))
            ])
          ),
          h(
            'tbody',
            rows.map((row) => dashboardRow(row, t))
          )
        ])
      ])
    ]
  })
}

function dashboardRow({row, findings, reviewHref, pageHref}: DashboardRow, t: UiStrings): Element {
  const {language, document} = row
  const name = nativeName(language)
  const coverage = rowCoverage(row)
  const totals = severities.map((severity) => findings.filter((finding) => finding.severity === severity).reduce((sum, finding) => sum + finding.count, 0))
  const [errors, warnings, infos] = totals as [number, number, number]
  return h('tr', {dataFilter: `${language} ${name} ${document}`.toLowerCase()}, [
    h('th', {scope: 'row', className: ['nowrap'], dataValue: language}, [h('span', {lang: language, dir: direction(language)}, name), ' ', h('span', {className: ['id']}, language)]),
    h('td', {dataValue: document}, document),
    h('td', {dataValue: String(coverage)}, h('div', {className: ['coverage-cell']}, [coverageBar(row, t), `${coverage}%`])),
    ...barStates.map(([, key]) => h('td', {className: ['num'], dataValue: String(row[key])}, String(row[key]))),
    // Sorted by errors, then warnings, then infos.
    h('td', {dataValue: String(errors * 1e8 + warnings * 1e4 + infos)}, findingSummary(findings, totals, t)),
    h('td', {className: ['nowrap']}, [h('a', {href: reviewHref}, t('link_review')), ' · ', pageHref === undefined ? h('span', {className: ['id']}, t('not_published')) : h('a', {href: pageHref, hrefLang: language}, t('link_page'))])
  ])
}

/** `2 errors, 1 warning` in words, the error count marked, and the rules with their counts. */
function findingSummary(findings: readonly RuleCount[], totals: readonly number[], t: UiStrings): (Element | string)[] {
  if (findings.length === 0) return [t('findings_none')]
  const parts = severities.flatMap((severity, index) => (totals[index]! > 0 ? [h('span', {className: [`severity-${severity}`]}, t(`findings_${severity}`, {count: totals[index]!}))] : []))
  // A rule ID never breaks at its hyphens.
  const rules = findings.flatMap((finding, index) => [...(index === 0 ? [] : [', ']), h('span', {className: ['nowrap']}, `${finding.rule} ×${finding.count}`)])
  return [...parts.flatMap((part, index) => (index === 0 ? [part] : [', ', part])), h('br'), h('span', {className: ['id']}, rules)]
}
