import {execFileSync} from 'node:child_process'
import {cp, readFile, rm, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {cli, copyRepositoryProject, makeProject, repository} from './helpers.js'

const cacheFile = 'lib/interlinear.code-cache'

/** A copy of the bundled CLI (bin/ and lib/) whose code cache can be spoiled without touching the repository's. */
async function copyCli(): Promise<string> {
  const root = await makeProject({})
  for (const folder of ['bin', 'lib']) await cp(join(repository, folder), join(root, folder), {recursive: true})
  return root
}

describe('start-up code cache', () => {
  it('is made by the bundle step, and this Node.js accepts it', async () => {
    const rejected = execFileSync(process.execPath, ['--input-type=module', '-e', "import {compileBundle} from './bin/load-bundle.js'; process.stdout.write(String(compileBundle().cachedDataRejected))"], {cwd: repository, encoding: 'utf8'})
    expect(rejected).toBe('false')
  })

  it('only saves time: the CLI runs the same without it, with one of another bundle and with one V8 rejects', async () => {
    const project = await copyRepositoryProject()
    const copy = await copyCli()
    const cache = await readFile(join(copy, cacheFile))
    const header = cache.indexOf('\n') + 1
    const spoil: Record<string, () => Promise<void>> = {
      intact: async () => writeFile(join(copy, cacheFile), cache),
      missing: async () => rm(join(copy, cacheFile)),
      'of another bundle': async () => writeFile(join(copy, cacheFile), Buffer.concat([Buffer.from(`// ${'0'.repeat(64)}\n`), cache.subarray(header)])),
      'rejected by V8': async () => writeFile(join(copy, cacheFile), Buffer.concat([cache.subarray(0, header), Buffer.alloc(4096, 7)]))
    }
    const runs: Record<string, unknown> = {}
    for (const [name, apply] of Object.entries(spoil)) {
      await apply()
      runs[name] = await Promise.all([['--help'], ['status'], ['check', '--json'], ['bogus']].map((args) => cli(args, project, {}, join(copy, 'bin/interlinear.js'))))
    }
    expect(runs.missing).toEqual(runs.intact)
    expect(runs['of another bundle']).toEqual(runs.intact)
    expect(runs['rejected by V8']).toEqual(runs.intact)
  })
})
