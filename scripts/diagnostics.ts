import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Place} from './types.js'

/** A reason and the rule that produced it: one entry of the catalog in `errors.ts`. */
export interface Problem {
  reason: string
  ruleId: string
}

/** Name of the tool in every diagnostic, as remark plugins name themselves. */
export const diagnosticSource = 'interlinear'

/**
 * A message of this tool on `file` (not fatal: the caller sets its severity). Made without the stack
 * trace an `Error` captures: vfile-message replaces it with `''` at once, and capturing it took three
 * quarters of the time of making a message (a check of a hundred languages makes hundreds).
 */
export function diagnostic(file: VFile, reason: string, ruleId: string, place: Place | undefined): VFileMessage {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return file.message(reason, {place, ruleId, source: diagnosticSource})
  } finally {
    Error.stackTraceLimit = limit
  }
}

/**
 * Record a fatal problem on `file` without throwing, so one pass can report many.
 */
export function fail(file: VFile, problem: Problem, place?: Place): VFileMessage {
  const message = diagnostic(file, problem.reason, problem.ruleId, place)
  message.fatal = true
  return message
}

/** Whether `file` holds any fatal message. */
export function hasErrors(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true)
}

/**
 * Bad input: files whose fatal messages say what is wrong and where.
 * The CLI prints them and exits with code 2; nothing is written.
 */
export class InputError extends Error {
  readonly files: VFile[]
  constructor(files: VFile[]) {
    const count = files.reduce((sum, file) => sum + file.messages.filter((m) => m.fatal === true).length, 0)
    super(`${count} input error${count === 1 ? '' : 's'}`)
    this.name = 'InputError'
    this.files = files
  }
}

/** Throw an `InputError` for every file among `files` that has a fatal message. */
export function throwIfErrors(files: VFile[]): void {
  const bad = files.filter((file) => hasErrors(file))
  if (bad.length > 0) throw new InputError(bad)
}

/** Throw an `InputError` for one problem in one file (at its start when no place is given). */
export function failNow(path: string, problem: Problem, place: Place = {line: 1, column: 1}): never {
  const file = new VFile({path})
  fail(file, problem, place)
  throw new InputError([file])
}

/** An error of a file system call (`open`, `mkdir`…): it names the call and the path (and, for `rename`, where to). */
export type FileSystemError = NodeJS.ErrnoException & {code: string; syscall: string; dest?: string}

/** Whether `error` is the file system refusing a read or write (permissions, a full disk, a read-only folder), not a bug. */
export function isFileSystemError(error: unknown): error is FileSystemError {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string'
}
