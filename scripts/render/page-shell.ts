import type {Element, ElementContent, Root} from 'hast'
import {h} from 'hastscript'
import {toHtml} from 'hast-util-to-html'
import {direction} from './language-info.js'
import {pageStyle} from './page-style.js'

/** Parts of a standalone page. */
export interface PageParts {
  language: string
  title: string
  /** Extra `<head>` elements (alternates). */
  head?: Element[]
  body: ElementContent[]
}

/**
 * Serialize a standalone page: doctype, `<html lang dir>`, charset, viewport, title and the inline
 * stylesheet; no external resource, so it works offline.
 */
export function renderPage(parts: PageParts): string {
  const page: Root = {
    type: 'root',
    children: [
      {type: 'doctype'},
      h('html', {lang: parts.language, dir: direction(parts.language)}, [
        h('head', [
          h('meta', {charSet: 'utf-8'}),
          h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
          h('title', parts.title),
          ...(parts.head ?? []),
          h('style', pageStyle)
        ]),
        h('body', parts.body)
      ])
    ]
  }
  return `${toHtml(page)}\n`
}
