import type {Element, ElementContent, Root} from 'hast'
import {h} from 'hastscript'
import {toHtml} from 'hast-util-to-html'
import {pagePolicy} from './csp.js'
import {direction} from './language-info.js'
import {pageStyle} from './page-style.js'

/** Parts of a standalone page. */
export interface PageParts {
  language: string
  title: string
  /** Extra `<head>` elements (alternates). */
  head?: Element[]
  body: ElementContent[]
  /** Extra rules after the page stylesheet. */
  style?: string
  /**
   * An inline script, run at the end of the body. A page with one gets a Content-Security-Policy that
   * allows exactly its stylesheet and this script, by hash.
   */
  script?: string
}

/**
 * Serialize a standalone page: doctype, `<html lang dir>`, charset, viewport, title and the inline
 * stylesheet (and script); no external resource, so it works offline.
 */
export function renderPage(parts: PageParts): string {
  const style = parts.style === undefined ? pageStyle : `${pageStyle}\n${parts.style}`
  const script = parts.script
  const page: Root = {
    type: 'root',
    children: [
      {type: 'doctype'},
      h('html', {lang: parts.language, dir: direction(parts.language)}, [
        h('head', [
          h('meta', {charSet: 'utf-8'}),
          // First after the charset: a policy applies only to what follows it.
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

/**
 * An element standing where HTML serialized elsewhere goes (a part shared by many pages, or one too
 * large to hold as one tree); `fillSlots` puts it there. Content never contains one: raw HTML never
 * reaches a page.
 */
export function slot(name: string): Element {
  return h(`interlinear-${name}`)
}

const slotPattern = /<interlinear-([a-z]+)><\/interlinear-\1>/g

/**
 * Put serialized HTML where each `slot` of a serialized page stands, in one pass: a replacement per
 * slot would copy the whole page once per slot, and pages with hundreds of languages are large.
 */
export function fillSlots(page: string, html: Record<string, string>): string {
  const parts: string[] = []
  let last = 0
  for (const match of page.matchAll(slotPattern)) {
    const name = match[1]!
    if (!Object.hasOwn(html, name)) continue
    parts.push(page.slice(last, match.index), html[name]!)
    last = match.index + match[0].length
  }
  parts.push(page.slice(last))
  return parts.join('')
}
