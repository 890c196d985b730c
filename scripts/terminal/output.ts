import type {Paint} from './color.js'
import type {Progress} from './progress.js'

/** Where a command writes, with `--quiet` and `--json` already applied. */
export interface Output {
  /** The command's product (exported files, findings, JSON): never silenced. */
  stdout: (text: string) => void
  /** Errors: always shown. */
  stderr: (text: string) => void
  /** Messages about what was done (`wrote 21 files`): silent under `--quiet`. */
  print: (text: string) => void
  /** Side remarks on stderr (a language withheld): silent under `--quiet` and `--json`. */
  note: (text: string) => void
  /** Styles for text written to stdout and to stderr: plain unless that stream gets colors. */
  paint: {stdout: Paint; stderr: Paint}
  /** A new progress line on stderr; `undefined` unless stderr is a terminal and neither `--quiet` nor `--json` is given. */
  progress?: () => Progress
  /** Whether stderr diagnostics (vfile-reporter) are colored. */
  color: boolean
  quiet: boolean
}

/** The report of an unexpected error (a bug, or a system failure such as a full disk): with its stack, to be reported. */
export function internalError(error: unknown): string {
  return `interlinear: internal error, please report it:\n${error instanceof Error ? error.stack ?? error.message : String(error)}\n`
}
