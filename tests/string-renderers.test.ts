import fc from 'fast-check'
import type {Element, ElementContent, Root} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {h, s} from 'hastscript'
import {describe, expect, it} from 'vitest'
import type {Severity} from '../scripts/check/finding.js'
import type {FindingRecord} from '../scripts/check/format-findings.js'
import {missingTranslation, needsReview, staleTranslation} from '../scripts/check/rules/segment-state.js'
import {diffWords} from '../scripts/check/word-diff.js'
import type {CoverageRecord} from '../scripts/commands/build.js'
import {barStates} from '../scripts/render/coverage-bar.js'
import {pagePolicy} from '../scripts/render/csp.js'
import type {Html} from '../scripts/render/html-text.js'
import {direction, nativeName} from '../scripts/render/language-info.js'
import {renderPage, type PageParts} from '../scripts/render/page-shell.js'
import {dashboardScript, reviewScript} from '../scripts/render/page-scripts.js'
import {pageStyle, toolStyle} from '../scripts/render/page-style.js'
import {renderDashboard, type DashboardRow} from '../scripts/render/render-dashboard.js'
import {renderIndex} from '../scripts/render/render-index.js'
import {placeFindings, renderReview, reviewLanguage, type ReviewPageInput} from '../scripts/render/render-review.js'
import {rowCoverage} from '../scripts/status/format-status.js'
import type {SegmentState, SegmentStatus, StatusRow} from '../scripts/types.js'
import {uiStrings, type UiStrings} from '../scripts/ui/ui-strings.js'
import {hostileText} from './fuzz/markdown-arbitraries.js'

// The oracle: the pages as they were built before they were written as strings, a hast tree
// serialized by hast-util-to-html. Kept here only, to prove the strings equal.

type TreePageParts = Omit<PageParts, 'head' | 'body'> & {head?: Element[]; body: ElementContent[]}

function treePage(parts: TreePageParts): string {
  const style = parts.style === undefined ? pageStyle : `${pageStyle}\n${parts.style}`
  const script = parts.script
  const page: Root = {
    type: 'root',
    children: [
      {type: 'doctype'},
      h('html', {lang: parts.language, dir: direction(parts.language)}, [
        h('head', [
          h('meta', {charSet: 'utf-8'}),
          ...(script === undefined ? [] : [h('meta', {httpEquiv: 'content-security-policy', content: pagePolicy(style, script)})]),
          h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
          h('title', parts.title),
          ...(parts.head ?? []),
          h('style', style)
        ]),
        h('body', script === undefined ? parts.body : [...parts.body, h('script', script)])
      ])
    ]
  }
  return `${toHtml(page)}\n`
}

function treeReview(input: ReviewPageInput): string {
  const {document, language} = input
  const chrome = reviewLanguage(language)
  const t = uiStrings(chrome)
  const {bySegment, fileFindings} = placeFindings(input)
  const title = t('review_title', {language: nativeName(language), document: document.id})
  return treePage({
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
        h('div', {className: ['controls']}, [treeBar(input.row, t), h('span', t('coverage_bar', {...input.row}))]),
        h('p', t('review_legend')),
        ...(fileFindings.length === 0 ? [] : [h('h2', t('review_file_findings')), treeFindings(fileFindings, input.fileHref, chrome, t)]),
        h('div', {id: 'controls', className: ['controls'], hidden: true}, [
          h('label', [h('input', {type: 'checkbox', id: 'only-work'}), ' ', t('review_only_work')]),
          h('output', {id: 'shown', ariaLive: 'polite', dataTemplate: t('filter_shown', {shown: '{shown}', total: input.statuses.length})})
        ]),
        h('table', {className: ['tool']}, [
          h('thead', h('tr', [h('th', {scope: 'col'}, t('column_state')), h('th', {scope: 'col'}, t('column_source')), h('th', {scope: 'col'}, t('column_translation'))])),
          h(
            'tbody',
            input.statuses.map((status) => treeRow(status, bySegment.get(status.segment.id) ?? [], input, chrome, t))
          )
        ])
      ])
    ]
  })
}

