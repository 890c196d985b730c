import {boundedCache} from '../bounded-cache.js'
import {pagePolicy} from './csp.js'
import {element, escapeText, rawText, type Content} from './html-text.js'
import {direction} from './language-info.js'
import {pageStyle} from './page-style.js'

/** Parts of a standalone page. */
export interface PageParts {
  language: string
  title: string
  /** Extra `<head>` elements (alternates). */
  head?: Content
  body: Content
  /** Extra rules after the page stylesheet. */
  style?: string
  /**
   * An inline script, run at the end of the body. A page with one gets a Content-Security-Policy that
   * allows exactly its stylesheet and this script, by hash.
   */
  script?: string
}

// Pages of a kind share their stylesheet: made once, so that the policy's hash of it is looked up, not
// computed, for every page.
const stylesheets = boundedCache<string>()

/** The page stylesheet, then `extra` rules. */
function stylesheet(extra: string | undefined): string {
  return extra === undefined ? pageStyle : stylesheets(extra, () => `${pageStyle}\n${extra}`)
}

/**
 * Serialize a standalone page: doctype, `<html lang dir>`, charset, viewport, title and the inline
 * stylesheet (and script); no external resource, so it works offline. Written as strings, the bytes
 * hast-util-to-html writes for the same tree (a property test holds them equal): a build makes two
 * pages per language, and building and serializing the tree took a tenth of a millisecond each.
 */
export function renderPage(parts: PageParts): string {
  const style = stylesheet(parts.style)
  const script = parts.script
  const html = element(
    'html',
    {lang: parts.language, dir: direction(parts.language)},
    element(
      'head',
      {},
      element('meta', {charset: 'utf-8'}),
      // First after the charset: a policy applies only to what follows it.
      script === undefined ? undefined : element('meta', {'http-equiv': 'content-security-policy', content: pagePolicy(style, script)}),
      element('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
      element('title', {}, escapeText(parts.title)),
      parts.head,
      rawText('style', style)
    ),
    element('body', {}, parts.body, script === undefined ? undefined : rawText('script', script))
  )
  return `<!doctype html>${html}\n`
}
