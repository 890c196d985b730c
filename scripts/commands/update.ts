import {loadProject, type LoadedProject} from '../io/load-project.js'
import {withProjectLock} from '../io/lock.js'
import {relativeSegmentFilePath} from '../config.js'
import {assertLanguageTag, segmentFilePath, type Project} from '../io/project.js'
import {forEachConcurrently} from '../io/concurrently.js'
import {writeAtomic} from '../io/write-atomic.js'
import {layOutSegmentFile, stringifySegmentFile} from '../segment-file/stringify-segment-file.js'
import {updateSegmentFile} from '../segment-file/update-segment-file.js'
import type {SegmentFile, SourceDocument} from '../types.js'

/** What `update` did (or, with `dryRun`, would do) to one segment file. */
export interface FileChange {
  path: string
  language: string
  document: string
  action: 'create' | 'update' | 'unchanged'
  /** Segments added empty. */
  added: number
  /** Translations carried over to a changed source, now needing review. */
  needsReview: number
  /** Translations moved to the Obsolete section. */
  obsoleted: number
  /** Translations back from the Obsolete section. */
  restored: number
}

/** Options for `update`. */
export interface UpdateOptions {
  languages?: readonly string[]
  dryRun?: boolean
}

/** What `update` plans: the report, the files to write, and the project as it will be once they are written. */
export interface UpdatePlan {
  changes: FileChange[]
  /** Absolute path and new bytes of every segment file to create or rewrite. */
  writes: [string, Uint8Array][]
  /** `loaded` with the updated segment files, parsed from their new text (so places are right). */
  updated: LoadedProject
}

/**
 * Bring the segment files of every (or the given) language in line with the sources. All input is
 * read and checked before anything is written; each file is written atomically, under the project lock.
 */
export async function update(project: Project, options: UpdateOptions = {}): Promise<FileChange[]> {
  for (const language of options.languages ?? []) assertLanguageTag(language)
  return withProjectLock(project, async () => {
    const plan = planUpdate(await loadProject(project, {languages: options.languages}))
    if (!options.dryRun) await writeUpdate(plan)
    return plan.changes
  })
}

/** Write the files of an update plan, each atomically and durably; several at a time, so the flushes overlap. */
export async function writeUpdate(plan: UpdatePlan): Promise<void> {
  await forEachConcurrently(plan.writes, 8, ([path, bytes]) => writeAtomic(path, bytes, {within: plan.updated.project.root}))
}

/** Plan the update of the segment files of `languages` (default: every loaded one): pure, nothing is read or written. */
export function planUpdate(loaded: LoadedProject, languages: readonly string[] = loaded.languages): UpdatePlan {
  const {project} = loaded
  const changes: FileChange[] = []
  const writes: [string, Uint8Array][] = []
  const segmentFiles = new Map([...loaded.segmentFiles].map(([language, files]) => [language, new Map(files)]))
  const segmentFileBytes = new Map([...loaded.segmentFileBytes].map(([language, files]) => [language, new Map(files)]))
  for (const language of languages) {
    for (const document of loaded.documents) {
      const absolute = segmentFilePath(project, language, document.id)
      const path = relativeSegmentFilePath(language, document.id)
      const old = loaded.segmentFiles.get(language)?.get(document.id)
      const next = updateSegmentFile(old, document.segments, language)
      const {text, entries} = layOutSegmentFile(next, {document: document.id, sourcePath: document.path})
      const before = loaded.segmentFileBytes.get(language)?.get(document.id)
      const bytes = Buffer.from(text)
      const action = before === undefined ? 'create' : before.equals(bytes) ? 'unchanged' : 'update'
      changes.push({path, language, document: document.id, action, ...describeChange(old, next)})
      if (action === 'unchanged') continue
      writes.push([absolute, bytes])
      // The places of its entries as written: where findings must point.
      segmentFiles.get(language)!.set(document.id, {...next, entries})
      segmentFileBytes.get(language)!.set(document.id, bytes)
    }
  }
  return {changes, writes, updated: {...loaded, segmentFiles, segmentFileBytes}}
}

/** The text of a segment file for `document`. */
export function serialize(file: SegmentFile, document: SourceDocument): string {
  return stringifySegmentFile(file, {document: document.id, sourcePath: document.path})
}

function describeChange(old: SegmentFile | undefined, next: SegmentFile): Omit<FileChange, 'path' | 'language' | 'document' | 'action'> {
  const before = new Map((old?.entries ?? []).map((entry) => [entry.id, entry]))
  let added = 0
  let needsReview = 0
  let restored = 0
  for (const entry of next.entries) {
    if (entry.obsolete) continue
    const previous = before.get(entry.id)
    if (previous === undefined) {
      if (entry.previousSource !== undefined) needsReview++
      else added++
    } else if (previous.obsolete) restored++
  }
  const obsoleted = next.entries.filter((entry) => entry.obsolete && before.get(entry.id)?.obsolete !== true).length
  return {added, needsReview, obsoleted, restored}
}
