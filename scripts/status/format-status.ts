import type {StatusRow} from '../types.js'

/** Percentage of `row`'s segments that are translated and current, rounded down to 0.1 (100 when it has none). */
export function rowCoverage(row: Pick<StatusRow, 'total' | 'translated'>): number {
  return row.total === 0 ? 100 : Math.floor((1000 * row.translated) / row.total) / 10
}

const columns = ['language', 'document', 'total', 'translated', 'stale', 'needs-review', 'missing', 'obsolete'] as const

function cells(row: StatusRow): string[] {
  return [row.language, row.document, row.total, row.translated, row.stale, row.needsReview, row.missing, row.obsolete].map(String)
}

/** `status` as an aligned text table for a terminal: names left-aligned, counts right-aligned. */
export function formatStatusText(rows: readonly StatusRow[]): string {
  const table = [[...columns], ...rows.map(cells)]
  const widths = columns.map((_, column) => Math.max(...table.map((line) => line[column]!.length)))
  return table.map((line) => line.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd() + '\n').join('')
}

/**
 * `status` as a GitHub-flavored Markdown table (for a pull request comment or a job summary): the
 * counts and the coverage of every language and document, counts right-aligned.
 */
export function formatStatusMarkdown(rows: readonly StatusRow[]): string {
  const header = [...columns.slice(0, 2), 'coverage', ...columns.slice(2)]
  const line = (values: readonly string[]) => `| ${values.join(' | ')} |\n`
  // Language tags and document IDs are plain `[A-Za-z0-9_-]` names: nothing to escape.
  return [
    line(header),
    line(header.map((_, column) => (column < 2 ? '---' : '---:'))),
    ...rows.map((row) => {
      const [language, document, ...counts] = cells(row)
      return line([language!, document!, `${rowCoverage(row)}%`, ...counts])
    })
  ].join('')
}
