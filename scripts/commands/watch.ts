import {join} from 'node:path'
import {reporter} from 'vfile-reporter'
import {findingRecords, formatFinding, formatTotals, type FindingRecord} from '../check/format-findings.js'
import {defaults} from '../config.js'
import {InputError, isFileSystemError} from '../diagnostics.js'
import {assertLanguageTag, type Project} from '../io/project.js'
import type {StalePolicy} from '../merge/merge-translations.js'
import {fileSystemError, internalError, type Output} from '../terminal/output.js'
import {changedFindings} from '../watch/changed-findings.js'
import {decoratePage} from '../watch/decorate-page.js'
import {createEventHub, liveReloadPath} from '../watch/live-reload.js'
import {serveFolder} from '../watch/serve.js'
import {watchProject} from '../watch/watch-project.js'
import {build} from './build.js'
import {check} from './check.js'

/** Options for `watch`. */
export interface WatchOptions {
  /** Port on 127.0.0.1; 0 picks a free one. */
  port: number
  /** Languages to build and check (default: all). */
  languages?: readonly string[]
  stale?: StalePolicy
}

/** A running `watch`. */
export interface WatchSession {
  url: string
  /** Stop watching and serving, after the build under way. */
  close: () => Promise<void>
}

/**
 * Build the project into `dist/`, serve it on 127.0.0.1 with live reload, and rebuild on every save of
 * a source, segment file, glossary or `interlinear.json`, printing the check findings that changed. A
 * failed build leaves the last good `dist/` in place (build reads and validates every input before it
 * writes anything) and shows its diagnostics over every served page until a save fixes them.
 */
export async function watch(project: Project, options: WatchOptions, output: Output): Promise<WatchSession> {
  for (const language of options.languages ?? []) assertLanguageTag(language)
  const {paint} = output
  const hub = createEventHub()
  /** Diagnostics of the failed last build, shown on every page; undefined after a good build. */
  let failure: string | undefined
  let hashes = new Map<string, string>()
  let findings: FindingRecord[] = []
  const server = await serveFolder({
    folder: join(project.root, defaults.distDir),
    port: options.port,
    decorate: (html) => decoratePage(html, {error: failure}),
    routes: {[liveReloadPath]: hub.handle}
  })

  const rebuild = async (paths: readonly string[]) => {
    const started = performance.now()
    const progress = output.progress?.()
    const cause = paths.length > 0 ? ` after ${paths.join(', ')}` : ''
    try {
      const result = await build(project, {
        languages: options.languages,
        stale: options.stale,
        onProgress: progress && ((step) => progress.update(`building ${step.document}: ${step.done}/${step.total} languages`))
      })
      progress?.clear()
      const next = new Map(result.files.map((file) => [file.path, file.sha256]))
      const changed = [...next].filter(([path, hash]) => hashes.get(path) !== hash).map(([path]) => path)
      hashes = next
      failure = undefined
      output.print(`${paint.stdout('green', 'built')} ${result.files.length + 1} files in ${Math.round(performance.now() - started)} ms${cause}\n`)
      hub.send({failed: false, changed})
    } catch (error) {
      progress?.clear()
      // A file the file system refuses (dist/ not writable) as `main` reports it; a bug in full. Watching goes on.
      const files = error instanceof InputError ? error.files : undefined
      failure = files ? findingRecords(files).map((record) => formatFinding(record)).join('\n') : String(error)
      const report = files ? `${reporter(files, {color: output.color})}\n` : isFileSystemError(error) ? fileSystemError(error) : internalError(error)
      output.stderr(`${report}${paint.stderr('red', 'build failed')}${cause}: still serving the last good build; fix the file and save\n`)
      hub.send({failed: true, changed: []})
      return
    }
    const report = await check(project, {languages: options.languages})
    const shown = output.quiet ? report.records.filter((record) => record.severity === 'error') : report.records
    const {added, resolved} = changedFindings(findings, shown)
    findings = shown
    const lines = [...added.map((record) => formatFinding(record, paint.stdout)), ...resolved.map((record) => formatFinding(record, paint.stdout, true))]
    if (!output.quiet) lines.push(formatTotals(report.records))
    if (lines.length > 0) output.stdout(`${lines.join('\n')}\n`)
  }

  // One build at a time; saves during a build are gathered into the next one.
  let running: Promise<void> | undefined
  let queued: string[] | undefined
  const schedule = (paths: string[]) => {
    if (running !== undefined) {
      queued = [...new Set([...(queued ?? []), ...paths])].sort()
      return
    }
    running = (async () => {
      for (let next: string[] | undefined = paths; next !== undefined; next = queued, queued = undefined) await rebuild(next).catch((error: unknown) => output.stderr(internalError(error)))
      running = undefined
    })()
  }

  const watcher = await watchProject(project, schedule)
  schedule([])
  await running
  output.stdout(`serving ${defaults.distDir}/ at ${paint.stdout('cyan', server.url)} with live reload (Ctrl+C to stop)\n`)
  return {
    url: server.url,
    async close() {
      watcher.close()
      await running
      hub.close()
      await server.close()
    }
  }
}
