import {toHtml} from 'hast-util-to-html'
import {toString} from 'mdast-util-to-string'
import {localizedInline, localizedTree, type LocalizedDocument} from '../merge/merge-translations.js'
import {parseInline} from '../merge/parse-inline.js'
import {uiStrings} from '../ui/ui-strings.js'
import {articleTemplate, fillArticle, toSafeHast, type PassageTitles} from './article-template.js'
import {element, escapeText, type Html} from './html-text.js'
import {direction, nativeName} from './language-info.js'
import {renderPage} from './page-shell.js'

/** A language a page links to in its menu and alternates. */
export interface PageLink {
  language: string
  /** URL of that language's version of the page, relative to this page. */
  href: string
}

/** Options for `renderHtml`. */
export interface RenderHtmlOptions {
  /** Every published language of this document, in menu order, the page's own included. */
  links: readonly PageLink[]
}

/** Plain text of a document's title in its localized form (front-matter `title`, else the first heading, else the ID). */
export function documentTitle(localized: LocalizedDocument): string {
  const title = localized.fields.title
  if (title !== undefined) return toString(parseInline(title, ''))
  const heading = localized.document.tree.children.find((node) => node.type === 'heading')
  return heading ? toString(localizedInline(localized, heading)) : localized.document.id
}

/**
 * Render a localized document as a standalone HTML page: `<html lang dir>`, charset, viewport, title,
 * language menu with native names and hreflang alternates, notices for drafts, fallbacks and outdated
 * passages, an inline stylesheet and no external resource. Only http, https, mailto and relative URLs
 * are emitted.
 */
export function renderHtml(localized: LocalizedDocument, options: RenderHtmlOptions): string {
  const {language, document} = localized
  const t = uiStrings(language)
  const titles: PassageTitles = {fallback: (lang) => t('fallback_title', {language: nativeName(lang)}), outdated: t('outdated_title')}
  const template = articleTemplate(document)
  const article = template ? fillArticle(template, localized, titles) : toHtml(toSafeHast(localizedTree(localized), titles).children)
  const notices: string[] = []
  if (localized.status === 'draft') notices.push(t('notice_draft'))
  if (localized.counts.fallback > 0) notices.push(t('notice_incomplete', {count: localized.counts.fallback}))
  const outdated = localized.segments.filter((segment) => segment.outdated && !segment.fallback).length
  if (outdated > 0) notices.push(t('notice_outdated', {count: outdated}))
  const menu = menuItems(options.links, document.language)
  // The menu serialized once per document, with the page's own language and the source language (labelled
  // in the page's language) serialized for this page.
  const special = [...new Set([menu.positions.get(language), menu.positions.get(document.language)])].filter((index) => index !== undefined).sort((a, b) => a - b)
  let items = ''
  let last = 0
  for (const index of special) {
    items += menu.items.slice(last, menu.ends[index - 1] ?? 0) + menuItem(options.links[index]!, document.language, language, t('original'))
    last = menu.ends[index]!
  }
  // Serialized elsewhere, each escaped as it was made (`element`, hast-util-to-html).
  const serialized = (html: string) => html as Html
  return renderPage({
    language,
    title: documentTitle(localized),
    head: serialized(menu.alternates),
    body: [
      element('nav', {'aria-label': t('language_menu')}, element('ul', {}, serialized(items + menu.items.slice(last)))),
      element('main', {}, ...notices.map((notice) => element('p', {class: 'notice', role: 'note'}, escapeText(notice))), element('article', {}, serialized(article)))
    ]
  })
}

// Every page of a document lists every language: serialized once per document, not once per page
// (quadratic in the number of languages), and spliced into each page like the article from its template.
// `items` is every entry serialized, `ends[i]` where entry `i` ends in it, `positions` each language's entry.
interface Menu {
  alternates: string
  items: string
  ends: number[]
  positions: Map<string, number>
}
const menus = new WeakMap<readonly PageLink[], Menu>()

function menuItems(links: readonly PageLink[], sourceLanguage: string): Menu {
  let menu = menus.get(links)
  if (menu === undefined) {
    // Strings, not trees: a menu of 500 languages took 10 ms to serialize from hast.
    const alternates = [
      ...links.map((link) => element('link', {rel: 'alternate', hreflang: link.language, href: link.href})),
      ...links.filter((link) => link.language === sourceLanguage).map((link) => element('link', {rel: 'alternate', hreflang: 'x-default', href: link.href}))
    ]
    let items = ''
    const ends: number[] = []
    for (const link of links) ends.push((items += menuItem(link, sourceLanguage)).length)
    menu = {alternates: alternates.join(''), items, ends, positions: new Map(links.map((link, index) => [link.language, index]))}
    menus.set(links, menu)
  }
  return menu
}

/** A language menu entry; `current` marks the page's own language, `original` labels the source language. */
function menuItem(link: PageLink, sourceLanguage: string, current?: string, original?: string): Html {
  return element(
    'li',
    {},
    element('a', {href: link.href, hreflang: link.language, lang: link.language, dir: direction(link.language), 'aria-current': link.language === current ? 'page' : undefined}, escapeText(nativeName(link.language))),
    link.language === sourceLanguage && original !== undefined ? escapeText(` (${original})`) : undefined
  )
}
