import {VFile} from 'vfile'
import {defaults} from '../config.js'
import {InputError, throwIfErrors} from '../diagnostics.js'
import {report, type Rule} from '../check/finding.js'
import {findingRecords, type FindingRecord} from '../check/format-findings.js'
import {parseGlossary} from '../check/parse-glossary.js'
import type {Glossary} from '../check/rules/glossary.js'
import {runChecks} from '../check/run-checks.js'
import {loadProject, type LoadedProject} from '../io/load-project.js'
import {assertLanguageTag, insideProject, type Project} from '../io/project.js'
import {readTextIfExists} from '../io/read-text.js'
import type {StatusRow} from '../types.js'

export const minCoverageRule: Rule = {id: 'min-coverage', severity: 'error'}

/** Options for `check`. */
export interface CheckOptions {
  languages?: readonly string[]
  /** Languages under this percentage of translated, current segments get an error. */
  minCoverage?: number
}

/** What `check` found. */
export interface CheckReport {
  records: FindingRecord[]
  rows: StatusRow[]
  /** The input could not be read (malformed files): `records` holds those errors only. */
  badInput: boolean
}

const glossaryName = 'glossary.yaml'

/**
 * Run every check on the sources and segment files without writing anything. Malformed input is
 * returned as findings too (with `badInput`), so CI can annotate it like any other problem.
 */
export async function check(project: Project, options: CheckOptions = {}): Promise<CheckReport> {
  for (const language of options.languages ?? []) assertLanguageTag(language)
  try {
    return await checkLoaded(await loadProject(project, {languages: options.languages}), options)
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    return {records: findingRecords(error.files), rows: [], badInput: true}
  }
}

/** Options of `checkLoaded` that only other stages set. */
export interface CheckLoadedOptions extends CheckOptions {
  /** The glossaries, already read (default: read them). */
  glossaries?: ReadonlyMap<string, Glossary>
  /** Lint the sources too (default); see `CheckInput.sources`. */
  sources?: boolean
}

/**
 * `check` on a project already loaded (by a run that also updates and builds). A malformed glossary
 * is thrown as an `InputError`.
 */
export async function checkLoaded(loaded: LoadedProject, options: CheckLoadedOptions = {}): Promise<CheckReport> {
  const result = runChecks({...loaded, glossaries: options.glossaries ?? readGlossaries(loaded), sources: options.sources})
  if (options.minCoverage !== undefined) flagLowCoverage(result.rows, options.minCoverage, result.files)
  return {records: findingRecords(result.files), rows: result.rows, badInput: false}
}

/** The glossary of every loaded language that has one; malformed glossaries are thrown together. */
export function readGlossaries(loaded: LoadedProject): Map<string, Glossary> {
  const glossaries = new Map<string, Glossary>()
  const glossaryFiles: VFile[] = []
  for (const language of loaded.languages) {
    const display = `${defaults.translationsDir}/${language}/${glossaryName}`
    // Synchronous, and opened rather than looked up first: most languages have none, and 500 thread-pool round trips cost a build 15 ms.
    const text = readTextIfExists(insideProject(loaded.project, defaults.translationsDir, language, glossaryName), display)
    if (text === undefined) continue
    const {glossary, file} = parseGlossary(text, display)
    glossaryFiles.push(file)
    if (glossary) glossaries.set(language, glossary)
  }
  throwIfErrors(glossaryFiles)
  return glossaries
}

function flagLowCoverage(rows: readonly StatusRow[], minimum: number, files: VFile[]): void {
  for (const language of new Set(rows.map((row) => row.language))) {
    const own = rows.filter((row) => row.language === language)
    const total = own.reduce((sum, row) => sum + row.total, 0)
    const translated = own.reduce((sum, row) => sum + row.translated, 0)
    const coverage = total === 0 ? 100 : Math.floor((1000 * translated) / total) / 10
    if (coverage >= minimum) continue
    const file = new VFile({path: `${defaults.translationsDir}/${language}`})
    report(file, minCoverageRule, `${language} is ${coverage}% translated, under --min-coverage ${minimum}`, {line: 1, column: 1}, {language})
    files.push(file)
  }
}
