import type {DocumentRecord, SegmentRecord} from './release-record.js'

/** How a source document changed since the previous release, by segment ID. */
export interface SourceChanges {
  /** Not in the previous release at all. */
  new: boolean
  added: string[]
  removed: string[]
}

/** How a shipped translation changed since the previous release, by segment ID, in document order. */
export interface TranslationChanges {
  /** Translated and current now, but not before (new, or missing, stale or needing review then). */
  newlyTranslated: string[]
  /** Translated and current both times, with a different translation. */
  updated: string[]
  /** Stale or needing review now (its source changed), but not before. */
  nowStale: string[]
  /** Shipped with a translation before, untranslated now. */
  nowMissing: string[]
}

/** Source segments added and removed between two releases of a document. */
export function diffSources(previous: DocumentRecord | undefined, current: DocumentRecord): SourceChanges {
  const before = new Map(previous?.segments ?? [])
  const after = new Map(current.segments)
  return {
    new: previous === undefined,
    // A changed text is a new ID: a changed segment shows as one removed and one added.
    added: current.segments.flatMap(([id, hash]) => (before.get(id) === hash ? [] : [id])),
    removed: (previous?.segments ?? []).flatMap(([id, hash]) => (after.get(id) === hash ? [] : [id]))
  }
}

const outdated = new Set(['stale', 'needs-review'])

/**
 * What changed in one translation between what the previous release shipped (`undefined` when it
 * shipped none: every translated segment is then new) and what this release ships, for the segments of
 * the current source (`order`).
 */
export function diffTranslation(order: readonly string[], previous: Readonly<Record<string, SegmentRecord>> | undefined, current: Readonly<Record<string, SegmentRecord>>): TranslationChanges {
  const changes: TranslationChanges = {newlyTranslated: [], updated: [], nowStale: [], nowMissing: []}
  for (const id of order) {
    const now = Object.hasOwn(current, id) ? current[id]! : undefined
    const before = previous !== undefined && Object.hasOwn(previous, id) ? previous[id] : undefined
    if (now === undefined) continue
    if (now.state === 'translated') {
      if (before?.state !== 'translated') changes.newlyTranslated.push(id)
      else if (before.translation !== now.translation) changes.updated.push(id)
    } else if (outdated.has(now.state)) {
      if (before === undefined || !outdated.has(before.state)) changes.nowStale.push(id)
    } else if (before !== undefined && before.state !== 'missing') {
      changes.nowMissing.push(id)
    }
  }
  return changes
}
