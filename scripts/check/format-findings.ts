import type {VFile} from 'vfile'
import type {StatusRow} from '../types.js'
import {createPaint, type Paint, type Style} from '../terminal/color.js'
import {severityOf, type Finding, type Severity} from './finding.js'

/** Counts of findings by severity. */
export interface FindingSummary {
  errors: number
  warnings: number
  infos: number
}

/** A finding as JSON. */
export interface FindingRecord {
  file: string
  line: number
  column: number
  severity: Severity
  rule: string
  message: string
  language?: string
  document?: string
  segment?: string
}

/** Every finding of `files` as plain records, sorted by file, line and column. */
export function findingRecords(files: readonly VFile[]): FindingRecord[] {
  return files
    .flatMap((file) =>
      (file.messages as Finding[]).map((message) => {
        const record: FindingRecord = {file: file.path, line: message.line ?? 1, column: message.column ?? 1, severity: severityOf(message), rule: message.ruleId ?? 'unknown', message: message.reason}
        if (message.language !== undefined) record.language = message.language
        if (message.document !== undefined) record.document = message.document
        if (message.segment !== undefined) record.segment = message.segment
        return record
      })
    )
    .sort(compareRecords)
}

/** The order of findings: by file, line and column. */
export function compareRecords(a: FindingRecord, b: FindingRecord): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column
}

/** Counts by severity. */
export function summarize(records: readonly FindingRecord[]): FindingSummary {
  return {
    errors: records.filter((record) => record.severity === 'error').length,
    warnings: records.filter((record) => record.severity === 'warning').length,
    infos: records.filter((record) => record.severity === 'info').length
  }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

const severityStyles: Record<Severity, Style> = {error: 'red', warning: 'yellow', info: 'cyan'}
const plain = createPaint(false)

/**
 * One finding as `file:line:column  severity  message  rule`, the severity colored by `paint`; with
 * `fixed`, the word `fixed` in place of the severity (`watch` lists the findings an edit resolved).
 */
export function formatFinding(record: FindingRecord, paint: Paint = plain, fixed = false): string {
  const label = fixed ? paint('green', 'fixed') : paint(severityStyles[record.severity], record.severity)
  return `${record.file}:${record.line}:${record.column}  ${label}  ${record.message}  ${paint('dim', record.rule)}`
}

/** The totals line: `1 error, 2 warnings, 0 infos`. */
export function formatTotals(records: readonly FindingRecord[]): string {
  const summary = summarize(records)
  return `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.infos, 'info')}`
}

/** One line per finding, sorted by file, line and column, then the totals. */
export function formatText(records: readonly FindingRecord[], paint: Paint = plain): string {
  return `${[...records.map((record) => formatFinding(record, paint)), formatTotals(records)].join('\n')}\n`
}

/** The report of `check --json`: every finding and the counts. */
export function findingsReport(records: readonly FindingRecord[]): {diagnostics: readonly FindingRecord[]; summary: FindingSummary} {
  return {diagnostics: records, summary: summarize(records)}
}

/** `{diagnostics, summary}` as JSON. */
export function formatJson(records: readonly FindingRecord[]): string {
  return `${JSON.stringify(findingsReport(records), null, 2)}\n`
}

// GitHub workflow command escaping: data escapes %, CR, LF; properties also `:` and `,`.
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
const commands: Record<Severity, string> = {error: 'error', warning: 'warning', info: 'notice'}

/** GitHub Actions annotations pointing at each finding's line. */
export function formatGithub(records: readonly FindingRecord[]): string {
  return records.map((record) => `::${commands[record.severity]} file=${escapeProperty(record.file)},line=${record.line},col=${record.column},title=${escapeProperty(record.rule)}::${escapeData(record.message)}\n`).join('')
}

/** A Markdown table per language, for `$GITHUB_STEP_SUMMARY`. */
export function formatSummary(rows: readonly StatusRow[], records: readonly FindingRecord[]): string {
  const languages = [...new Set(rows.map((row) => row.language))]
  const parts = ['## Translation check\n']
  for (const language of languages) {
    parts.push(`### ${language}\n`, '| document | translated | stale | needs review | missing | obsolete | errors | warnings |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
    for (const row of rows.filter((item) => item.language === language)) {
      const own = records.filter((record) => record.language === language && record.document === row.document)
      const {errors, warnings} = summarize(own)
      parts.push(`| ${row.document} | ${row.translated}/${row.total} | ${row.stale} | ${row.needsReview} | ${row.missing} | ${row.obsolete} | ${errors} | ${warnings} |`)
    }
    parts.push('')
  }
  return `${parts.join('\n')}\n`
}
