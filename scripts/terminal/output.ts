import type {FileSystemError} from '../diagnostics.js'
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

/** What a user reads when the file system refuses a read or write: the call, the path, why, and what to check. */
export function fileSystemError(error: FileSystemError): string {
  // Node.js writes `EPERM: operation not permitted, mkdir '/sys/x'`: keep the reason.
  const reason = error.message.replace(/^[A-Z0-9]+: /, '').replace(/, \w+ '.*'$/s, '')
  // Files are written by renaming a temporary file over them (io/write-atomic.ts): name the file, not the temporary one.
  const written = error.syscall === 'rename' && error.dest !== undefined
  const path = written ? ` ${error.dest}` : error.path === undefined ? '' : ` ${error.path}`
  const advice = error.code === 'EISDIR' ? 'A folder stands where that file goes: move it away or delete it.' : 'Check that the folder exists and may be written, and that the disk has room.'
  return `interlinear: could not ${written ? 'write' : error.syscall}${path}: ${reason} (${error.code})\n${advice}\n`
}

/** The report of an unexpected error (a bug): with its stack, to be reported. */
export function internalError(error: unknown): string {
  return `interlinear: internal error, please report it:\n${error instanceof Error ? error.stack ?? error.message : String(error)}\n`
}
