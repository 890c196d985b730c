import * as gettextParser from 'gettext-parser'
import {VFile} from 'vfile'
import {fail} from '../diagnostics.js'
import {errors} from '../errors.js'
import type {SegmentEntry, SegmentFile, SourceDocument} from '../types.js'
import {placeOfText, type ExchangeUnit} from './exchange-unit.js'

type PoEntry = {msgctxt?: string; msgid: string; msgstr: string[]; comments?: {reference?: string; flag?: string; previous?: string; extracted?: string}}

/**
 * A gettext PO file of one document in one language: `msgctxt` = segment ID, `msgid` = source,
 * `msgstr` = translation, a source reference, `#, fuzzy` with `#| msgid` for needs-review entries, and
 * obsolete entries as `#~`. Plural-free; `msgfmt --check` accepts it.
 */
export function exportPo(document: SourceDocument, file: SegmentFile): string {
  const lines = new Map(document.segments.map((segment) => [segment.id, segment.place.line]))
  const entry = (item: SegmentEntry): PoEntry => {
    const po: PoEntry = {msgctxt: item.id, msgid: item.source, msgstr: [item.translation], comments: {}}
    const line = lines.get(item.id)
    if (line !== undefined) po.comments!.reference = `${document.path}:${line}`
    if (item.previousSource !== undefined) {
      po.comments!.flag = 'fuzzy'
      po.comments!.previous = `msgid ${JSON.stringify(item.previousSource)}`
    }
    return po
  }
  const section = (items: SegmentEntry[]) => Object.fromEntries(items.map((item) => [item.id, {[item.source]: entry(item)}]))
  const compiled = gettextParser.po.compile(
    {
      charset: 'utf-8',
      headers: {'Content-Type': 'text/plain; charset=UTF-8', 'Content-Transfer-Encoding': '8bit', Language: file.language, 'X-Generator': 'interlinear'},
      translations: {'': {'': {msgid: '', msgstr: ['']}}, ...section(file.entries.filter((item) => !item.obsolete))},
      obsolete: section(file.entries.filter((item) => item.obsolete))
    } as never,
    {foldLength: 0, sort: false}
  )
  return `${compiled.toString('utf8')}\n`
}

/** Read a PO file into exchange units; syntax errors name their line. */
export function parsePo(text: string, path: string): {units?: ExchangeUnit[]; file: VFile} {
  const file = new VFile({path, value: text})
  let parsed: {translations: Record<string, Record<string, PoEntry>>; obsolete?: Record<string, Record<string, PoEntry>>}
  try {
    parsed = gettextParser.po.parse(text, {validation: true}) as never
  } catch (error) {
    const message = (error as Error).message
    const line = /line (\d+)/.exec(message)
    fail(file, errors.exchangeSyntax('PO', message), {line: line ? Number(line[1]) : 1, column: 1})
    return {file}
  }
  const units: ExchangeUnit[] = []
  const read = (sections: Record<string, Record<string, PoEntry>> | undefined, obsolete: boolean) => {
    for (const [context, messages] of Object.entries(sections ?? {})) {
      for (const po of Object.values(messages)) {
        if (po.msgid === '' && context === '') continue
        const place = placeOfText(text, `msgctxt ${JSON.stringify(context)}`)
        if (context === '') {
          fail(file, errors.exchangeSyntax('PO', `entry \`${po.msgid.slice(0, 40)}\` has no msgctxt: it must hold the segment ID`), placeOfText(text, `msgid ${JSON.stringify(po.msgid)}`))
          continue
        }
        const fuzzy = po.comments?.flag?.split(',').some((flag) => flag.trim() === 'fuzzy') === true
        const previous = /^msgid "(.*)"$/s.exec(po.comments?.previous?.trim() ?? '')
        const unit: ExchangeUnit = {id: context, source: po.msgid, translation: po.msgstr[0] ?? '', needsReview: fuzzy, obsolete, place}
        if (previous) unit.previousSource = JSON.parse(`"${previous[1]}"`) as string
        units.push(unit)
      }
    }
  }
  read(parsed.translations, false)
  read(parsed.obsolete, true)
  return {units, file}
}
