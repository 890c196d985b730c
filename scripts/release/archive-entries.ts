/** A file to put in an archive: its path inside the release folder (with `/`) and its bytes. */
export interface ArchiveFile {
  path: string
  content: Uint8Array
}

/** One archive member: a folder (path ending in `/`) or a file, with its Unix mode. */
export interface ArchiveEntry {
  path: string
  kind: 'directory' | 'file'
  mode: number
  content: Uint8Array
}

/** Fixed metadata of every member, so archives depend on their content alone. */
export interface ArchiveOptions {
  /** Top-level folder every member sits in, e.g. `statement-1.0.0`. */
  folder: string
  /** Modification time of every member, in seconds since 1970 (UTC). */
  mtime: number
}

const empty = new Uint8Array(0)
// Safe, portable member names: what release folders hold (language tags, document IDs, versions).
const safePath = /^[A-Za-z0-9][A-Za-z0-9._-]*(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/

/**
 * Every member of an archive of `files` under `folder`: the folders first needed, then files, in one
 * fixed order (code-unit order of the paths, which puts each folder before its contents), with fixed
 * modes (0755 folders, 0644 files). The order never depends on the order of `files`.
 */
export function archiveEntries(files: readonly ArchiveFile[], folder: string): ArchiveEntry[] {
  const entries = new Map<string, ArchiveEntry>()
  for (const file of files) {
    const path = `${folder}/${file.path}`
    if (!safePath.test(path)) throw new Error(`Unsafe archive member name: ${path}`)
    const parts = path.split('/')
    for (let depth = 1; depth < parts.length; depth++) {
      const directory = `${parts.slice(0, depth).join('/')}/`
      entries.set(directory, {path: directory, kind: 'directory', mode: 0o755, content: empty})
    }
    if (entries.has(path)) throw new Error(`Duplicate archive member: ${path}`)
    entries.set(path, {path, kind: 'file', mode: 0o644, content: file.content})
  }
  return [...entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}
