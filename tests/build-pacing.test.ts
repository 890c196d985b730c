import {readFile, rm} from 'node:fs/promises'
import {setTimeout as sleep} from 'node:timers/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {build, type BuildOptions} from '../scripts/commands/build.js'
import {buildLoaded, pagesBeingWritten, pagesToRender} from '../scripts/commands/build-project.js'
import {readBuildCache} from '../scripts/io/build-cache.js'
import {readLastBuild} from '../scripts/io/last-build.js'
import {loadProject} from '../scripts/io/load-project.js'
import {readConfig} from '../scripts/io/read-config.js'
import {decodeProjectFiles, readProjectBytes} from '../scripts/io/read-project-files.js'
import {writeOutputFile, type OutputWriter} from '../scripts/io/output-writer.js'
import {cli, copyRepositoryProject, put, read} from './helpers.js'

describe('a build whose writer is slower than its rendering', () => {
  it(`hands it at most ${pagesBeingWritten} pages at a time, and writes what a build writes`, async () => {
    const root = await copyRepositoryProject()
    // 40 languages more: more pages than may wait at once.
    const tags = Array.from({length: 40}, (_, index) => `q${String.fromCharCode(97 + Math.floor(index / 26))}${String.fromCharCode(97 + (index % 26))}`)
    const french = await read(root, 'translations/fr/statement.md')
    for (const tag of tags) await put(root, `translations/${tag}/statement.md`, french.replace('language: fr', `language: ${tag}`))
    let waiting = 0
    let most = 0
    // Each batch written a few milliseconds later, as by a thread on a busy machine.
    const slow: OutputWriter = {
      write: (jobs) => {
        most = Math.max(most, ++waiting)
        return new Promise((resolve) =>
          setTimeout(() => {
            waiting--
            resolve(jobs.map(writeOutputFile))
          }, 3)
        )
      },
      stop: () => undefined
    }
    const project = {root}
    const out = join(root, 'paced')
    const result = await buildLoaded(await loadProject(project), readConfig(project), {out}, undefined, {writer: slow})
    expect(most).toBeGreaterThan(1)
    expect(most).toBeLessThanOrEqual(pagesBeingWritten)
    expect((await cli(['build'], root)).code).toBe(0)
    expect(result.files.length).toBeGreaterThan(4 * 40)
    for (const file of result.files) expect(await readFile(join(out, file.path), 'utf8'), file.path).toBe(await read(root, `dist/${file.path}`))
  })
})

describe('pagesToRender', () => {
  it('expects every page to render but after a translator edit, where it expects one per changed segment file', async () => {
    const root = await copyRepositoryProject()
    const project = {root}
    const expected = async (options: BuildOptions = {}) => pagesToRender(decodeProjectFiles(readProjectBytes(project)), readConfig(project), options, readBuildCache(project), readLastBuild(project))
    // One document, in five translations and its source language.
    const all = 6
    expect(await expected()).toBe(all)
    // Stamps are trusted 2 s after a change: the build then records them. (In-process: the record names the code that built.)
    await sleep(2100)
    await build(project)
    expect(await expected()).toBe(0)
    expect(await expected({width: 60})).toBe(all)
    await put(root, 'translations/es/statement.md', (await read(root, 'translations/es/statement.md')).replace('La siguiente declaración', 'Esta declaración'))
    expect(await expected()).toBe(1)
    await rm(join(root, 'dist/manifest.json'))
    expect(await expected()).toBe(all)
    await build(project)
    await put(root, 'source/statement.md', `${await read(root, 'source/statement.md')}\nOne more paragraph.\n`)
    expect(await expected()).toBe(all)
  })
})
