import {h} from 'hastscript'
import {toHtml} from 'hast-util-to-html'
import {hashSource, liveReloadScript, overlayId} from './live-reload.js'

const overlayStyle = `#${overlayId}{position:fixed;inset:0 0 auto 0;z-index:2147483647;max-height:80vh;overflow:auto;padding:1rem 1.5rem;background:#fff4f4;color:#5c0011;border-bottom:4px solid #c00;box-shadow:0 2px 12px rgb(0 0 0/.3);font:15px/1.5 system-ui,sans-serif;text-align:start}#${overlayId} pre{margin:.5rem 0 0;white-space:pre-wrap;font:13px/1.45 ui-monospace,monospace}`

/** Sources a served page needs on top of its own policy: the injected script and style, and the event stream. */
const needed = {
  script: hashSource(liveReloadScript),
  style: hashSource(overlayStyle),
  connect: "'self'"
}

/**
 * The build-error overlay: the diagnostics as plain text (escaped by hast-util-to-html), so nothing
 * from a translator's file can become markup.
 */
export function renderOverlay(error: string): string {
  return toHtml(
    h('div', {id: overlayId, role: 'alert', lang: 'en', dir: 'ltr'}, [
      h('style', overlayStyle),
      h('strong', 'Build failed: this page shows the last good build. Fix the file and save; the page reloads.'),
      h('pre', error)
    ])
  )
}

/**
 * Add `needed` sources to a Content-Security-Policy so the live-reload script, the overlay's style
 * and the event stream pass. Only directives that restrict them are touched: a missing one falls back
 * to `default-src`, so it is created from it; `'none'` is dropped; a list that allows any inline code
 * with `'unsafe-inline'` is left alone, since adding a hash would switch `'unsafe-inline'` off.
 */
export function allowLiveReload(policy: string): string {
  const directives = policy
    .split(';')
    .map((directive) => directive.trim().split(/\s+/))
    .filter((parts) => parts[0] !== '')
  const named = (name: string) => directives.find((parts) => parts[0]!.toLowerCase() === name)
  const fallback = named('default-src')
  const kinds = [
    ['script', needed.script],
    ['style', needed.style],
    ['connect', needed.connect]
  ] as const
  for (const [kind, source] of kinds) {
    const own = [named(`${kind}-src`), kind === 'connect' ? undefined : named(`${kind}-src-elem`)].filter((parts) => parts !== undefined)
    if (own.length === 0 && fallback !== undefined) {
      own.push([`${kind}-src`, ...fallback.slice(1)])
      directives.push(own[0]!)
    }
    for (const parts of own) {
      const values = parts.slice(1).map((value) => value.toLowerCase())
      const allowsInline = values.includes("'unsafe-inline'") && !values.some((value) => value.startsWith("'sha") || value.startsWith("'nonce-"))
      if (kind !== 'connect' && allowsInline) continue
      const kept = parts.slice(1).filter((value) => value.toLowerCase() !== "'none'")
      parts.splice(1, Infinity, ...kept, ...(kept.includes(source) ? [] : [source]))
    }
  }
  return directives.map((parts) => parts.join(' ')).join('; ')
}

const policyMeta = /<meta\b[^>]*\bhttp-equiv\s*=\s*(["']?)content-security-policy\1[^>]*>/gi
const contentAttribute = /(\bcontent\s*=\s*)(?:"([^"]*)"|'([^']*)')/i

/**
 * A built HTML page as served by `watch`: the live-reload script before `</head>`, the build error
 * (if any) as an overlay at the start of `<body>`, and any Content-Security-Policy meta tag widened
 * just enough for both. Done at serve time only: files in `dist/` stay exactly as `build` wrote them.
 */
export function decoratePage(html: string, options: {error?: string} = {}): string {
  const script = `<script>${liveReloadScript}</script>`
  let page = html.replace(policyMeta, (tag) =>
    tag.replace(contentAttribute, (_, start: string, double?: string, single?: string) => `${start}"${allowLiveReload(decodeReferences(double ?? single ?? '')).replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
  )
  page = insertAt(page, /<\/head\s*>/i, script, 'before')
  return options.error === undefined ? page : insertAt(page, /<body\b[^>]*>/i, renderOverlay(options.error), 'after')
}

const named: Record<string, string> = {amp: '&', quot: '"', apos: "'", lt: '<', gt: '>'}

/**
 * An attribute value with its character references decoded: serializers write the quotes of a policy
 * (`'self'`) as `&#x27;`, and the policy must be read as the browser reads it.
 */
function decodeReferences(value: string): string {
  return value.replace(/&(?:#[xX]([0-9a-fA-F]+)|#([0-9]+)|([a-zA-Z]+));/g, (reference, hex?: string, decimal?: string, name?: string) => {
    if (name !== undefined) return named[name.toLowerCase()] ?? reference
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : reference
  })
}

/** Insert `text` before or after the first match of `pattern`, or at the end when there is none. */
function insertAt(html: string, pattern: RegExp, text: string, where: 'before' | 'after'): string {
  const match = pattern.exec(html)
  if (match === null) return html + text
  const index = where === 'before' ? match.index : match.index + match[0].length
  return html.slice(0, index) + text + html.slice(index)
}