function treeRow(status: SegmentStatus, findings: readonly FindingRecord[], input: ReviewPageInput, chrome: string, t: UiStrings): Element {
  const {segment, state, entry} = status
  const source = input.document.language
  const work = state !== 'translated' || findings.some((finding) => finding.severity !== 'info')
  const line = entry?.place.line
  const sourceCell: ElementContent[] = [h('div', {className: ['text']}, segment.text)]
  if (entry !== undefined && (state === 'stale' || state === 'needs-review')) {
    const diff = diffWords(entry.previousSource ?? entry.source, segment.text).map((part): ElementContent => {
      if (part.kind === 'same') return {type: 'text', value: part.text}
      const [tag, word] = part.kind === 'removed' ? (['del', 'diff_removed'] as const) : (['ins', 'diff_added'] as const)
      return h(tag, [h('span', {className: ['visually-hidden']}, `${t(word)} `), part.text])
    })
    sourceCell.push(h('div', {className: ['diff']}, [h('p', {lang: chrome, dir: direction(chrome)}, t('review_changed')), h('div', {className: ['text']}, diff)]))
  }
  const translation = entry?.translation ?? ''
  return h('tr', {id: `segment-${segment.id}`, className: [`state-${state}`], dataState: state, dataWork: work ? '' : undefined}, [
    h('td', [
      h('span', {className: ['state', `state-${state}`]}, t(`state_${state}`)),
      h('br'),
      h('a', {href: line === undefined ? input.fileHref : `${input.fileHref}#L${line}`, className: ['id']}, [segment.field ?? segment.id, ...(line === undefined ? [] : [', ', t('review_line', {line})])])
    ]),
    h('td', {lang: source, dir: direction(source)}, sourceCell),
    h('td', translation === '' ? {lang: chrome, dir: direction(chrome)} : {lang: input.language, dir: direction(input.language)}, [
      translation === '' ? h('em', t('review_untranslated')) : h('div', {className: ['text']}, translation),
      ...(findings.length === 0 ? [] : [treeFindings(findings, input.fileHref, chrome, t)])
    ])
  ])
}

function treeFindings(findings: readonly FindingRecord[], fileHref: string, chrome: string, t: UiStrings): Element {
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

function treeBar(row: StatusRow, t: UiStrings): Element {
  const label = t('coverage_bar', {translated: row.translated, needsReview: row.needsReview, stale: row.stale, missing: row.missing, total: row.total})
  let x = 0
  const rects: Element[] = []
  for (const [state, key] of barStates) {
    const count = row[key] as number
    if (count === 0 || row.total === 0) continue
    const width = (100 * count) / row.total
    rects.push(s('rect', {className: [`bar-${state}`], x: x.toFixed(3), y: 0, width: width.toFixed(3), height: 10}))
    x += width
  }
  return s('svg', {className: ['bar'], viewBox: '0 0 100 10', preserveAspectRatio: 'none', role: 'img', ariaLabel: label}, [s('title', label), ...rects])
}

const severities: readonly Severity[] = ['error', 'warning', 'info']

function treeDashboard(rows: readonly DashboardRow[], sourceLanguage: string): string {
  const t = uiStrings(sourceLanguage)
  const count = (values: (row: DashboardRow) => string) => new Set(rows.map(values)).size
  const header = (label: string, sort: 'text' | 'number') => h('th', {scope: 'col', dataSort: sort}, label)
  return treePage({
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
            rows.map((row) => treeDashboardRow(row, t))
          )
        ])
      ])
    ]
  })
}

type IndexRecord = Pick<CoverageRecord, 'language' | 'document' | 'status' | 'coverage' | 'published'>

