import {failNow} from '../diagnostics.js'
import {errors} from '../errors.js'
import {jsonErrorOffset} from '../interchange/json-error-offset.js'
import {isDocumentName, languageTagProblem} from '../io/project.js'
import {recordHashLength, type DocumentRecord, type FileRecord, type LanguageRecord, type ReleaseIndex, type ReleaseRecord, type SegmentRecord} from './release-record.js'
import {versionProblem} from './version.js'

/** Version of the `index.json` layout; a newer one is refused rather than misread. */
export const releaseIndexFormat = 1

// Thrown inside the validator with the JSON path of the bad value; turned into one diagnostic.
class Invalid extends Error {}

type Json = Record<string, unknown>

const hex = (length: number) => new RegExp(`^[0-9a-f]{${length}}$`)
const segmentId = /^[0-9a-f]{4,64}(?:-[1-9]\d{0,5})?$/
const releasePath = /^(?:[A-Za-z0-9][A-Za-z0-9_.-]*\/)?[A-Za-z0-9][A-Za-z0-9_.-]*$/
const isoDate = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/
const states = ['translated', 'needs-review', 'stale', 'missing'] as const
const statuses = ['draft', 'reviewed', 'source'] as const
const shippings = ['current', 'carried', 'withheld'] as const
const reasons = ['nothing-to-carry', 'files-unavailable'] as const

/**
 * Read `release/index.json`. It is written by `release`, but lives on disk where anything can change it,
 * so every value is checked; a malformed file is an `InputError` naming the place and the bad value,
 * never a crash or a silently wrong "changed since" report.
 */
export function parseReleaseIndex(text: string, path: string): ReleaseIndex {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    const offset = jsonErrorOffset(text)
    const before = text.slice(0, offset).split('\n')
    failNow(path, errors.releaseIndex(`it is not valid JSON (${(error as Error).message})`), {line: before.length, column: before.at(-1)!.length + 1})
  }
  try {
    const root = object(data, '')
    keys(root, '', ['format', 'releases'])
    if (root.format !== releaseIndexFormat) throw new Invalid(`\`format\` must be ${releaseIndexFormat} (a newer Interlinear may have written this file)`)
    const releases = array(root.releases, 'releases').map((value, index) => releaseRecord(value, `releases[${index}]`))
    const seen = new Set<string>()
    for (const [index, record] of releases.entries()) {
      if (seen.has(record.version)) throw new Invalid(`\`releases[${index}].version\`: ${record.version} is recorded twice`)
      seen.add(record.version)
    }
    return {releases}
  } catch (error) {
    if (!(error instanceof Invalid)) throw error
    failNow(path, errors.releaseIndex(error.message))
  }
}

function releaseRecord(value: unknown, at: string): ReleaseRecord {
  const record = object(value, at)
  keys(record, at, ['name', 'version', 'date', 'minCoverage', 'documents', 'files', 'archives'])
  return {
    name: string(record.name, `${at}.name`, (name) => isDocumentName(name)),
    version: string(record.version, `${at}.version`, (version) => versionProblem(version) === undefined),
    date: string(record.date, `${at}.date`, (date) => isoDate.test(date)),
    minCoverage: percentage(record.minCoverage, `${at}.minCoverage`),
    documents: array(record.documents, `${at}.documents`).map((item, index) => documentRecord(item, `${at}.documents[${index}]`)),
    files: fileRecords(record.files, `${at}.files`),
    archives: fileRecords(record.archives, `${at}.archives`)
  }
}

function documentRecord(value: unknown, at: string): DocumentRecord {
  const record = object(value, at)
  keys(record, at, ['document', 'language', 'revision', 'segments', 'languages'])
  return {
    document: string(record.document, `${at}.document`, isDocumentName),
    language: string(record.language, `${at}.language`, isLanguage),
    revision: string(record.revision, `${at}.revision`, (revision) => /^[0-9a-f]{1,64}$/.test(revision)),
    segments: array(record.segments, `${at}.segments`).map((item, index) => sourceSegment(item, `${at}.segments[${index}]`)),
    languages: array(record.languages, `${at}.languages`).map((item, index) => languageRecord(item, `${at}.languages[${index}]`))
  }
}

