import {lstat, readFile} from 'node:fs/promises'
import {failNow} from '../diagnostics.js'
import {errors} from '../errors.js'
import {languageTagProblem, insideProject, type Project} from './project.js'

/** Project settings from the optional `interlinear.json` at the project root. */
export interface ProjectConfig {
  /** Extra fallback languages per language, tried before the source language: `{"gl": ["es", "pt"]}`. */
  fallbacks: Record<string, string[]>
}

const configName = 'interlinear.json'

/**
 * Read `interlinear.json` if there is one. It is JSON data only; unknown keys and bad values are
 * errors naming the key.
 */
export async function readConfig(project: Project): Promise<ProjectConfig> {
  const path = insideProject(project, configName)
  const stats = await lstat(path).catch(() => undefined)
  if (stats === undefined) return {fallbacks: {}}
  if (!stats.isFile()) failNow(configName, errors.symlink())
  let data: unknown
  try {
    data = JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    failNow(configName, errors.configInvalid(`it is not valid JSON (${(error as Error).message})`))
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) failNow(configName, errors.configInvalid('it must be a JSON object'))
  const config: ProjectConfig = {fallbacks: {}}
  for (const [key, value] of Object.entries(data)) {
    if (key !== 'fallbacks') failNow(configName, errors.configInvalid(`unknown key \`${key}\` (known: fallbacks)`))
    if (typeof value !== 'object' || value === null || Array.isArray(value)) failNow(configName, errors.configInvalid('`fallbacks` must map language tags to lists of tags'))
    for (const [language, list] of Object.entries(value as Record<string, unknown>)) {
      const tags = Array.isArray(list) ? list : [list]
      for (const tag of [language, ...tags]) {
        if (typeof tag !== 'string' || languageTagProblem(tag) !== undefined) failNow(configName, errors.configInvalid(`\`fallbacks.${language}\`: \`${String(tag)}\` is not a usable language tag`))
      }
      config.fallbacks[language] = tags as string[]
    }
  }
  return config
}
