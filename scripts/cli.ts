import {resolve} from 'node:path'
import {parseArgs, type ParseArgsConfig} from 'node:util'
import {reporter} from 'vfile-reporter'
import {init} from './commands/init.js'
import {status} from './commands/status.js'
import {update, type FileChange} from './commands/update.js'
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
      const changes = await update(project, {languages: values.lang as string[] | undefined, dryRun})
      io.stdout(formatChanges(changes, dryRun))
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
      const rows = await status(project, {languages: values.lang as string[] | undefined})
      io.stdout(format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : formatStatus(rows))
      return exit.ok
    }
  }
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
      io.stderr(`${reporter(error.files, {color: io.color})}\n`)
      return exit.usage
    }
    throw error
  }
}
