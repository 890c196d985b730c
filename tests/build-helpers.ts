import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import type {Element, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {select, selectAll} from 'hast-util-select'
import {parseSegmentFile} from '../scripts/segment-file/parse-segment-file.js'
import {stringifySegmentFile} from '../scripts/segment-file/stringify-segment-file.js'
import {pseudoLocalize} from '../scripts/pseudo/pseudo-localize.js'
import {put, read} from './helpers.js'

/** Parse a built HTML page for structural assertions. */
export async function page(root: string, path: string): Promise<Root> {
  return fromHtml(await readFile(join(root, path), 'utf8'))
}

export {select, selectAll}

/** Attribute of an element, as a string. */
export function attribute(element: Element | undefined, name: string): string | undefined {
  const value = element?.properties[name]
  return value === undefined ? undefined : Array.isArray(value) ? value.join(' ') : String(value)
}

/**
 * Fill the segment file of `language` and `document` with translations made by `translate` (from the
 * quoted source); `only` limits which entries (by index) get one.
 */
export async function translateFile(root: string, language: string, document: string, translate: (source: string, index: number) => string | undefined): Promise<void> {
  const path = `translations/${language}/${document}.md`
  const {segmentFile, file} = parseSegmentFile(await read(root, path), {path, language})
  if (segmentFile === undefined) throw new Error(String(file.messages))
  segmentFile.entries.forEach((entry, index) => {
    entry.translation = translate(entry.source, index) ?? entry.translation
  })
  await put(root, path, stringifySegmentFile(segmentFile, {document, sourcePath: `source/${document}.md`}))
}

/** Pseudo-translate every entry. */
export function pseudo(definitions = ''): (source: string) => string {
  return (source) => pseudoLocalize(source, definitions)
}
