import {resolve} from 'node:path'
import {parseArgs} from 'node:util'
import {appendFile} from 'node:fs/promises'
import type {FindingRecord} from './check/format-findings.js'
import type {Format} from './commands/build.js'
import type {ExchangeFormat} from './commands/interchange.js'
import type {FileChange} from './commands/update.js'
import type {ReleaseResult} from './commands/release.js'
import {defaults, exchangeFormats, outputFormats} from './config.js'
import {InputError, isFileSystemError} from './diagnostics.js'
import type {Project} from './io/project.js'
import {createPaint} from './terminal/color.js'
import {fileSystemError, type Output} from './terminal/output.js'
import {createProgress} from './terminal/progress.js'

/** Exit codes, set in one place: success, a check failed, usage error or bad input (or a file the file system refuses). A bug exits 70 (bin.ts). */
const exit = {ok: 0, failed: 1, usage: 2} as const

/** Output streams and terminal of one CLI run, so tests can run it in-process. */
export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** Color diagnostics and errors on stderr. */
  color: boolean
  /** Color findings and results on stdout. */
  colorStdout: boolean
  /** Width of stderr when it is a terminal: progress lines are drawn only then. */
  terminalColumns?: number
}

type Values = Record<string, string | boolean | string[] | undefined>

/** A command-line option, with its help. */
interface Option {
  type: 'string' | 'boolean'
  short?: string
  multiple?: boolean
  default?: string
  /** Name of the value in help: `--lang L`. */
  value?: string
  description: string
}

interface Command {
  summary: string
  usage: string
  /** Options in the order of `--help`. */
  options: Record<string, Option>
  examples: string[]
  run: (project: Project, values: Values, positionals: string[], out: Output) => Promise<number>
}

const root: Option = {type: 'string', default: '.', value: 'DIR', description: 'project folder holding source/ and translations/ (default: .)'}
const quiet: Option = {type: 'boolean', short: 'q', description: 'print only errors'}
const help: Option = {type: 'boolean', short: 'h', description: 'show this help'}
/** Options of every command, listed last in its help. */
const common = {root, quiet, help}
const lang = (description: string): Option => ({type: 'string', multiple: true, value: 'L', description: `${description} (repeat for more; default: all)`})
const json = (shape: string): Option => ({type: 'boolean', description: `print the result as JSON: ${shape}`})
const minCoverageOption = (effect: string): Option => ({type: 'string', value: 'N', description: `${effect} when under N% of its segments are translated and current`})

