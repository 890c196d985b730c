import {formatWordDiff} from '../word-diff.js'
import type {SegmentEntry, SegmentStatus} from '../../types.js'
import type {Rule} from '../finding.js'

export const missingTranslation: Rule = {id: 'missing-translation', severity: 'warning'}
export const staleTranslation: Rule = {id: 'stale-translation', severity: 'warning'}
export const needsReview: Rule = {id: 'needs-review', severity: 'warning'}
export const obsoleteTranslation: Rule = {id: 'obsolete-translation', severity: 'info'}
export const unknownId: Rule = {id: 'unknown-id', severity: 'warning'}

/** A finding about a segment's state: rule and message. */
export interface StateFinding {
  rule: Rule
  reason: string
}

/** The finding for one segment's state, if it is not translated and current. */
export function checkSegmentState(status: SegmentStatus): StateFinding | undefined {
  const {entry, segment} = status
  switch (status.state) {
    case 'missing':
      return {rule: missingTranslation, reason: `Segment \`${segment.id}\` is not translated yet`}
    case 'stale': {
      const old = entry!.previousSource ?? entry!.source
      return {rule: staleTranslation, reason: `Source changed since this was translated: ${formatWordDiff(old, segment.text)}; update the translation (run \`interlinear update\` to refresh the quote)`}
    }
    case 'needs-review':
      return {rule: needsReview, reason: `Source changed: ${formatWordDiff(entry!.previousSource!, segment.text)}; check the translation, then delete the note`}
    default:
      return undefined
  }
}

/** The finding for an entry no source segment claims: obsolete, or an ID the source never had. */
export function checkUnclaimedEntry(entry: SegmentEntry): StateFinding | undefined {
  if (entry.obsolete) return {rule: obsoleteTranslation, reason: `Segment \`${entry.id}\` is obsolete: its source is gone (kept in case it returns)`}
  if (entry.translation === '') return undefined
  return {rule: unknownId, reason: `Segment \`${entry.id}\` matches no source segment: its source was removed or its ID edited; \`interlinear update\` moves it to Obsolete`}
}
