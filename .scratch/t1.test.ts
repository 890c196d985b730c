import {VFile} from 'vfile'
import {it} from 'vitest'
import {readFrontMatter} from '../scripts/parse/read-front-matter.js'
import {readEntries} from '../scripts/segment-file/parse-segment-file.js'
import {readEntriesFast} from '../scripts/segment-file/read-entries-fast.js'
import {stringifySegmentFile} from '../scripts/segment-file/stringify-segment-file.js'
it('x', () => {
  const entries = [{id: '10000000', source: 'word', translation: '--- ---', obsolete: false, place: {line: 1, column: 1}, translationPlace: {line: 1, column: 1}}, {id: '10000001', source: 'word', translation: 'word', previousSource: 'word', obsolete: false, place: {line: 1, column: 1}, translationPlace: {line: 1, column: 1}}]
  const text = stringifySegmentFile({language: 'es', translators: [], status: 'draft', frontMatterText: 'language: es\ntranslators: []\nstatus: draft', frontMatter: {}, entries} as any, {document: 'doc', sourcePath: 'source/doc.md'})
  console.log(JSON.stringify(text.slice(text.indexOf('-->'))))
  const file = new VFile()
  const {bodyStart} = readFrontMatter(text, file)
  const full = readEntries(text, bodyStart, file)
  console.log('fast', JSON.stringify(readEntriesFast(text, bodyStart)?.map((e) => [e.translation, e.previousSource])))
  console.log('full', JSON.stringify(full.map((e) => [e.translation, e.previousSource])), file.messages.map(String))
})