const commands: Record<string, Command> = {
  init: {
    summary: 'create the segment files of a new language',
    usage: 'interlinear init <lang> [--json] [--root DIR]',
    options: {json: json('{"created": [paths]}'), ...common},
    examples: ['interlinear init es', 'interlinear init zh-Hans --root path/to/project'],
    async run(project, values, positionals, out) {
      const [language, ...rest] = positionals
      if (language === undefined || rest.length > 0) return usageError(out, 'init takes exactly one language tag, e.g. `interlinear init es`')
      const {init} = await import('./commands/init.js')
      const created = await init(project, language)
      out.print(values.json === true ? toJson({created}) : created.map((path) => `created ${path}\n`).join(''))
      return exit.ok
    }
  },
  update: {
    summary: 'bring every segment file in line with the sources',
    usage: 'interlinear update [--lang L...] [--dry-run] [--json] [--root DIR]',
    options: {
      lang: lang('update only this language'),
      'dry-run': {type: 'boolean', description: 'show what would change, write nothing'},
      json: json('{"dryRun", "files": [{path, language, document, action, added, needsReview, obsoleted, restored}]}'),
      ...common
    },
    examples: ['interlinear update', 'interlinear update --lang es --lang fr --dry-run', 'interlinear update --dry-run --json'],
    async run(project, values, positionals, out) {
      if (positionals.length > 0) return usageError(out, `unexpected argument \`${positionals[0]}\``)
      const dryRun = values['dry-run'] === true
      const {update} = await import('./commands/update.js')
      const changes = await update(project, {languages: values.lang as string[] | undefined, dryRun})
      out.print(values.json === true ? toJson({dryRun, files: changes}) : formatChanges(changes, dryRun))
      return exit.ok
    }
  },
  build: {
    summary: 'write every language as HTML, Markdown and plain text, with index.html, the status.html dashboard, review pages and manifest.json',
    usage: 'interlinear build [--update] [--check] [--lang L...] [--formats html,md,txt] [--out DIR] [--min-coverage N] [--width N] [--stale fallback|keep] [--pseudo] [--jobs N] [--shard I/N] [--json] [--root DIR]',
    options: {
      update: {type: 'boolean', description: 'first bring the segment files in line with the sources, as `update` does'},
      check: {type: 'boolean', description: 'also run every check, as `check` does (exit 1 on errors)'},
      lang: lang('build only this language'),
      formats: {type: 'string', value: 'LIST', description: 'output formats, comma-separated: html, md, txt (default: all three)'},
      out: {type: 'string', value: 'DIR', description: 'output folder (default: dist/ in the project)'},
      'min-coverage': minCoverageOption('do not publish a language'),
      width: {type: 'string', value: 'N', description: `wrap plain text at N terminal columns, 20 to 1000 (default: ${defaults.width})`},
      stale: {type: 'string', default: 'fallback', value: 'POLICY', description: 'stale and needs-review translations: `fallback` to the next language (default) or `keep` them, marked as outdated'},
      pseudo: {type: 'boolean', description: 'also build the pseudo-locale qps-ploc, to test layouts with longer, accented text'},
      jobs: {type: 'string', value: 'N', description: 'use N threads: one writes the output files, the others render (default: as many as the number of pages pays for, up to the cores)'},
      shard: {type: 'string', value: 'I/N', description: 'render only the languages of shard I of N, for CI matrices: the N shards together write exactly the full build'},
      json: json('{"out", "files": [paths], "withheld": [coverage records]}, with "changes" (--update) and "check" {"diagnostics", "summary"} (--check)'),
      ...common
    },
    examples: ['interlinear build', 'interlinear build --update --check', 'interlinear build --lang fa --formats html --out /tmp/site', 'interlinear build --min-coverage 90 --stale keep', 'interlinear build --pseudo --formats html', 'interlinear build --json > build.json', 'interlinear build --shard 2/4   # one job of a CI matrix of four'],
    async run(project, values, positionals, out) {
      if (positionals.length > 0) return usageError(out, `unexpected argument \`${positionals[0]}\``)
      const chosen = typeof values.formats === 'string' ? values.formats.split(',').map((format) => format.trim()) : [...outputFormats]
      const unknown = chosen.find((format) => !(outputFormats as readonly string[]).includes(format))
      if (unknown !== undefined) return usageError(out, `unknown format \`${unknown}\` (use html, md, txt)`)
      const minCoverage = numberOption(values['min-coverage'], 0, 100)
      const width = numberOption(values.width, 20, 1000)
      if (minCoverage === null) return usageError(out, '--min-coverage must be a number from 0 to 100')
      if (width === null) return usageError(out, '--width must be a whole number from 20 to 1000')
      if (values.stale !== 'fallback' && values.stale !== 'keep') return usageError(out, '--stale must be `fallback` or `keep`')
      const jobs = numberOption(values.jobs, 1, 64)
      if (jobs === null || (jobs !== undefined && !Number.isInteger(jobs))) return usageError(out, '--jobs must be a whole number from 1 to 64')
      const shard = typeof values.shard === 'string' ? /^([1-9]\d{0,3})\/([1-9]\d{0,3})$/.exec(values.shard) : undefined
      if (shard === null || (shard && Number(shard[1]) > Number(shard[2]))) return usageError(out, '--shard must be I/N with 1 ≤ I ≤ N ≤ 9999, for example 2/4')
      const {build, buildSummary} = await import('./commands/build.js')
      const progress = out.progress?.()
      const result = await build(project, {
        languages: values.lang as string[] | undefined,
        formats: chosen as Format[],
        out: typeof values.out === 'string' ? values.out : undefined,
        minCoverage,
        width: width === undefined ? undefined : Math.trunc(width),
        stale: values.stale,
        pseudo: values.pseudo === true,
        update: values.update === true,
        check: values.check === true,
        shard: shard ? {index: Number(shard[1]), count: Number(shard[2])} : undefined,
        jobs,
        onProgress: progress && ((step) => progress.update(`building ${step.document}: ${step.done}/${step.total} languages`)),
        onWarning: (message) => out.note(`${out.paint.stderr('yellow', 'warning')}: ${message}\n`)
      }).finally(() => progress?.clear())
      const failed = result.report !== undefined && result.report.records.some((record) => record.severity === 'error')
      for (const record of result.withheld) {
        out.note(`${out.paint.stderr('yellow', 'not published')}: ${record.language}/${record.document} is ${record.coverage}% translated, under --min-coverage ${minCoverage}\n`)
      }
      const files = [...result.files.map((file) => file.path), 'manifest.json']
      if (values.json === true) {
        const {findingsReport} = await import('./check/format-findings.js')
        out.print(toJson({out: result.out, files, withheld: result.withheld, changes: result.changes, check: result.report && findingsReport(result.report.records)}))
        return failed ? exit.failed : exit.ok
      }
      if (result.changes) out.print(formatChanges(result.changes, false))
      if (result.report) out.stdout(await findingsText(result.report.records, out))
      out.print(buildSummary(result))
      return failed ? exit.failed : exit.ok
    }
  },
  check: {
    summary: 'run every check on the sources and segment files, writing nothing',
    usage: 'interlinear check [--lang L...] [--format text|json|github] [--json] [--summary FILE] [--strict] [--min-coverage N] [--root DIR]',
    options: {
      lang: lang('check only this language'),
      format: {type: 'string', value: 'FORMAT', description: '`text` (default): one finding a line, `file:line:column  severity  message  rule`; `json`; `github`: workflow annotations'},
      json: json('the same as --format json, {"diagnostics": [findings], "summary": {errors, warnings, infos}}'),
      summary: {type: 'string', value: 'FILE', description: 'append a Markdown table per language to FILE (e.g. "$GITHUB_STEP_SUMMARY")'},
      strict: {type: 'boolean', description: 'exit 1 on warnings too, not only on errors'},
      'min-coverage': minCoverageOption('report an error for a language'),
      ...common
    },
    examples: ['interlinear check', 'interlinear check --lang es --strict', 'interlinear check --json --quiet', 'interlinear check --format github --summary "$GITHUB_STEP_SUMMARY"'],
    async run(project, values, positionals, out) {
      if (positionals.length > 0) return usageError(out, `unexpected argument \`${positionals[0]}\``)
      const format = formatOption(values, ['text', 'json', 'github'])
      if (format === undefined) return usageError(out, '--format must be `text`, `json` or `github`, and agree with --json')
      const minCoverage = numberOption(values['min-coverage'], 0, 100)
      if (minCoverage === null) return usageError(out, '--min-coverage must be a number from 0 to 100')
      const {check} = await import('./commands/check.js')
      const {formatGithub, formatJson, formatSummary, summarize} = await import('./check/format-findings.js')
      const result = await check(project, {languages: values.lang as string[] | undefined, minCoverage})
      const shown = out.quiet ? result.records.filter((record) => record.severity === 'error') : result.records
      out.stdout(format === 'text' ? await findingsText(shown, out) : {json: formatJson, github: formatGithub}[format](shown))
      if (typeof values.summary === 'string') await appendFile(values.summary, formatSummary(result.rows, result.records))
      if (result.badInput) return exit.usage
      const {errors, warnings} = summarize(result.records)
      return errors > 0 || (values.strict === true && warnings > 0) ? exit.failed : exit.ok
    }
  },
  release: {
    summary: 'check, build every language and write a versioned release: folder, notes, checksums, .tar.gz and .zip',
    usage: 'interlinear release --version X.Y.Z [--name NAME] [--out DIR] [--min-coverage N] [--force] [--root DIR]',
    options: {
      version: {type: 'string', value: 'X.Y.Z', description: 'the version to release (semantic versioning, e.g. 1.0.0 or 2.0.0-rc.1)'},
      name: {type: 'string', value: 'NAME', description: 'base name of the release folder and archives (default: the ID of the only document; required with several)'},
      out: {type: 'string', value: 'DIR', description: `folder of releases (default: ${defaults.releaseDir}/ in the project)`},
      'min-coverage': minCoverageOption('ship the last released translation of a language, or withhold it,'),
      force: {type: 'boolean', description: 'replace an existing release of this version that has other content'},
      ...common
    },
    examples: ['interlinear release --version 1.0.0', 'interlinear release --version 1.1.0 --min-coverage 90', 'SOURCE_DATE_EPOCH=1700000000 interlinear release --version 2.0.0-rc.1 --out /tmp/releases'],
    async run(project, values, positionals, out) {
      if (positionals.length > 0) return usageError(out, `unexpected argument \`${positionals[0]}\``)
      if (typeof values.version !== 'string') return usageError(out, '--version is required, e.g. `interlinear release --version 1.0.0`')
      const {versionProblem} = await import('./release/version.js')
      const problem = versionProblem(values.version)
      if (problem !== undefined) return usageError(out, `--version \`${values.version}\`: ${problem}`)
      const minCoverage = numberOption(values['min-coverage'], 0, 100)
      if (minCoverage === null) return usageError(out, '--min-coverage must be a number from 0 to 100')
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
        out.stderr(formatText(result.findings, out.paint.stderr))
        const count = `${result.findings.length} error${result.findings.length === 1 ? '' : 's'}`
        out.stderr(`interlinear: release refused: \`check\` reports ${count} (listed above); fix ${result.findings.length === 1 ? 'it' : 'them'} and release again\n`)
        return result.badInput ? exit.usage : exit.failed
      }
      out.print(formatRelease(result))
      for (const item of result.summary.translations) {
        const under = `${item.language}/${item.document} is ${item.work.coverage}% translated, under --min-coverage ${minCoverage}`
        if (item.shipping === 'carried') out.note(`carried forward: ${under}; shipping its translation from ${item.from}\n`)
        if (item.shipping === 'withheld') out.note(`withheld: ${under}; ${item.reason === 'files-unavailable' ? `the files released in ${item.from} are missing or altered` : 'no earlier release shipped it'}\n`)
      }
      return exit.ok
    }
  },
  export: {
    summary: 'export one language for other tools: i18next JSON, PO or XLIFF 2.0',
    usage: 'interlinear export --lang L [--doc D] --format i18next|po|xliff [--out FILE] [--root DIR]',
    options: {
      lang: {type: 'string', value: 'L', description: 'the language to export (the source language gives a template)'},
      doc: {type: 'string', value: 'D', description: 'the document, when the project has several'},
      format: {type: 'string', value: 'FORMAT', description: '`i18next` (JSON v4), `po` or `xliff` (2.0)'},
      out: {type: 'string', value: 'FILE', description: 'write to FILE instead of stdout (stdout is the export itself, even with --quiet)'},
      ...common
    },
    examples: ['interlinear export --lang es --format po --out es.po', 'interlinear export --lang en --format i18next --out template.json', 'interlinear export --lang fa --format xliff'],
    async run(project, values, positionals, out) {
      const problem = exchangeUsage(values, positionals)
      if (problem !== undefined) return usageError(out, problem)
      const {exportTranslations} = await import('./commands/interchange.js')
      const {writeAtomic} = await import('./io/write-atomic.js')
      const text = await exportTranslations(project, {language: values.lang as string, document: values.doc as string | undefined, format: values.format as ExchangeFormat})
      if (typeof values.out === 'string') await writeAtomic(resolve(values.out), text)
      else out.stdout(text)
      return exit.ok
    }
  },
  import: {
    summary: 'import translations from i18next JSON, PO or XLIFF 2.0 into a segment file',
    usage: 'interlinear import --lang L [--doc D] --format i18next|po|xliff FILE [--root DIR]',
    options: {
      lang: {type: 'string', value: 'L', description: 'the language of FILE'},
      doc: {type: 'string', value: 'D', description: 'the document, when the project has several'},
      format: {type: 'string', value: 'FORMAT', description: 'the format of FILE: `i18next`, `po` or `xliff`'},
      ...common
    },
    examples: ['interlinear import --lang es --format po es.po', 'interlinear import --lang de --format xliff --doc statement de.xlf'],
    async run(project, values, positionals, out) {
      const [input, ...rest] = positionals
      const problem = exchangeUsage(values, rest) ?? (input === undefined ? 'import takes the file to read, e.g. `interlinear import --lang es --format po es.po`' : undefined)
      if (problem !== undefined) return usageError(out, problem)
      const {importTranslations} = await import('./commands/interchange.js')
      const changed = await importTranslations(project, {language: values.lang as string, document: values.doc as string | undefined, format: values.format as ExchangeFormat, input: resolve(input!), displayPath: input!})
      out.print(changed ? `imported ${input} into ${values.lang}\n` : `unchanged: ${input} holds nothing new\n`)
      return exit.ok
    }
  },
  'import-doc': {
    summary: 'bootstrap a segment file from an already translated Markdown document',
    usage: 'interlinear import-doc --lang L [--doc D] [--force] FILE.md [--root DIR]',
    options: {
      lang: {type: 'string', value: 'L', description: 'the language of FILE.md'},
      doc: {type: 'string', value: 'D', description: 'the source document it translates, when the project has several'},
      force: {type: 'boolean', description: 'replace translations the segment file already has'},
      ...common
    },
    examples: ['interlinear import-doc --lang es statement.es.md', 'interlinear import-doc --lang de --doc statement --force old-translation.md'],
    async run(project, values, positionals, out) {
      const [input, ...rest] = positionals
      if (typeof values.lang !== 'string') return usageError(out, '--lang is required')
      if (input === undefined || rest.length > 0) return usageError(out, 'import-doc takes one translated Markdown file')
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
      out.print(`${lines.join('\n')}\n`)
      return exit.ok
    }
  },
  status: {
    summary: 'count translated, stale, needs-review, missing and obsolete segments',
    usage: 'interlinear status [--lang L...] [--format text|json|markdown] [--json] [--root DIR]',
    options: {
      lang: lang('count only this language'),
      format: {type: 'string', value: 'FORMAT', description: '`text` (default): a table; `json`; `markdown`: a table with coverage, for a pull request or job summary'},
      json: json('the same as --format json, [{language, document, total, translated, stale, needsReview, missing, obsolete}]'),
      ...common
    },
    examples: ['interlinear status', 'interlinear status --json --lang fa', 'interlinear status --format markdown >> "$GITHUB_STEP_SUMMARY"'],
    async run(project, values, positionals, out) {
      if (positionals.length > 0) return usageError(out, `unexpected argument \`${positionals[0]}\``)
      const format = formatOption(values, ['text', 'json', 'markdown'])
      if (format === undefined) return usageError(out, '--format must be `text`, `json` or `markdown`, and agree with --json')
      const {status} = await import('./commands/status.js')
      const rows = await status(project, {languages: values.lang as string[] | undefined})
      const {formatStatusMarkdown, formatStatusText} = await import('./status/format-status.js')
      out.print(format === 'json' ? toJson(rows) : format === 'markdown' ? formatStatusMarkdown(rows) : formatStatusText(rows))
      return exit.ok
    }
  },
  watch: {
    summary: 'rebuild on every save, serve dist/ on 127.0.0.1 with live reload, and print the check findings that changed',
    usage: 'interlinear watch [--port N] [--lang L...] [--stale fallback|keep] [--root DIR]',
    options: {
      port: {type: 'string', default: String(defaults.watchPort), value: 'N', description: `port on 127.0.0.1 (default: ${defaults.watchPort}; 0 picks a free one)`},
      lang: lang('build and check only this language'),
      stale: {type: 'string', default: 'fallback', value: 'POLICY', description: 'as for build: `fallback` (default) or `keep`'},
      ...common
    },
    examples: ['interlinear watch', 'interlinear watch --port 0 --lang es', 'interlinear watch --quiet --stale keep'],
    async run(project, values, positionals, out) {
      if (positionals.length > 0) return usageError(out, `unexpected argument \`${positionals[0]}\``)
      const port = numberOption(values.port, 0, 65535)
      if (port === null || port === undefined || !Number.isInteger(port)) return usageError(out, '--port must be a whole number from 0 to 65535')
      if (values.stale !== 'fallback' && values.stale !== 'keep') return usageError(out, '--stale must be `fallback` or `keep`')
      const {watch} = await import('./commands/watch.js')
      let session: Awaited<ReturnType<typeof watch>>
      try {
        session = await watch(project, {port, languages: values.lang as string[] | undefined, stale: values.stale}, out)
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'EADDRINUSE') return usageError(out, `port ${port} is in use: choose another with --port N, or --port 0 for any free port`)
        if (code === 'EACCES') return usageError(out, `port ${port} needs privileges: choose one above 1023`)
        throw error
      }
      await new Promise<void>((done) => {
        const stop = () => {
          process.off('SIGINT', stop)
          process.off('SIGTERM', stop)
          done()
        }
        process.on('SIGINT', stop)
        process.on('SIGTERM', stop)
      })
      await session.close()
      out.print('stopped\n')
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

/** `--format`, with `--json` as its alias: `undefined` when unknown or when the two disagree. */
function formatOption<T extends string>(values: Values, allowed: readonly T[]): T | undefined {
  const format = values.format ?? (values.json === true ? 'json' : 'text')
  if (values.json === true && format !== 'json') return undefined
  return allowed.find((name) => name === format)
}

/** Findings as text for a terminal: a line each, then the totals; under --quiet the errors only, without totals. */
async function findingsText(records: readonly FindingRecord[], out: Output): Promise<string> {
  const {formatFinding, formatText} = await import('./check/format-findings.js')
  if (!out.quiet) return formatText(records, out.paint.stdout)
  return records
    .filter((record) => record.severity === 'error')
    .map((record) => `${formatFinding(record, out.paint.stdout)}\n`)
    .join('')
}

function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

function usageError(out: Output, message: string): number {
  out.stderr(`${out.paint.stderr('red', 'interlinear:')} ${message}\nRun \`interlinear --help\` for usage.\n`)
  return exit.usage
}

/** Where a command writes, given the streams of the run and its `--quiet` and `--json`. */
function createOutput(io: Io, flags: {quiet: boolean; json: boolean}): Output {
  const silent = () => {}
  const columns = io.terminalColumns
  return {
    stdout: io.stdout,
    stderr: io.stderr,
    print: flags.quiet ? silent : io.stdout,
    note: flags.quiet || flags.json ? silent : io.stderr,
    paint: {stdout: createPaint(io.colorStdout), stderr: createPaint(io.color)},
    progress: columns === undefined || flags.quiet || flags.json ? undefined : () => createProgress({write: io.stderr, columns}),
    color: io.color,
    quiet: flags.quiet
  }
}

/** Help lines for options: `  -q, --quiet   print only errors`, aligned. */
function formatOptions(options: Record<string, Option>): string {
  const labels = Object.entries(options).map(([name, option]) => `${option.short ? `-${option.short}, ` : '    '}--${name}${option.value ? ` ${option.value}` : ''}`)
  const width = Math.max(...labels.map((label) => label.length))
  return Object.values(options)
    .map((option, index) => `  ${labels[index]!.padEnd(width)}  ${option.description}`)
    .join('\n')
}

function mainHelp(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length))
  const lines = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`)
  return [
    'Usage: interlinear <command> [options]',
    '',
    'Keep a canonical Markdown document and its translations in step.',
    '',
    'Commands:',
    ...lines,
    '',
    'Options of every command:',
    formatOptions(common),
    '',
    'Environment:',
    '  NO_COLOR     set (non-empty): no colors',
    '  FORCE_COLOR  set: colors even when not writing to a terminal (0 or false: never)',
    '',
    'Run `interlinear <command> --help` for its options and examples.',
    'Exit codes: 0 success, 1 a check failed, 2 usage error or bad input.',
    ''
  ].join('\n')
}

function commandHelp(command: Command): string {
  const description = `${command.summary[0]!.toUpperCase()}${command.summary.slice(1)}.`
  return `Usage: ${command.usage}\n\n${description}\n\nOptions:\n${formatOptions(command.options)}\n\nExamples:\n${command.examples.map((example) => `  ${example}`).join('\n')}\n`
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
  if (command === undefined) return usageError(createOutput(io, {quiet: false, json: false}), `unknown command \`${name}\``)
  let parsed: {values: Values; positionals: string[]}
  try {
    // parseArgs takes only its own fields, and refuses them when `undefined`.
    const options = Object.fromEntries(Object.entries(command.options).map(([option, {value: _value, description: _description, ...config}]) => [option, config]))
    parsed = parseArgs({args: rest, options, allowPositionals: true, strict: true}) as typeof parsed
  } catch (error) {
    return usageError(createOutput(io, {quiet: false, json: false}), (error as Error).message)
  }
  if (parsed.values.help === true) {
    io.stdout(commandHelp(command))
    return exit.ok
  }
  const out = createOutput(io, {quiet: parsed.values.quiet === true, json: parsed.values.json === true})
  const project: Project = {root: resolve(String(parsed.values.root ?? '.'))}
  try {
    return await command.run(project, parsed.values, parsed.positionals, out)
  } catch (error) {
    if (error instanceof InputError) {
      const {reporter} = await import('vfile-reporter')
      io.stderr(`${reporter(error.files, {color: io.color})}\n`)
      return exit.usage
    }
    if (isFileSystemError(error)) {
      io.stderr(fileSystemError(error))
      return exit.usage
    }
    throw error
  }
}
