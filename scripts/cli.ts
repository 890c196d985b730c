import {resolve} from 'node:path'
import {parseArgs, type ParseArgsConfig} from 'node:util'
import {appendFile} from 'node:fs/promises'
import type {Format} from './commands/build.js'
import type {ExchangeFormat} from './commands/interchange.js'
import type {FileChange} from './commands/update.js'
import type {ReleaseResult} from './commands/release.js'
import {exchangeFormats, outputFormats} from './config.js'
import {InputError} from './diagnostics.js'
import type {Project} from './io/project.js'
import type {StatusRow} from './types.js'

/** Exit codes, set in one place: success, a check failed, usage error or bad input. */
const exit = {ok: 0, failed: 1, usage: 2} as const

/** Output streams and environment of one CLI run, so tests can run it in-process. */
export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  color: boolean
}

type Values = Record<string, string | boolean | string[] | undefined>

interface Command {
  summary: string
  usage: string
  options: ParseArgsConfig['options']
  examples: string[]
  run: (project: Project, values: Values, positionals: string[], io: Io) => Promise<number>
}

const root = {type: 'string', default: '.'} as const
const help = {type: 'boolean', short: 'h'} as const
const lang = {type: 'string', multiple: true} as const

const commands: Record<string, Command> = {
  init: {
    summary: 'create the segment files of a new language',
    usage: 'interlinear init <lang> [--root DIR]',
    options: {root, help},
    examples: ['interlinear init es', 'interlinear init zh-Hans --root path/to/project'],
    async run(project, _values, positionals, io) {
      const [language, ...rest] = positionals
      if (language === undefined || rest.length > 0) return usageError(io, 'init takes exactly one language tag, e.g. `interlinear init es`')
      const {init} = await import('./commands/init.js')
      for (const path of await init(project, language)) io.stdout(`created ${path}\n`)
      return exit.ok
    }
  },
  update: {
    summary: 'bring every segment file in line with the sources',
    usage: 'interlinear update [--lang L...] [--dry-run] [--root DIR]',
    options: {root, help, lang, 'dry-run': {type: 'boolean'}},
    examples: ['interlinear update', 'interlinear update --lang es --lang fr --dry-run'],
    async run(project, values, positionals, io) {
      if (positionals.length > 0) return usageError(io, `unexpected argument \`${positionals[0]}\``)
      const dryRun = values['dry-run'] === true
      const {update} = await import('./commands/update.js')
      const changes = await update(project, {languages: values.lang as string[] | undefined, dryRun})
      io.stdout(formatChanges(changes, dryRun))
      return exit.ok
    }
  },
  build: {
    summary: 'write every language as HTML, Markdown and plain text, with index.html and manifest.json',
    usage: 'interlinear build [--update] [--check] [--lang L...] [--formats html,md,txt] [--out DIR] [--min-coverage N] [--width N] [--stale fallback|keep] [--pseudo] [--root DIR]',
    options: {root, help, lang, update: {type: 'boolean'}, check: {type: 'boolean'}, formats: {type: 'string'}, out: {type: 'string'}, 'min-coverage': {type: 'string'}, width: {type: 'string'}, stale: {type: 'string', default: 'fallback'}, pseudo: {type: 'boolean'}},
    examples: ['interlinear build', 'interlinear build --update --check', 'interlinear build --lang fa --formats html --out /tmp/site', 'interlinear build --min-coverage 90 --stale keep', 'interlinear build --pseudo --formats html'],
    async run(project, values, positionals, io) {
      if (positionals.length > 0) return usageError(io, `unexpected argument \`${positionals[0]}\``)
      const chosen = typeof values.formats === 'string' ? values.formats.split(',').map((format) => format.trim()) : [...outputFormats]
      const unknown = chosen.find((format) => !(outputFormats as readonly string[]).includes(format))
      if (unknown !== undefined) return usageError(io, `unknown format \`${unknown}\` (use html, md, txt)`)
      const minCoverage = numberOption(values['min-coverage'], 0, 100)
      const width = numberOption(values.width, 20, 1000)
      if (minCoverage === null) return usageError(io, '--min-coverage must be a number from 0 to 100')
      if (width === null) return usageError(io, '--width must be a whole number from 20 to 1000')
      if (values.stale !== 'fallback' && values.stale !== 'keep') return usageError(io, '--stale must be `fallback` or `keep`')
      const {build} = await import('./commands/build.js')
      const result = await build(project, {
        languages: values.lang as string[] | undefined,
        formats: chosen as Format[],
        out: typeof values.out === 'string' ? values.out : undefined,
        minCoverage,
        width: width === undefined ? undefined : Math.trunc(width),
        stale: values.stale,
        pseudo: values.pseudo === true,
        update: values.update === true,
        check: values.check === true
      })
      if (result.changes) io.stdout(formatChanges(result.changes, false))
      if (result.report) {
        const {formatText} = await import('./check/format-findings.js')
        io.stdout(formatText(result.report.records))
      }
      for (const record of result.withheld) {
        io.stderr(`not published: ${record.language}/${record.document} is ${record.coverage}% translated, under --min-coverage ${minCoverage}\n`)
      }
      io.stdout(`wrote ${result.manifest.files.length + 1} files to ${result.out}\n`)
      return result.report && result.report.records.some((record) => record.severity === 'error') ? exit.failed : exit.ok
    }
  },
  check: {
    summary: 'run every check on the sources and segment files, writing nothing',
    usage: 'interlinear check [--lang L...] [--format text|json|github] [--summary FILE] [--strict] [--min-coverage N] [--root DIR]',
    options: {root, help, lang, format: {type: 'string', default: 'text'}, summary: {type: 'string'}, strict: {type: 'boolean'}, 'min-coverage': {type: 'string'}},
    examples: ['interlinear check', 'interlinear check --lang es --strict', 'interlinear check --format github --summary "$GITHUB_STEP_SUMMARY"'],
    async run(project, values, positionals, io) {
      if (positionals.length > 0) return usageError(io, `unexpected argument \`${positionals[0]}\``)
      const format = values.format
      if (format !== 'text' && format !== 'json' && format !== 'github') return usageError(io, '--format must be `text`, `json` or `github`')
      const minCoverage = numberOption(values['min-coverage'], 0, 100)
      if (minCoverage === null) return usageError(io, '--min-coverage must be a number from 0 to 100')
      const {check} = await import('./commands/check.js')
      const {formatGithub, formatJson, formatSummary, formatText, summarize} = await import('./check/format-findings.js')
      const result = await check(project, {languages: values.lang as string[] | undefined, minCoverage})
      const formatter = {text: formatText, json: formatJson, github: formatGithub}[format]
      io.stdout(formatter(result.records))
      if (typeof values.summary === 'string') await appendFile(values.summary, formatSummary(result.rows, result.records))
      if (result.badInput) return exit.usage
      const {errors, warnings} = summarize(result.records)
      return errors > 0 || (values.strict === true && warnings > 0) ? exit.failed : exit.ok
    }
  },
  release: {
    summary: 'check, build every language and write a versioned release: folder, notes, checksums, .tar.gz and .zip',
    usage: 'interlinear release --version X.Y.Z [--name NAME] [--out DIR] [--min-coverage N] [--force] [--root DIR]',
    options: {root, help, version: {type: 'string'}, name: {type: 'string'}, out: {type: 'string'}, 'min-coverage': {type: 'string'}, force: {type: 'boolean'}},
    examples: ['interlinear release --version 1.0.0', 'interlinear release --version 1.1.0 --min-coverage 90', 'SOURCE_DATE_EPOCH=1700000000 interlinear release --version 2.0.0-rc.1 --out /tmp/releases'],
    async run(project, values, positionals, io) {
      if (positionals.length > 0) return usageError(io, `unexpected argument \`${positionals[0]}\``)
      if (typeof values.version !== 'string') return usageError(io, '--version is required, e.g. `interlinear release --version 1.0.0`')
      const {versionProblem} = await import('./release/version.js')
      const problem = versionProblem(values.version)
      if (problem !== undefined) return usageError(io, `--version \`${values.version}\`: ${problem}`)
      const minCoverage = numberOption(values['min-coverage'], 0, 100)
      if (minCoverage === null) return usageError(io, '--min-coverage must be a number from 0 to 100')
      const {release} = await import('./commands/release.js')
      const result = await release(project, {
        version: values.version,
        name: values.name as string | undefined,
        out: typeof values.out === 'string' ? values.out : undefined,
        minCoverage,
        force: values.force === true
      })
      if (result.kind === 'refused') {
        const {formatText} = await import('./check/format-findings.js')
        io.stderr(formatText(result.findings))
        const count = `${result.findings.length} error${result.findings.length === 1 ? '' : 's'}`
        io.stderr(`interlinear: release refused: \`check\` reports ${count} (listed above); fix ${result.findings.length === 1 ? 'it' : 'them'} and release again\n`)
        return result.badInput ? exit.usage : exit.failed
      }
      io.stdout(formatRelease(result))
      for (const item of result.summary.translations) {
        const under = `${item.language}/${item.document} is ${item.work.coverage}% translated, under --min-coverage ${minCoverage}`
        if (item.shipping === 'carried') io.stderr(`carried forward: ${under}; shipping its translation from ${item.from}\n`)
        if (item.shipping === 'withheld') io.stderr(`withheld: ${under}; ${item.reason === 'files-unavailable' ? `the files released in ${item.from} are missing or altered` : 'no earlier release shipped it'}\n`)
      }
      return exit.ok
    }
  },
  export: {
    summary: 'export one language for other tools: i18next JSON, PO or XLIFF 2.0',
    usage: 'interlinear export --lang L [--doc D] --format i18next|po|xliff [--out FILE] [--root DIR]',
    options: {root, help, lang: {type: 'string'}, doc: {type: 'string'}, format: {type: 'string'}, out: {type: 'string'}},
    examples: ['interlinear export --lang es --format po --out es.po', 'interlinear export --lang en --format i18next --out template.json', 'interlinear export --lang fa --format xliff'],
    async run(project, values, positionals, io) {
      const problem = exchangeUsage(values, positionals)
      if (problem !== undefined) return usageError(io, problem)
      const {exportTranslations} = await import('./commands/interchange.js')
      const {writeAtomic} = await import('./io/write-atomic.js')
      const text = await exportTranslations(project, {language: values.lang as string, document: values.doc as string | undefined, format: values.format as ExchangeFormat})
      if (typeof values.out === 'string') await writeAtomic(resolve(values.out), text)
      else io.stdout(text)
      return exit.ok
    }
  },
  import: {
    summary: 'import translations from i18next JSON, PO or XLIFF 2.0 into a segment file',
    usage: 'interlinear import --lang L [--doc D] --format i18next|po|xliff FILE [--root DIR]',
    options: {root, help, lang: {type: 'string'}, doc: {type: 'string'}, format: {type: 'string'}},
    examples: ['interlinear import --lang es --format po es.po', 'interlinear import --lang de --format xliff --doc statement de.xlf'],
    async run(project, values, positionals, io) {
      const [input, ...rest] = positionals
      const problem = exchangeUsage(values, rest) ?? (input === undefined ? 'import takes the file to read, e.g. `interlinear import --lang es --format po es.po`' : undefined)
      if (problem !== undefined) return usageError(io, problem)
      const {importTranslations} = await import('./commands/interchange.js')
      const changed = await importTranslations(project, {language: values.lang as string, document: values.doc as string | undefined, format: values.format as ExchangeFormat, input: resolve(input!), displayPath: input!})
      io.stdout(changed ? `imported ${input} into ${values.lang}\n` : `unchanged: ${input} holds nothing new\n`)
      return exit.ok
    }
  },
  'import-doc': {
    summary: 'bootstrap a segment file from an already translated Markdown document',
    usage: 'interlinear import-doc --lang L [--doc D] [--force] FILE.md [--root DIR]',
    options: {root, help, lang: {type: 'string'}, doc: {type: 'string'}, force: {type: 'boolean'}},
    examples: ['interlinear import-doc --lang es statement.es.md', 'interlinear import-doc --lang de --doc statement --force old-translation.md'],
    async run(project, values, positionals, io) {
      const [input, ...rest] = positionals
      if (typeof values.lang !== 'string') return usageError(io, '--lang is required')
      if (input === undefined || rest.length > 0) return usageError(io, 'import-doc takes one translated Markdown file')
      const {importDocument} = await import('./commands/import-document.js')
      const result = await importDocument(project, {language: values.lang, document: values.doc as string | undefined, input: resolve(input), displayPath: input, force: values.force === true})
      const {alignment} = result
      const lines = [`${result.path}: ${result.imported} translations imported, ${alignment.pairs.length} of ${alignment.pairs.length + alignment.missing.length + alignment.unaligned.reduce((sum, item) => sum + item.mergedFrom.length, 0)} segments aligned`]
      if (result.kept > 0) lines.push(`kept ${result.kept} existing translations (use --force to replace them)`)
      for (const item of alignment.unaligned) {
        const where = `${input}:${item.block.place.line}:${item.block.place.column}`
        lines.push(item.mergedFrom.length > 0
          ? `${where}  not aligned: seems to merge segments ${item.mergedFrom.map((segment) => `${segment.id} (line ${segment.place.line})`).join(' and ')}; split it to match the source`
          : `${where}  not aligned: no source segment matches it with confidence`)
      }
      for (const segment of alignment.missing) lines.push(`${result.sourcePath}:${segment.place.line}:${segment.place.column}  missing: no translated block for segment ${segment.id}`)
      io.stdout(`${lines.join('\n')}\n`)
      return exit.ok
    }
  },
  status: {
    summary: 'count translated, stale, needs-review, missing and obsolete segments',
    usage: 'interlinear status [--lang L...] [--format text|json] [--root DIR]',
    options: {root, help, lang, format: {type: 'string', default: 'text'}},
    examples: ['interlinear status', 'interlinear status --format json --lang fa'],
    async run(project, values, positionals, io) {
      if (positionals.length > 0) return usageError(io, `unexpected argument \`${positionals[0]}\``)
      const format = values.format
      if (format !== 'text' && format !== 'json') return usageError(io, '--format must be `text` or `json`')
      const {status} = await import('./commands/status.js')
      const rows = await status(project, {languages: values.lang as string[] | undefined})
      io.stdout(format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : formatStatus(rows))
      return exit.ok
    }
  }
}

