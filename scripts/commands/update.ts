import {readFile} from 'node:fs/promises'
import {loadProject} from '../io/load-project.js'
import {withProjectLock} from '../io/lock.js'
import {assertLanguageTag, projectPath, segmentFilePath, type Project} from '../io/project.js'
import {writeAtomic} from '../io/write-atomic.js'
import {stringifySegmentFile} from '../segment-file/stringify-segment-file.js'
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

/**
 * Bring the segment files of every (or the given) language in line with the sources. All input is
 * read and checked before anything is written; each file is written atomically, under the project lock.
 */
export async function update(project: Project, options: UpdateOptions = {}): Promise<FileChange[]> {
  for (const language of options.languages ?? []) assertLanguageTag(language)
  return withProjectLock(project, async () => {
    const loaded = await loadProject(project, {languages: options.languages})
    const changes: FileChange[] = []
    const writes: [string, string][] = []
    for (const language of loaded.languages) {
      for (const document of loaded.documents) {
        const absolute = segmentFilePath(project, language, document.id)
        const old = loaded.segmentFiles.get(language)?.get(document.id)
        const next = updateSegmentFile(old, document.segments, language)
        const text = serialize(next, document)
        const before = await readFile(absolute).catch(() => undefined)
        const change = describeChange(old, next)
        const action = before === undefined ? 'create' : before.equals(Buffer.from(text)) ? 'unchanged' : 'update'
        changes.push({path: projectPath(project, absolute), language, document: document.id, action, ...change})
        if (action !== 'unchanged') writes.push([absolute, text])
      }
    }
    if (!options.dryRun) for (const [path, text] of writes) await writeAtomic(path, text)
    return changes
  })
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