function sourceSegment(value: unknown, at: string): [string, string] {
  const pair = array(value, at)
  if (pair.length !== 2) throw new Invalid(`\`${at}\` must be a pair [segment ID, hash]`)
  return [string(pair[0], `${at}[0]`, (id) => segmentId.test(id)), string(pair[1], `${at}[1]`, (hash) => hex(recordHashLength).test(hash))]
}

function languageRecord(value: unknown, at: string): LanguageRecord {
  const record = object(value, at)
  keys(record, at, ['language', 'shipping', 'from', 'reason', 'status', 'coverage', 'segments'])
  const language = string(record.language, `${at}.language`, isLanguage)
  const shipping = oneOf(record.shipping, `${at}.shipping`, shippings)
  const from = shipping === 'carried' || record.from !== undefined ? string(record.from, `${at}.from`, (version) => versionProblem(version) === undefined) : undefined
  const reason = shipping === 'withheld' || record.reason !== undefined ? oneOf(record.reason, `${at}.reason`, reasons) : undefined
  // Keys in the order `release` writes them.
  const result: LanguageRecord = {
    language,
    shipping,
    ...(from === undefined ? {} : {from}),
    ...(reason === undefined ? {} : {reason}),
    status: oneOf(record.status, `${at}.status`, statuses),
    coverage: percentage(record.coverage, `${at}.coverage`)
  }
  if (record.segments !== undefined) result.segments = map(record.segments, `${at}.segments`, segmentRecord)
  return result
}

function segmentRecord(value: unknown, at: string): SegmentRecord {
  const record = object(value, at)
  keys(record, at, ['state', 'translation'])
  const result: SegmentRecord = {state: oneOf(record.state, `${at}.state`, states)}
  if (record.translation !== undefined) result.translation = string(record.translation, `${at}.translation`, (hash) => hex(recordHashLength).test(hash))
  return result
}

function fileRecords(value: unknown, at: string): FileRecord[] {
  return array(value, at).map((item, index) => {
    const where = `${at}[${index}]`
    const record = object(item, where)
    keys(record, where, ['path', 'sha256'])
    return {path: string(record.path, `${where}.path`, (path) => releasePath.test(path)), sha256: string(record.sha256, `${where}.sha256`, (hash) => hex(64).test(hash))}
  })
}

const isLanguage = (tag: string) => languageTagProblem(tag) === undefined

function object(value: unknown, at: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Invalid(`\`${at || '(top level)'}\` must be an object`)
  return value as Json
}

function array(value: unknown, at: string): unknown[] {
  if (!Array.isArray(value)) throw new Invalid(`\`${at}\` must be a list`)
  return value
}

function keys(record: Json, at: string, known: readonly string[]): void {
  const unknown = Object.keys(record).find((key) => !known.includes(key))
  if (unknown !== undefined) throw new Invalid(`unknown key \`${at ? `${at}.` : ''}${unknown}\``)
}

function string(value: unknown, at: string, valid: (text: string) => boolean): string {
  if (typeof value !== 'string' || !valid(value)) throw new Invalid(`\`${at}\` has an unusable value ${JSON.stringify(value) ?? 'undefined'}`)
  return value
}

function percentage(value: unknown, at: string): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 100)) throw new Invalid(`\`${at}\` must be a number from 0 to 100, found ${JSON.stringify(value) ?? 'nothing'}`)
  return value
}

function oneOf<T extends string>(value: unknown, at: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new Invalid(`\`${at}\` must be one of ${allowed.join(', ')}, found ${JSON.stringify(value) ?? 'nothing'}`)
  return value as T
}

// Segment IDs as keys; `Object.entries` skips nothing JSON.parse makes, and `__proto__` fails the ID pattern.
function map<T>(value: unknown, at: string, item: (value: unknown, at: string) => T): Record<string, T> {
  const record = object(value, at)
  const result: Record<string, T> = {}
  for (const [key, entry] of Object.entries(record)) {
    if (!segmentId.test(key)) throw new Invalid(`\`${at}\` has a key that is not a segment ID: ${JSON.stringify(key)}`)
    result[key] = item(entry, `${at}.${key}`)
  }
  return result
}
