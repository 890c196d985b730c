import type {SourceChanges, TranslationChanges} from './diff-releases.js'
import type {LanguageRecord} from './release-record.js'

/** One source document, as the notes describe it. */
export interface SourceSummary {
  document: string
  language: string
  path: string
  segments: number
  /** Absent in a first release. */
  changes?: SourceChanges
}

/** One translation of one document, as the notes describe it. */
export interface TranslationSummary extends LanguageRecord {
  document: string
  /** The translation in the project now (what `shipping: current` ships). */
  work: {coverage: number; status: LanguageRecord['status']}
  /** Since the previous release, for a translation shipped from the current files. */
  changes?: TranslationChanges
}

/** Everything `RELEASE-NOTES.md` says. */
export interface ReleaseSummary {
  name: string
  version: string
  date: string
  previous?: string
  minCoverage: number
  sources: SourceSummary[]
  translations: TranslationSummary[]
  /** Shipped by the previous release, gone from the project (language folder or document removed). */
  dropped: {language: string; document: string}[]
}

const changeLabels: [keyof TranslationChanges, string][] = [
  ['newlyTranslated', 'newly translated'],
  ['updated', 'updated'],
  ['nowStale', 'now stale'],
  ['nowMissing', 'translation removed']
]

/**
 * `RELEASE-NOTES.md`: per language its coverage, status, what is shipped and what changed since the
 * previous release (segment counts and IDs), and which languages the coverage threshold held back.
 * Only validated values (tags, document IDs, versions, segment IDs, numbers) reach it, never text from a
 * translator's file.
 */
export function renderReleaseNotes(summary: ReleaseSummary): string {
  const since = summary.previous === undefined ? undefined : `since ${summary.previous}`
  const lines = [`# ${summary.name} ${summary.version}`, '']
  lines.push(
    [
      `Released ${summary.date.slice(0, 10)}.`,
      summary.previous === undefined ? 'First release.' : `Previous release: ${summary.previous}.`,
      summary.minCoverage > 0 ? `Coverage threshold: ${summary.minCoverage}%.` : 'No coverage threshold.'
    ].join(' '),
    ''
  )
  // A first release has nothing to compare with: its tables have no "since" column.
  const table = (header: string[], rows: string[][]) => {
    const columns = since === undefined ? header.length - 1 : header.length
    const row = (cells: string[]) => `| ${cells.slice(0, columns).join(' | ')} |`
    lines.push(row(header), row(header.map((cell) => (cell === 'coverage' || cell === 'segments' ? '---:' : '---'))), ...rows.map(row), '')
  }
  lines.push('## Sources', '')
  table(['document', 'language', 'segments', since ?? ''], summary.sources.map((source) => [source.document, source.language, String(source.segments), sourceCell(source.changes)]))
  for (const source of summary.sources) {
    for (const key of ['added', 'removed'] as const) {
      const ids = source.changes?.[key] ?? []
      if (ids.length > 0 && !source.changes!.new) lines.push(`- \`${source.document}\` ${key} (${ids.length}): ${codeList(ids)}`)
    }
  }
  if (lines.at(-1) !== '') lines.push('')
  lines.push('## Translations', '')
  table(
    ['language', 'document', 'coverage', 'status', 'shipped', since ?? ''],
    summary.translations.map((item) => [item.language, item.document, item.shipping === 'withheld' ? '—' : `${item.coverage}%`, item.status, shippedCell(item), translationCell(item)])
  )
  const changed = summary.translations.flatMap((item) =>
    changeLabels.flatMap(([key, label]) => {
      const ids = item.changes?.[key] ?? []
      return ids.length > 0 ? [`- \`${item.language}/${item.document}\` ${label} (${ids.length}): ${codeList(ids)}`] : []
    })
  )
  if (since !== undefined && changed.length > 0) lines.push(`### Changes ${since}`, '', ...changed, '')
  const held = summary.translations.filter((item) => item.shipping !== 'current')
  if (held.length > 0) {
    lines.push('## Held back by the coverage threshold', '')
    for (const item of held) lines.push(`- \`${item.language}/${item.document}\` is ${item.work.coverage}% translated, under ${summary.minCoverage}%: ${heldReason(item)}.`)
    lines.push('')
  }
  if (summary.dropped.length > 0) {
    lines.push('## No longer in the project', '')
    for (const item of summary.dropped) lines.push(`- \`${item.language}/${item.document}\` was in ${summary.previous}; the project no longer has it.`)
    lines.push('')
  }
  return `${lines.join('\n').trimEnd()}\n`
}

function codeList(ids: readonly string[]): string {
  return ids.map((id) => `\`${id}\``).join(', ')
}

function sourceCell(changes: SourceChanges | undefined): string {
  if (changes === undefined) return ''
  if (changes.new) return 'new document'
  const parts = [changes.added.length > 0 && `${changes.added.length} added`, changes.removed.length > 0 && `${changes.removed.length} removed`].filter(Boolean)
  return parts.length > 0 ? parts.join(', ') : 'unchanged'
}

function shippedCell(item: TranslationSummary): string {
  if (item.shipping === 'current') return 'this release'
  if (item.shipping === 'carried') return `**from ${item.from} (older)**`
  return '**withheld**'
}

function translationCell(item: TranslationSummary): string {
  if (item.shipping === 'carried') return `carried forward from ${item.from}`
  if (item.changes === undefined) return '—'
  const parts = changeLabels.flatMap(([key, label]) => (item.changes![key].length > 0 ? [`${item.changes![key].length} ${label}`] : []))
  return parts.length > 0 ? parts.join(', ') : 'unchanged'
}

function heldReason(item: TranslationSummary): string {
  if (item.shipping === 'carried') return `the version released in ${item.from} (${item.coverage}% translated, ${item.status}) is carried forward instead, older than the translation in the project`
  if (item.reason === 'files-unavailable') {
    return `withheld, as the files released in ${item.from} are neither in their folder nor in their \`.tar.gz\` archive with the recorded checksums (restore them and release again to carry it forward)`
  }
  return 'withheld, as no earlier release shipped it'
}
