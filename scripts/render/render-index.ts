import {h} from 'hastscript'
import type {CoverageRecord} from '../commands/build.js'
import type {SourceDocument} from '../types.js'
import {uiStrings} from '../ui/ui-strings.js'
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
