import {createHash} from 'node:crypto'
import {defaults} from '../config.js'

/** Short hex hash of normalized segment text: the base of its ID. */
export function hashText(text: string, length: number = defaults.idLength): string {
  return createHash('sha256').update(text.normalize('NFC')).digest('hex').slice(0, length)
}

/**
 * Assign IDs in document order: the hash of the text, then `-2`, `-3`… for later repeats of the same
 * text (or, rarely, of the same hash), so an ID never depends on what surrounds the segment.
 */
export function createSegmentIds(texts: readonly string[]): string[] {
  const used = new Set<string>()
  return texts.map((text) => {
    const base = hashText(text)
    let id = base
    for (let occurrence = 2; used.has(id); occurrence++) id = `${base}-${occurrence}`
    used.add(id)
    return id
  })
}
