import {loadProject} from '../io/load-project.js'
import type {Project} from '../io/project.js'
import {summarizeStatus} from '../status/compute-status.js'
import type {StatusRow} from '../types.js'

/**
 * Counts per language and document: total, translated, stale, needs-review, missing, obsolete.
 */
export async function status(project: Project, options: {languages?: readonly string[]} = {}): Promise<StatusRow[]> {
  const loaded = await loadProject(project, options)
  return loaded.languages.flatMap((language) =>
    loaded.documents.map((document) => summarizeStatus(language, document.id, document.segments, loaded.segmentFiles.get(language)?.get(document.id)))
  )
}