function treeIndex(coverage: readonly IndexRecord[], documents: readonly {id: string; language: string}[]): string {
  const language = documents[0]?.language ?? 'en'
  const t = uiStrings(language)
  return treePage({
    language,
    title: t('index_title'),
    body: [
      h('main', [
        h('h1', t('index_title')),
        ...documents.flatMap((document) => [
          h('h2', document.id),
          h(
            'ul',
            coverage
              .filter((record) => record.document === document.id && record.published)
              .map((record) =>
                h('li', [
                  h('a', {href: `${record.language}/${document.id}.html`, hrefLang: record.language, lang: record.language, dir: direction(record.language)}, nativeName(record.language)),
                  ' ',
                  h('span', {className: ['coverage']}, record.status === 'source' ? `(${t('original')})` : `(${uiStrings(record.language)('coverage', {percent: record.coverage})})`)
                ])
              )
          )
        ])
      ])
    ]
  })
}

function treeDashboardRow({row, findings, reviewHref, pageHref}: DashboardRow, t: UiStrings): Element {
  const {language, document} = row
  const name = nativeName(language)
  const coverage = rowCoverage(row)
  const totals = severities.map((severity) => findings.filter((finding) => finding.severity === severity).reduce((sum, finding) => sum + finding.count, 0))
  const [errors, warnings, infos] = totals as [number, number, number]
  let summary: (Element | string)[] = [t('findings_none')]
  if (findings.length > 0) {
    const parts = severities.flatMap((severity, index) => (totals[index]! > 0 ? [h('span', {className: [`severity-${severity}`]}, t(`findings_${severity}`, {count: totals[index]!}))] : []))
    const rules = findings.flatMap((finding, index) => [...(index === 0 ? [] : [', ']), h('span', {className: ['nowrap']}, `${finding.rule} ×${finding.count}`)])
    summary = [...parts.flatMap((part, index) => (index === 0 ? [part] : [', ', part])), h('br'), h('span', {className: ['id']}, rules)]
  }
  return h('tr', {dataFilter: `${language} ${name} ${document}`.toLowerCase()}, [
    h('th', {scope: 'row', className: ['nowrap'], dataValue: language}, [h('span', {lang: language, dir: direction(language)}, name), ' ', h('span', {className: ['id']}, language)]),
    h('td', {dataValue: document}, document),
    h('td', {dataValue: String(coverage)}, h('div', {className: ['coverage-cell']}, [treeBar(row, t), `${coverage}%`])),
    ...barStates.map(([, key]) => h('td', {className: ['num'], dataValue: String(row[key])}, String(row[key]))),
    h('td', {dataValue: String(errors * 1e8 + warnings * 1e4 + infos)}, summary),
    h('td', {className: ['nowrap']}, [h('a', {href: reviewHref}, t('link_review')), ' · ', pageHref === undefined ? h('span', {className: ['id']}, t('not_published')) : h('a', {href: pageHref, hrefLang: language}, t('link_page'))])
  ])
}

// Generated inputs: hostile text wherever text comes from a translator, a source or a configuration.

const states: readonly SegmentState[] = ['translated', 'needs-review', 'stale', 'missing']
const language = fc.oneof(fc.constantFrom('en', 'es', 'es-PE', 'de', 'fr', 'fa', 'ar', 'he', 'zh-Hans', 'qaa', 'qps-ploc'), hostileText)
const words = fc.array(fc.oneof(fc.constantFrom('people ', 'war ', 'Peru ', 'now! ', '人民', 'جنگ ', '\n'), hostileText), {maxLength: 8}).map((parts) => parts.join(''))
const line = fc.integer({min: 1, max: 5000})
const text = fc.oneof(words, hostileText)
const href = fc.oneof(fc.constantFrom('../../translations/es/statement.md', 'https://github.com/org/repo/blob/main/translations/fa/statement.md', '../status.html', 'statement.html'), hostileText)

