const allowedProtocols = new Set(['http', 'https', 'mailto'])

/**
 * Whether a URL may be emitted: `http`, `https`, `mailto`, or relative (no scheme). Checked on the
 * decoded URL after removing what browsers ignore in a scheme (white space and control characters),
 * so `JaVaScRiPt:`, `java\tscript:` and `&#106;avascript:` are all refused.
 */
export function isSafeUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  const value = url.replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g, '')
  const colon = value.indexOf(':')
  if (colon === -1) return true
  // A `/`, `?` or `#` before the first colon means there is no scheme: `a/b:c`, `?x=y:z`.
  const boundary = value.search(/[/?#]/)
  if (boundary !== -1 && boundary < colon) return true
  return allowedProtocols.has(value.slice(0, colon).toLowerCase())
}
