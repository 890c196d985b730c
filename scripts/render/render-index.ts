import type {CoverageRecord} from '../commands/build.js'
import type {SourceDocument} from '../types.js'
import {uiStrings} from '../ui/ui-strings.js'
import {element, escapeText} from './html-text.js'
import {direction, nativeName} from './language-info.js'
import {renderPage} from './page-shell.js'

/**
 * `dist/index.html`: every published language of every document, with its native name and coverage.
 */
export function renderIndex(coverage: readonly Pick<CoverageRecord, 'language' | 'document' | 'status' | 'coverage' | 'published'>[], documents: readonly Pick<SourceDocument, 'id' | 'language'>[]): string {
  const language = documents[0]?.language ?? 'en'
  const t = uiStrings(language)
  return renderPage({
    language,
    title: t('index_title'),
    body: element(
      'main',
      {},
      element('h1', {}, escapeText(t('index_title'))),
      documents.map((document) => [
        element('h2', {}, escapeText(document.id)),
        element(
          'ul',
          {},
          coverage
            .filter((record) => record.document === document.id && record.published)
            .map((record) =>
              element(
                'li',
                {},
                element('a', {href: `${record.language}/${document.id}.html`, hreflang: record.language, lang: record.language, dir: direction(record.language)}, escapeText(nativeName(record.language))),
                escapeText(' '),
                element('span', {class: 'coverage'}, escapeText(record.status === 'source' ? `(${t('original')})` : `(${uiStrings(record.language)('coverage', {percent: record.coverage})})`))
              )
            )
        )
      ])
    )
  })
}
