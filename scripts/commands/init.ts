import {readdir} from 'node:fs/promises'
import {defaults} from '../config.js'
import {failNow} from '../diagnostics.js'
import {errors} from '../errors.js'
import {loadProject} from '../io/load-project.js'
import {withProjectLock} from '../io/lock.js'
import {assertLanguageTag, insideProject, projectPath, segmentFilePath, type Project} from '../io/project.js'
import {writeAtomic} from '../io/write-atomic.js'
import {updateSegmentFile} from '../segment-file/update-segment-file.js'
import {serialize} from './update.js'

/**
 * Create the segment files of a new language, one per source document, with every segment empty.
 * @returns paths of the files created, relative to the project
 */
export async function init(project: Project, language: string): Promise<string[]> {
  assertLanguageTag(language)
  return withProjectLock(project, async () => {
    const folder = insideProject(project, defaults.translationsDir, language)
    const present = await readdir(folder).catch(() => [] as string[])
    if (present.some((name) => name.endsWith('.md'))) failNow(`${defaults.translationsDir}/${language}`, errors.languageExists(language))
    const {documents} = await loadProject(project, {languages: []})
    const created: string[] = []
    for (const document of documents) {
      const path = segmentFilePath(project, language, document.id)
      await writeAtomic(path, serialize(updateSegmentFile(undefined, document.segments, language), document), {within: project.root})
      created.push(projectPath(project, path))
    }
    return created
  })
}
