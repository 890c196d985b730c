import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {buildLoaded, pagesBeingWritten} from '../scripts/commands/build-project.js'
import {loadProject} from '../scripts/io/load-project.js'
import {readConfig} from '../scripts/io/read-config.js'
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
