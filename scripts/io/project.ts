import {lstatSync, readdirSync, type Dirent} from 'node:fs'
import {isAbsolute, join, relative, resolve, sep} from 'node:path'
import {defaults} from '../config.js'
import {canonicalLanguageTag} from '../language-tag.js'
import {failNow} from '../diagnostics.js'
import {errors} from '../errors.js'
import {compareText} from '../order.js'
import {isInside} from './write-atomic.js'

/** A project on disk: the folder that holds `source/` and `translations/`. */
export interface Project {
  root: string
}

// Windows device names: harmless here, but a trap for anyone who checks the repository out on Windows.
const deviceNames = /^(con|prn|aux|nul|com\d|lpt\d)$/i
// A file or folder name, not a path.
const plainName = /^(?!\.\.?$)[^/\\\0:]+$/
const documentName = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/
// Plain BCP 47: language, optional script, region and variants; letters and digits only.
const plainTag = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-(?:[A-Z]{2}|\d{3}))?(-(?:[a-z0-9]{5,8}|\d[a-z0-9]{3}))*$/

/**
 * Why `tag` cannot name a language folder, or `undefined` when it can: it must be a canonical,
 * plain BCP 47 tag (`es`, `es-PE`, `zh-Hans`, `sr-Latn-RS`), which never names a path or a device.
 */
export function languageTagProblem(tag: string): string | undefined {
  let canonical: string | undefined
  try {
    canonical = canonicalLanguageTag(tag)
  } catch {
    return 'it is not a BCP 47 language tag'
  }
  if (canonical !== tag) return `write it in canonical form, \`${canonical}\``
  if (!plainTag.test(tag)) return 'use a plain tag: language, optional script, region and variants (no extensions or private use)'
  if (deviceNames.test(tag)) return 'it names a device on Windows'
  return undefined
}

/** Throw a usage error naming `displayPath` unless `tag` is a usable language tag. */
export function assertLanguageTag(tag: string, displayPath = '<arguments>'): void {
  const problem = languageTagProblem(tag)
  if (problem !== undefined) failNow(displayPath, errors.languageTag(tag, problem))
}

/** Whether `name` is a usable document ID (a source file name without `.md`). */
export function isDocumentName(name: string): boolean {
  return documentName.test(name) && !deviceNames.test(name)
}

/** Path of `target` relative to the project, with `/`, for messages and manifests. */
export function projectPath(project: Project, target: string): string {
  return relative(project.root, target).split(sep).join('/')
}

/**
 * Resolve a path inside the project, refusing anything that leaves it (`..`, absolute paths, siblings).
 */
export function insideProject(project: Project, ...parts: string[]): string {
  // Names without a separator, `.` or `..` cannot leave the project: joined, not resolved (a build
  // makes thousands of these paths, and resolving and relating each costs more than reading the file).
  if (isAbsolute(project.root) && parts.length > 0 && parts.every((part) => plainName.test(part))) return join(project.root, ...parts)
  const target = resolve(project.root, ...parts)
  if (target === resolve(project.root) || !isInside(project.root, target)) {
    const shown = parts.join('/') || '.'
    failNow(shown, errors.outsideProject(shown))
  }
  return target
}

/**
 * `folder`, absolute and ending in a separator, to append plain relative paths already checked (a
 * record's): a build with nothing to do makes thousands, and joining each costs more than its `lstat`.
 */
export function folderPrefix(folder: string): string {
  const absolute = resolve(folder)
  return absolute.endsWith(sep) ? absolute : `${absolute}${sep}`
}

/** Absolute path of the canonical source of `document`. */
export function sourcePath(project: Project, document: string): string {
  return insideProject(project, defaults.sourceDir, `${document}.md`)
}

/** Absolute path of the segment file of `document` in `language`. */
export function segmentFilePath(project: Project, language: string, document: string): string {
  return insideProject(project, defaults.translationsDir, language, `${document}.md`)
}

/** A top-level folder of the project, refused when it is a symbolic link (reads and writes would leave the project). */
function realFolder(project: Project, name: string): string {
  const folder = insideProject(project, name)
  if (lstatSync(folder, {throwIfNoEntry: false})?.isSymbolicLink()) failNow(name, errors.symlink())
  return folder
}

/**
 * Document IDs of every `source/*.md`, sorted. Names that cannot be IDs, and symlinks, are errors.
 */
export function listDocuments(project: Project): string[] {
  const documents: string[] = []
  for (const entry of entriesOf(realFolder(project, defaults.sourceDir))) {
    const {name} = entry
    if (name.startsWith('.') || !name.endsWith('.md')) continue
    const id = name.slice(0, -3)
    const display = `${defaults.sourceDir}/${name}`
    if (!isDocumentName(id)) failNow(display, errors.documentName(name))
    if (entry.isSymbolicLink()) failNow(display, errors.symlink())
    documents.push(id)
  }
  if (documents.length === 0) failNow(defaults.sourceDir, errors.noSources(defaults.sourceDir))
  return documents
}

/**
 * Language tags of every folder in `translations/`, sorted. Hidden entries (like temporary files) are
 * skipped; a folder that is not a usable tag, or a symlink, is an error.
 */
export function listLanguages(project: Project): string[] {
  const languages: string[] = []
  for (const entry of entriesOf(realFolder(project, defaults.translationsDir))) {
    const {name} = entry
    if (name.startsWith('.')) continue
    const display = `${defaults.translationsDir}/${name}`
    if (entry.isSymbolicLink()) failNow(display, errors.symlink())
    if (!entry.isDirectory()) continue
    assertLanguageTag(name, display)
    languages.push(name)
  }
  return languages
}

/**
 * Document IDs that have a segment file in `language`, sorted.
 */
export function listSegmentFiles(project: Project, language: string): string[] {
  return entriesOf(insideProject(project, defaults.translationsDir, language))
    .map((entry) => entry.name)
    .filter((name) => !name.startsWith('.') && name.endsWith('.md'))
    .map((name) => name.slice(0, -3))
}

// The entries of a folder sorted by name (none when it is missing); their types come with the listing, no stat per entry.
function entriesOf(folder: string): Dirent[] {
  try {
    return readdirSync(folder, {withFileTypes: true}).sort((a, b) => compareText(a.name, b.name))
  } catch {
    return []
  }
}