/** A numeric option within bounds: `undefined` when absent, `null` when invalid. */
function numberOption(value: unknown, min: number, max: number): number | undefined | null {
  if (value === undefined) return undefined
  const number = Number(value)
  return typeof value === 'string' && value.trim() !== '' && Number.isFinite(number) && number >= min && number <= max ? number : null
}

function exchangeUsage(values: Values, extra: string[]): string | undefined {
  if (extra.length > 0) return `unexpected argument \`${extra[0]}\``
  if (typeof values.lang !== 'string') return '--lang is required'
  if (!(exchangeFormats as readonly unknown[]).includes(values.format)) return '--format must be `i18next`, `po` or `xliff`'
  return undefined
}

function usageError(io: Io, message: string): number {
  io.stderr(`interlinear: ${message}\nRun \`interlinear --help\` for usage.\n`)
  return exit.usage
}

function mainHelp(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length))
  const lines = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`)
  return `Usage: interlinear <command> [options]\n\nKeep a canonical Markdown document and its translations in step.\n\nCommands:\n${lines.join('\n')}\n\nOptions for every command:\n  --root DIR  project folder holding source/ and translations/ (default: .)\n  --help      help for a command\n\nExit codes: 0 success, 1 a check failed, 2 usage error or bad input.\n`
}

function commandHelp(name: string, command: Command): string {
  return `Usage: ${command.usage}\n\n${command.summary[0]!.toUpperCase()}${command.summary.slice(1)}.\n\nExamples:\n${command.examples.map((example) => `  ${example}`).join('\n')}\n`
}

function formatChanges(changes: FileChange[], dryRun: boolean): string {
  const verb = (action: FileChange['action']) => (dryRun ? {create: 'would create', update: 'would update', unchanged: 'unchanged'} : {create: 'created', update: 'updated', unchanged: 'unchanged'})[action]
  return changes
    .map((change) => {
      const details = [
        change.added && `${change.added} new`,
        change.needsReview && `${change.needsReview} need review`,
        change.obsoleted && `${change.obsoleted} obsolete`,
        change.restored && `${change.restored} restored`
      ].filter(Boolean)
      return `${verb(change.action)} ${change.path}${details.length > 0 ? ` (${details.join(', ')})` : ''}\n`
    })
    .join('')
}

function formatRelease(result: Extract<ReleaseResult, {kind: 'released'}>): string {
  const {record} = result
  const verb = {created: 'released', replaced: 'replaced', unchanged: 'unchanged:'}[result.outcome]
  const dated = {SOURCE_DATE_EPOCH: 'from SOURCE_DATE_EPOCH', git: 'the last commit of the sources', fixed: 'a fixed time: no SOURCE_DATE_EPOCH, no commit of the sources'}[result.dateOrigin]
  const lines = [`${verb} ${record.name} ${record.version}: ${record.files.length + 1} files, dated ${record.date} (${dated})`, `  ${result.folder}/`, ...result.archives.map((path) => `  ${path}`)]
  return `${lines.join('\n')}\n`
}

function formatStatus(rows: StatusRow[]): string {
  const header = ['language', 'document', 'total', 'translated', 'stale', 'needs-review', 'missing', 'obsolete']
  const table = [header, ...rows.map((row) => [row.language, row.document, row.total, row.translated, row.stale, row.needsReview, row.missing, row.obsolete].map(String))]
  const widths = header.map((_, column) => Math.max(...table.map((cells) => cells[column]!.length)))
  return table.map((cells) => cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd() + '\n').join('')
}

/**
 * Run the CLI with `argv` (without node and script) and return the exit code. Bad input is reported
 * like remark reports it, with file, line and column, and gives exit code 2; never a stack trace.
 */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainHelp())
    return name === undefined ? exit.usage : exit.ok
  }
  if (name === '--version') {
    io.stdout(`${process.env.npm_package_version ?? ''}\n`)
    return exit.ok
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined
  if (command === undefined) return usageError(io, `unknown command \`${name}\``)
  let parsed: {values: Values; positionals: string[]}
  try {
    parsed = parseArgs({args: rest, options: command.options, allowPositionals: true, strict: true}) as typeof parsed
  } catch (error) {
    return usageError(io, (error as Error).message)
  }
  if (parsed.values.help === true) {
    io.stdout(commandHelp(name, command))
    return exit.ok
  }
  const project: Project = {root: resolve(String(parsed.values.root ?? '.'))}
  try {
    return await command.run(project, parsed.values, parsed.positionals, io)
  } catch (error) {
    if (error instanceof InputError) {
      const {reporter} = await import('vfile-reporter')
      io.stderr(`${reporter(error.files, {color: io.color})}\n`)
      return exit.usage
    }
    throw error
  }
}
