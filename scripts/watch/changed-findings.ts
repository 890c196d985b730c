import type {FindingRecord} from '../check/format-findings.js'

/** What to print after a rebuild. */
export interface FindingsChange {
  /** Findings of every file whose findings differ from the previous run, sorted as given. */
  records: FindingRecord[]
  /** Files that had findings and have none now. */
  cleared: string[]
}

function byFile(records: readonly FindingRecord[]): Map<string, string> {
  const files = new Map<string, string[]>()
  for (const record of records) files.set(record.file, [...(files.get(record.file) ?? []), JSON.stringify(record)])
  return new Map([...files].map(([file, lines]) => [file, lines.join('\n')]))
}

/**
 * The findings worth printing after a rebuild: only the files whose findings changed since
 * `previous` (every file on the first run), so each save prints what it changed, not a wall of repeats.
 */
export function changedFindings(previous: readonly FindingRecord[] | undefined, current: readonly FindingRecord[]): FindingsChange {
  if (previous === undefined) return {records: [...current], cleared: []}
  const before = byFile(previous)
  const now = byFile(current)
  return {
    records: current.filter((record) => before.get(record.file) !== now.get(record.file)),
    cleared: [...before.keys()].filter((file) => !now.has(file))
  }
}
