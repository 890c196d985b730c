import {stringify as stringifyYaml} from 'yaml'
import type {LocalizedDocument, ResolvedSegment} from '../merge/merge-translations.js'

/**
 * Render a localized document as Markdown: front matter (language, title, status, source and its
 * revision) and the source body with each translated segment spliced in at its place. Everything
 * that is not a segment (code, HTML, definitions, spacing, markers) stays byte for byte as in the
 * source, so the source language reproduces the canonical body exactly.
 */
export function renderMarkdown(localized: LocalizedDocument): string {
  const {document} = localized
  const frontMatter: Record<string, unknown> = {language: localized.language}
  if (localized.fields.title !== undefined) frontMatter.title = localized.fields.title
  frontMatter.status = localized.status
  frontMatter.source = document.path
  frontMatter.revision = document.revision
  const spliced = localized.segments
    .filter((resolved) => resolved.segment.range !== undefined && resolved.language !== document.language)
    .sort((a, b) => a.segment.range![0] - b.segment.range![0])
  let body = ''
  let cursor = document.bodyStart
  for (const resolved of spliced) {
    const [start, end] = resolved.segment.range!
    body += document.text.slice(cursor, start) + fitToPlace(resolved, linePrefix(document.text, start))
    cursor = end
  }
  body += document.text.slice(cursor)
  return `---\n${frontMatterYaml(frontMatter)}---\n${body}`
}

// Strings YAML reads as themselves, unquoted: text that starts with a letter, holds letters, marks,
// digits, spaces and harmless punctuation (no `:` or `#`) and ends with no space, except the words
// YAML reads as booleans or null; and hexadecimal names (revisions) that do not read as numbers.
const plainText = /^\p{L}[\p{L}\p{M}\p{N} .,_/·()-]*(?<! )$/u
const reserved = /^(?:true|false|null|yes|no|on|off|y|n|nan|inf)$/i
const hexName = /^[0-9a-f]+$/
const numberLike = /^[0-9]+(?:e[0-9]+)?$/

function isPlain(value: unknown): value is string {
  if (typeof value !== 'string') return false
  return plainText.test(value) ? !reserved.test(value) : hexName.test(value) && !numberLike.test(value)
}

/**
 * Front matter as `yaml` writes it (`lineWidth: 0`), a line per field: strings that need no quoting
 * are written directly, since every page has some (proven equal by a property test).
 */
export function frontMatterYaml(fields: Record<string, unknown>): string {
  return Object.entries(fields)
    .map(([key, value]) => (isPlain(value) ? `${key}: ${value}\n` : stringifyYaml({[key]: value}, {lineWidth: 0})))
    .join('')
}

// What stands before the segment on its first line: `> `, `- `, `1. `, `# `, `| ` and indentation.
function linePrefix(text: string, offset: number): string {
  return text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset)
}

/**
 * Make a translation fit where the source segment stood: continuation lines take the container
 * prefix (quote markers kept, list markers as spaces); headings and table cells stay on one line, and
 * pipes in table cells are escaped.
 */
function fitToPlace(resolved: ResolvedSegment, prefix: string): string {
  const {kind} = resolved.segment
  if (kind === 'heading' || kind === 'tableCell') {
    const line = resolved.text.replace(/\\?\n[ \t]*/g, ' ')
    if (kind === 'tableCell') return line.replace(/(?<!\\)((?:\\\\)*)\|/g, '$1\\|')
    // A heading's text ending in ` #` (from `&#35;` or `\#`) would read as its closing sequence: escape it.
    return line.replace(/(^|[ \t])#(#*[ \t]*)$/, '$1\\#$2')
  }
  const continuation = prefix.replace(/[^>\s]/g, ' ')
  return resolved.text.replace(/\n/g, `\n${continuation}`)
}
