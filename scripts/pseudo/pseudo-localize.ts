import type {Nodes} from 'mdast'
import {parseInline} from '../merge/parse-inline.js'
import {updateSegmentFile} from '../segment-file/update-segment-file.js'
import type {SegmentFile, SourceDocument} from '../types.js'
import {serializeInline} from '../segment/serialize-inline.js'

const accented: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ó', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'ú', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Á', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Í', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ó', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Ú', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž'
}

/** Accent every ASCII letter of a word and pad it by ~40% with `·`, so overflowing layouts show. */
function pseudoWord(word: string): string {
  return [...word].map((character) => accented[character] ?? character).join('') + '·'.repeat(Math.round(word.length * 0.4))
}

/** The built-in pseudo-locale, rendered by `build --pseudo` without any segment file. */
export const pseudoLocale = 'qps-ploc'

/** Pseudo-translate plain text (UI strings): letters outside `{{placeholders}}` only. */
export function pseudoText(text: string): string {
  return text
    .split(/(\{\{[^}]*\}\})/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/[A-Za-z]+/g, pseudoWord)))
    .join('')
}

// Parsed inline content is shared (memoized), so the pseudo version is a copy.
function transform<T extends Nodes>(node: T): T {
  // Only prose changes: code, URLs, HTML, labels of references and footnotes stay intact.
  const copy = {...node}
  if (copy.type === 'text') copy.value = copy.value.replace(/[A-Za-z]+/g, pseudoWord)
  if (copy.type === 'image' && copy.alt) copy.alt = copy.alt.replace(/[A-Za-z]+/g, pseudoWord)
  if ('children' in copy) (copy as {children: Nodes[]}).children = copy.children.map((child) => transform(child))
  return copy
}

/**
 * Pseudo-translate a segment's inline Markdown: every ASCII letter accented and words expanded by
 * about 40%, while markup, numbers, code and URLs are kept, so a pseudo build shows both strings that
 * escaped extraction and layouts that break on longer text.
 */
export function pseudoLocalize(text: string, definitions = ''): string {
  return serializeInline(parseInline(text, definitions).map((child) => transform(child)))
}

/** A complete, in-memory segment file of `document` in the pseudo-locale. */
export function pseudoSegmentFile(document: SourceDocument): SegmentFile {
  const file = updateSegmentFile(undefined, document.segments, pseudoLocale)
  return {...file, entries: file.entries.map((entry) => ({...entry, translation: pseudoLocalize(entry.source, document.definitions)}))}
}
