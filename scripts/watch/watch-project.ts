import {watch, type FSWatcher} from 'node:fs'
import {readdir} from 'node:fs/promises'
import {join} from 'node:path'
import {defaults} from '../config.js'
import type {Project} from '../io/project.js'

/** The project's files that a build reads, watched by `watchProject`. */
export interface ProjectWatcher {
  close: () => void
}

/** Options of `watchProject`. */
export interface WatchOptions {
  /** Quiet period that ends a burst of events (an editor's save is several). */
  debounce?: number
}

const configName = 'interlinear.json'

/**
 * Whether a changed name in a watched folder can affect a build: a visible file with one of
 * `extensions`. Editors save through temporary and backup files (`.x.swp`, `x~`, `#x#`, vim's `4913`,
 * sed's `sedAbC123`), and our own atomic writes go through `.x.tmp`: none is read by a build.
 */
export function isBuildInput(name: string, extensions: readonly string[]): boolean {
  return !name.startsWith('.') && extensions.some((extension) => name.endsWith(extension))
}

/**
 * Call `onChange` with the project paths changed (`translations/es/statement.md`) once a burst of
 * changes to the sources, the segment files, glossaries or `interlinear.json` has been quiet for
 * `debounce` ms. Each folder is watched on its own, not with `{recursive: true}`: Node 20's recursive
 * watcher on Linux watches files by inode and misses every edit after an editor's atomic save
 * (write a temporary file, rename it over the original). Language folders are re-scanned when
 * `translations/` changes, so a new language is watched as soon as it appears.
 */
export async function watchProject(project: Project, onChange: (paths: string[]) => void, options: WatchOptions = {}): Promise<ProjectWatcher> {
  const watchers = new Map<string, FSWatcher>()
  const pending = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  let closed = false

  const queue = (path: string) => {
    pending.add(path)
    clearTimeout(timer)
    timer = setTimeout(() => {
      const paths = [...pending].sort()
      pending.clear()
      onChange(paths)
    }, options.debounce ?? 60)
  }

  const open = (folder: string, onName: (name: string) => void) => {
    if (watchers.has(folder)) return
    try {
      const watcher = watch(join(project.root, folder), (_event, name) => {
        if (name !== null) onName(name)
      })
      // A watched folder was deleted: drop it; `sync` opens it again if it comes back.
      watcher.on('error', () => {
        watcher.close()
        watchers.delete(folder)
      })
      watchers.set(folder, watcher)
    } catch {
      // Not there (yet): the watcher of its parent notices when it appears.
    }
  }

  // A folder replaced or removed: its watcher may watch a deleted folder; `sync` opens it again.
  const reopen = (folder: string) => {
    watchers.get(folder)?.close()
    watchers.delete(folder)
    void sync()
  }

  const sync = async () => {
    const languages = await readdir(join(project.root, defaults.translationsDir), {withFileTypes: true}).catch(() => [])
    if (closed) return
    const wanted = new Set(['', defaults.sourceDir, defaults.translationsDir, ...languages.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).map((entry) => `${defaults.translationsDir}/${entry.name}`)])
    for (const [folder, watcher] of watchers) {
      if (!wanted.has(folder)) {
        watcher.close()
        watchers.delete(folder)
      }
    }
    open('', (name) => {
      if (name !== configName && name !== defaults.sourceDir && name !== defaults.translationsDir) return
      if (name !== configName) reopen(name)
      queue(name)
    })
    open(defaults.sourceDir, (name) => {
      if (isBuildInput(name, ['.md'])) queue(`${defaults.sourceDir}/${name}`)
    })
    // Language folders: any visible name (a folder has no extension).
    open(defaults.translationsDir, (name) => {
      if (name.startsWith('.')) return
      reopen(`${defaults.translationsDir}/${name}`)
      queue(`${defaults.translationsDir}/${name}`)
    })
    for (const folder of wanted) {
      if (folder.startsWith(`${defaults.translationsDir}/`)) open(folder, (name) => isBuildInput(name, ['.md', '.yaml']) && queue(`${folder}/${name}`))
    }
  }

  await sync()
  return {
    close() {
      closed = true
      clearTimeout(timer)
      for (const watcher of watchers.values()) watcher.close()
      watchers.clear()
    }
  }
}
