import {isMap, isScalar, isSeq, parseDocument} from 'yaml'
import {VFile} from 'vfile'
import {fail} from '../diagnostics.js'
import {errors} from '../errors.js'
import type {Glossary} from './rules/glossary.js'

/**
 * Read a glossary: a YAML mapping of source terms to the required translation, or a list of accepted
 * ones (`People's War: guerra popular`). Read as data with the core schema, without aliases.
 */
export function parseGlossary(text: string, path: string): {glossary?: Glossary; file: VFile} {
  const file = new VFile({path, value: text})
  const yaml = parseDocument(text, {schema: 'core', merge: false, uniqueKeys: true, prettyErrors: false})
  const place = (offset: number) => {
    const before = text.slice(0, offset)
    return {line: (before.match(/\n/g)?.length ?? 0) + 1, column: offset - before.lastIndexOf('\n')}
  }
  const problem = yaml.errors[0] ?? yaml.warnings[0]
  if (problem !== undefined) {
    fail(file, errors.glossary(problem.message.split('\n')[0] ?? ''), place(problem.pos[0]))
    return {file}
  }
  const glossary = new Map<string, string[]>()
  if (yaml.contents === null) return {glossary, file}
  if (!isMap(yaml.contents)) {
    fail(file, errors.glossary('it must be a mapping of `source term: translation` lines'), {line: 1, column: 1})
    return {file}
  }
  for (const pair of yaml.contents.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined
    const at = place(isScalar(pair.key) ? pair.key.range?.[0] ?? 0 : 0)
    const values = isScalar(pair.value) ? [pair.value.value] : isSeq(pair.value) ? pair.value.items.map((item) => (isScalar(item) ? item.value : undefined)) : [undefined]
    if (typeof key !== 'string' || key.trim() === '' || values.length === 0 || !values.every((value) => typeof value === 'string' && value.trim() !== '')) {
      fail(file, errors.glossary('each entry must map a term to a translation or a list of translations (text, not numbers)'), at)
      continue
    }
    glossary.set(key.trim(), (values as string[]).map((value) => value.trim()))
  }
  return {glossary, file}
}
