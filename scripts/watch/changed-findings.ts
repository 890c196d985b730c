import type {FindingRecord} from '../check/format-findings.js'

/** What changed between two runs of the checks. */
export interface FindingsChange {
  /** Findings that are new, at their current place. */
  added: FindingRecord[]
  /** Findings that are gone, at their previous place. */
  resolved: FindingRecord[]
}

// A finding's identity leaves out its line and column: an edit above it moves it, it stays the same finding.
function identity(record: FindingRecord): string {
  return JSON.stringify([record.file, record.rule, record.severity, record.message, record.segment ?? ''])
}

// Records of `records` not matched one for one by an identical finding of `others`.
function unmatched(records: readonly FindingRecord[], others: readonly FindingRecord[]): FindingRecord[] {
  const counts = new Map<string, number>()
  for (const record of others) counts.set(identity(record), (counts.get(identity(record)) ?? 0) + 1)
  return records.filter((record) => {
    const left = counts.get(identity(record)) ?? 0
    counts.set(identity(record), left - 1)
    return left <= 0
  })
}

/**
 * The findings a rebuild added and resolved since `previous` (every finding is new on the first run),
 * so each save prints what it changed rather than a wall of repeats.
 */
export function changedFindings(previous: readonly FindingRecord[], current: readonly FindingRecord[]): FindingsChange {
  return {added: unmatched(current, previous), resolved: unmatched(previous, current)}
}
