import {failNow} from '../diagnostics.js'
import {errors} from '../errors.js'
import {languageTagProblem, insideProject, type Project} from './project.js'
import {readTextIfExists} from './read-text.js'

/** Project settings from the optional `interlinear.json` at the project root. */
export interface ProjectConfig {
  /** Extra fallback languages per language, tried before the source language: `{"gl": ["es", "pt"]}`. */
  fallbacks: Record<string, string[]>
  /**
   * Where the project's files are browsable, so review pages link each segment to its line there:
   * `{"repository": "https://github.com/org/repo", "branch": "main"}` links to
   * `<repository>/blob/<branch>/translations/<lang>/<doc>.md#L<line>`. Without it they link to the file.
   */
  repository?: {url: string; branch: string}
}

/** Keys `interlinear.json` may have. */
const knownKeys = ['fallbacks', 'repository', 'branch']
const defaultBranch = 'main'

const configName = 'interlinear.json'

/**
 * Read `interlinear.json` if there is one. It is JSON data only; unknown keys and bad values are
 * errors naming the key. Synchronous: a build with nothing to do reads it first, and a thread-pool
 * round trip would cost that build more than the read.
 */
export function readConfig(project: Project): ProjectConfig {
  // As segment files are read: no symbolic link, special file or oversized file; strict UTF-8.
  const text = readTextIfExists(insideProject(project, configName), configName)
  if (text === undefined) return {fallbacks: {}}
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    failNow(configName, errors.configInvalid(`it is not valid JSON (${(error as Error).message})`))
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) failNow(configName, errors.configInvalid('it must be a JSON object'))
  const config: ProjectConfig = {fallbacks: {}}
  const settings = data as Record<string, unknown>
  for (const key of Object.keys(settings)) {
    if (!knownKeys.includes(key)) failNow(configName, errors.configInvalid(`unknown key \`${key}\` (known: ${knownKeys.join(', ')})`))
  }
  if ('fallbacks' in settings) config.fallbacks = readFallbacks(settings.fallbacks)
  if ('repository' in settings) config.repository = {url: readRepositoryUrl(settings.repository), branch: readBranch(settings.branch ?? defaultBranch)}
  else if ('branch' in settings) failNow(configName, errors.configInvalid('`branch` needs `repository`'))
  return config
}

function readFallbacks(value: unknown): Record<string, string[]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) failNow(configName, errors.configInvalid('`fallbacks` must map language tags to lists of tags'))
  const fallbacks: Record<string, string[]> = {}
  for (const [language, list] of Object.entries(value as Record<string, unknown>)) {
    const tags = Array.isArray(list) ? list : [list]
    for (const tag of [language, ...tags]) {
      if (typeof tag !== 'string' || languageTagProblem(tag) !== undefined) failNow(configName, errors.configInvalid(`\`fallbacks.${language}\`: \`${String(tag)}\` is not a usable language tag`))
    }
    fallbacks[language] = tags as string[]
  }
  return fallbacks
}

/** An https URL without credentials, query or fragment (pages link to it), without a final slash. */
function readRepositoryUrl(value: unknown): string {
  let url: URL | undefined
  try {
    url = typeof value === 'string' ? new URL(value) : undefined
  } catch {
    url = undefined
  }
  if (url === undefined || url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    failNow(configName, errors.configInvalid(`\`repository\`: \`${String(value)}\` is not an https URL such as https://github.com/org/repo (no query, fragment or credentials)`))
  }
  return url.href.replace(/\/+$/, '')
}

/** A branch name as it may appear in a URL path: no spaces, `..`, or characters that would need escaping. */
function readBranch(value: unknown): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/.test(value) || value.split('/').some((part) => part === '.' || part === '..')) {
    failNow(configName, errors.configInvalid(`\`branch\`: \`${String(value)}\` is not a plain branch name such as main`))
  }
  return value
}
