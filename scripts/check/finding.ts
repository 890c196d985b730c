import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {diagnostic} from '../diagnostics.js'
import type {Place} from '../types.js'

/** How bad a finding is: errors fail `check`; warnings fail it under `--strict`; infos never do. */
export type Severity = 'error' | 'warning' | 'info'

/** Where a finding belongs besides its place. */
export interface FindingScope {
  language?: string
  document?: string
  segment?: string
}

/** A check finding: a vfile message with its language, document and segment. */
export type Finding = VFileMessage & FindingScope

/** A check rule: its ID and default severity. */
export interface Rule {
  id: string
  severity: Severity
}

/** Severity of a message, from vfile's `fatal` convention (true error, false warning, undefined info). */
export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

/** Record a finding of `rule` on `file`. */
export function report(file: VFile, rule: Rule, reason: string, place: Place | undefined, scope: FindingScope): Finding {
  const message = diagnostic(file, reason, rule.id, place) as Finding
  message.fatal = rule.severity === 'error' ? true : rule.severity === 'warning' ? false : undefined
  Object.assign(message, scope)
  return message
}