const status: fc.Arbitrary<SegmentStatus> = fc
  .record({
    id: fc.oneof(fc.stringMatching(/^[0-9a-f]{8}(-\d)?$/), hostileText),
    text: words,
    field: fc.option(fc.oneof(fc.constantFrom('title', 'description'), hostileText), {nil: undefined}),
    state: fc.constantFrom(...states),
    entry: fc.option(fc.record({translation: fc.oneof(fc.constant(''), text), source: words, previousSource: fc.option(words, {nil: undefined}), line}), {nil: undefined})
  })
  .map(({id, text, field, state, entry}) => ({
    segment: {id, kind: field === undefined ? 'paragraph' : 'field', text, place: {line: 1, column: 1}, ...(field === undefined ? {} : {field})},
    state,
    ...(entry === undefined ? {} : {entry: {id, source: entry.source, translation: entry.translation, ...(entry.previousSource === undefined ? {} : {previousSource: entry.previousSource}), obsolete: false, place: {line: entry.line, column: 1}, translationPlace: {line: entry.line + 1, column: 1}}})
  }))

const row = (language: string, document: string) =>
  fc.record({translated: fc.nat(50), needsReview: fc.nat(50), stale: fc.nat(50), missing: fc.nat(50), obsolete: fc.nat(5)}).map((counts): StatusRow => ({language, document, total: counts.translated + counts.needsReview + counts.stale + counts.missing, ...counts}))

const reviewInput: fc.Arbitrary<ReviewPageInput> = fc
  .record({document: fc.record({id: fc.oneof(fc.constant('statement'), hostileText), language}), language, statuses: fc.array(status, {maxLength: 8}), fileHref: href, statusHref: href, pageHref: fc.option(href, {nil: undefined})})
  .chain((input) =>
    fc.record({
      row: row(input.language, input.document.id),
      findings: fc.array(
        fc.record({
          file: fc.constant('translations/es/statement.md'),
          line,
          column: fc.nat(80),
          severity: fc.constantFrom<Severity>(...severities),
          // The state rules, whose findings a row leaves out, and others.
          rule: fc.oneof(fc.constantFrom(missingTranslation.id, staleTranslation.id, needsReview.id, 'raw-html', 'link-url', 'length-ratio', 'front-matter-required'), hostileText),
          message: text,
          // Findings of current segments, of entries no segment has, and of the whole file.
          segment: fc.option(fc.oneof(fc.constantFrom(...input.statuses.map((status) => status.segment.id), 'obsolete1'), hostileText), {nil: undefined})
        }),
        {maxLength: 8}
      )
    }).map((more) => ({...input, ...more}))
  )

const dashboardRow: fc.Arbitrary<DashboardRow> = fc
  .tuple(language, fc.oneof(fc.constant('statement'), hostileText))
  .chain(([language, document]) =>
    fc.record({
      row: row(language, document),
      findings: fc.array(fc.record({rule: fc.oneof(fc.constantFrom('raw-html', 'stale-translation'), hostileText), severity: fc.constantFrom<Severity>(...severities), count: fc.integer({min: 1, max: 99})}), {maxLength: 4}),
      reviewHref: href,
      pageHref: fc.option(href, {nil: undefined})
    })
  )

const documentId = fc.oneof(fc.constant('statement'), hostileText)

const indexInput = fc.array(fc.record({id: documentId, language}), {minLength: 1, maxLength: 3}).chain((documents) =>
  fc.record({
    documents: fc.constant(documents),
    coverage: fc.array(
      fc.record({
        language,
        document: fc.constantFrom(...documents.map((document) => document.id)),
        status: fc.constantFrom('source', 'draft', 'reviewed'),
        coverage: fc.integer({min: 0, max: 100}),
        published: fc.boolean()
      }),
      {maxLength: 8}
    )
  })
)

// Elements of the kinds pages hold, with hostile text and attribute values.
const treeElement: fc.Arbitrary<Element> = fc
  .record({tag: fc.constantFrom('p', 'nav', 'main', 'a', 'link', 'br', 'span'), title: fc.option(text, {nil: undefined}), href: fc.option(href, {nil: undefined}), content: fc.array(text, {maxLength: 3})})
  .map(({tag, title, href, content}) => h(tag, {title, href}, ['link', 'br'].includes(tag) ? [] : content))

