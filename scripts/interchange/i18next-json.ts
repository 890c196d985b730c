import {VFile} from 'vfile'
import {fail} from '../diagnostics.js'
import {errors} from '../errors.js'
import type {SegmentFile, SourceDocument} from '../types.js'
import {jsonErrorOffset} from './json-error-offset.js'
import {placeOfOffset, placeOfText, type ExchangeUnit} from './exchange-unit.js'

/**
 * i18next JSON v4 of one document: flat `segment ID → text`. For the source language the texts are
 * the sources (a TMS's template); otherwise the translations present.
 */
export function exportI18next(document: SourceDocument, file: SegmentFile | undefined): string {
  const entries = file === undefined
    ? document.segments.map((segment) => [segment.id, segment.text])
    : file.entries.filter((entry) => !entry.obsolete && entry.translation !== '').map((entry) => [entry.id, entry.translation])
  return `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`
}

/**
 * Read i18next JSON: a flat object of strings. Nested objects, non-string values and keys like
 * `__proto__` are errors with their line.
 */
export function parseI18next(text: string, path: string): {units?: ExchangeUnit[]; file: VFile} {
  const file = new VFile({path, value: text})
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    fail(file, errors.exchangeSyntax('i18next JSON', (error as Error).message.split('\n')[0]!), placeOfOffset(text, jsonErrorOffset(text)))
    return {file}
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    fail(file, errors.exchangeSyntax('i18next JSON', 'expected an object of `"segment id": "translation"`'), {line: 1, column: 1})
    return {file}
  }
  const units: ExchangeUnit[] = []
  for (const [id, value] of Object.entries(data)) {
    const place = placeOfText(text, JSON.stringify(id))
    if (typeof value !== 'string') fail(file, errors.exchangeSyntax('i18next JSON', `the value of \`${id}\` must be a string (flat JSON v4, no nesting)`), place)
    else units.push({id, translation: value, place})
  }
  return {units, file}
}
