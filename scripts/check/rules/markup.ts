import type {Nodes, PhrasingContent} from 'mdast'
import type {Rule} from '../finding.js'

export const markupCount: Rule = {id: 'markup-count', severity: 'warning'}
export const linkUrl: Rule = {id: 'link-url', severity: 'error'}
export const inlineCode: Rule = {id: 'inline-code', severity: 'error'}
export const rawHtml: Rule = {id: 'raw-html', severity: 'error'}

/** What a checker compares of a segment's inline markup. */
interface Shape {
  counts: Record<string, number>
  urls: string[]
  code: string[]
  html: string[]
}

const counted: Record<string, string> = {
  emphasis: 'emphasis',
  strong: 'strong',
  inlineCode: 'inline code',
  link: 'links',
  linkReference: 'links',
  image: 'images',
  imageReference: 'images',
  break: 'hard breaks'
}

function shapeOf(children: readonly PhrasingContent[]): Shape {
  const shape: Shape = {counts: {}, urls: [], code: [], html: []}
  const walk = (node: Nodes) => {
    const name = counted[node.type]
    if (name !== undefined) shape.counts[name] = (shape.counts[name] ?? 0) + 1
    if (node.type === 'link' || node.type === 'image') shape.urls.push(node.url)
    if (node.type === 'linkReference' || node.type === 'imageReference') shape.urls.push(`[${node.identifier}]`)
    if (node.type === 'inlineCode') shape.code.push(node.value)
    if (node.type === 'html') shape.html.push(node.value)
    if ('children' in node) for (const child of node.children) walk(child)
  }
  for (const child of children) walk(child)
  return shape
}

// Every language's translation of a segment is compared with the same source content (the check keeps
// it, parsed, for the run): its shape is taken once, with whether it has no markup at all.
const sourceShapes = new WeakMap<readonly PhrasingContent[], {shape: Shape; plain: boolean}>()

function missingFrom(expected: readonly string[], actual: readonly string[]): string[] {
  const left = [...actual]
  return expected.filter((item) => {
    const index = left.indexOf(item)
    if (index === -1) return true
    left.splice(index, 1)
    return false
  })
}

/** A markup finding. */
export interface MarkupFinding {
  rule: Rule
  reason: string
}

/**
 * Compare the inline markup of a translation with its source: counts of emphasis, strong, code,
 * links, images and hard breaks; link and image URLs (a changed URL could send readers elsewhere);
 * inline code text; raw HTML the source does not have.
 */
export function checkMarkup(source: readonly PhrasingContent[], translation: readonly PhrasingContent[]): MarkupFinding[] {
  let known = sourceShapes.get(source)
  if (known === undefined) {
    const shape = shapeOf(source)
    sourceShapes.set(source, (known = {shape, plain: Object.keys(shape.counts).length === 0 && shape.urls.length + shape.code.length + shape.html.length === 0}))
  }
  // Most prose: plain text on both sides, nothing to compare.
  if (known.plain && translation.every((node) => node.type === 'text')) return []
  const a = known.shape
  const b = shapeOf(translation)
  const findings: MarkupFinding[] = []
  const removedUrls = missingFrom(a.urls, b.urls)
  const addedUrls = missingFrom(b.urls, a.urls)
  if (removedUrls.length > 0 || addedUrls.length > 0) {
    const list = (urls: string[]) => urls.map((url) => `\`${url}\``).join(', ')
    findings.push({rule: linkUrl, reason: `Link and image URLs must stay as in the source: ${[addedUrls.length > 0 && `not in the source: ${list(addedUrls)}`, removedUrls.length > 0 && `missing: ${list(removedUrls)}`].filter(Boolean).join('; ')}`})
  }
  const changedCode = missingFrom(a.code, b.code)
  if (changedCode.length > 0) findings.push({rule: inlineCode, reason: `Inline code must stay as in the source: missing ${changedCode.map((code) => `\`${code}\``).join(', ')}`})
  const addedHtml = missingFrom(b.html, a.html)
  if (addedHtml.length > 0) findings.push({rule: rawHtml, reason: `Raw HTML is not allowed in a translation: remove ${addedHtml.map((html) => `\`${html.slice(0, 40)}\``).join(', ')}`})
  const names = [...new Set([...Object.keys(a.counts), ...Object.keys(b.counts)])].sort()
  const differences = names.filter((name) => (a.counts[name] ?? 0) !== (b.counts[name] ?? 0))
  if (differences.length > 0) {
    findings.push({rule: markupCount, reason: `Markup differs from the source: ${differences.map((name) => `${name} ${b.counts[name] ?? 0} (source ${a.counts[name] ?? 0})`).join(', ')}`})
  }
  return findings
}