const pageParts: fc.Arbitrary<TreePageParts> = fc.record({
  language,
  title: text,
  head: fc.option(fc.array(treeElement, {maxLength: 3}), {nil: undefined}),
  body: fc.array(treeElement, {maxLength: 4}),
  style: fc.option(fc.constantFrom(toolStyle, 'p{color:red}'), {nil: undefined}),
  script: fc.option(fc.constantFrom(reviewScript, dashboardScript, 'document.body.hidden = false'), {nil: undefined})
})

describe('pages written as strings', () => {
  it('writes review pages equal to the tree, byte for byte', () => {
    fc.assert(
      fc.property(reviewInput, (input) => {
        expect(renderReview(input)).toBe(treeReview(input))
      }),
      {numRuns: 300}
    )
  })

  it('writes every state, finding severity, diff and link of the statement equal to the tree', () => {
    const statuses: SegmentStatus[] = states.map((state, index) => ({
      segment: {id: `0000000${index}`, kind: 'paragraph', text: "Support the People's War in Peru now! <b>&amp;</b>", place: {line: 1, column: 1}},
      state,
      entry: {id: `0000000${index}`, source: 'Support the Revolution in Peru!', translation: index === 3 ? '' : `¡Apoyar </td><script>alert(${index})</script> "x" 'y' &`, obsolete: false, place: {line: 10 * index + 1, column: 1}, translationPlace: {line: 10 * index + 3, column: 1}}
    }))
    const findings: FindingRecord[] = severities.flatMap((severity, index) => [
      {file: 'f', line: index + 1, column: 1, severity, rule: 'raw-html', message: `<img src=x onerror=alert(${index})> & "m"`, segment: `0000000${index}`},
      {file: 'f', line: 1, column: 1, severity, rule: 'front-matter-required', message: 'Front matter has no `status`'}
    ])
    for (const language of ['es', 'fa', 'ar', 'zh-Hans', 'qaa']) {
      for (const pageHref of [undefined, 'statement.html']) {
        const input = {document: {id: 'statement', language: 'en'}, language, statuses, row: {language, document: 'statement', total: 4, translated: 1, needsReview: 1, stale: 1, missing: 1, obsolete: 0}, findings, fileHref: `../../translations/${language}/statement.md`, statusHref: '../status.html', pageHref}
        expect(renderReview(input)).toBe(treeReview(input))
      }
    }
  })

  it('writes the page shell equal to the tree, byte for byte', () => {
    fc.assert(
      fc.property(pageParts, (parts) => {
        // What a caller hands in as HTML, serialized from the same elements.
        const serialized = (nodes: ElementContent[] | undefined) => (nodes === undefined ? undefined : (toHtml(nodes) as Html))
        expect(renderPage({...parts, head: serialized(parts.head), body: serialized(parts.body)})).toBe(treePage(parts))
      }),
      {numRuns: 300}
    )
  })

  it('refuses a stylesheet or script that would end its element early', () => {
    expect(() => renderPage({language: 'en', title: 't', body: undefined, style: 'p{}</STYLE><script>alert(1)</script>'})).toThrow(/cannot contain/)
    expect(() => renderPage({language: 'en', title: 't', body: undefined, script: 'x = "</script>"'})).toThrow(/cannot contain/)
  })

  it('writes dashboards equal to the tree, byte for byte', () => {
    fc.assert(
      fc.property(fc.array(dashboardRow, {maxLength: 6}), fc.constantFrom('en', 'es', 'fa'), (rows, sourceLanguage) => {
        expect(renderDashboard(rows, sourceLanguage)).toBe(treeDashboard(rows, sourceLanguage))
      }),
      {numRuns: 200}
    )
  })

  it('writes indexes equal to the tree, byte for byte', () => {
    fc.assert(
      fc.property(indexInput, ({coverage, documents}) => {
        expect(renderIndex(coverage, documents)).toBe(treeIndex(coverage, documents))
      }),
      {numRuns: 200}
    )
  })
})
