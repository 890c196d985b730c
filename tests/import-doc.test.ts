import {rm} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {cli, copyRepositoryProject, put, read} from './helpers.js'

describe('interlinear import-doc', () => {
  it('rebuilds the shipped Spanish segment file from the built Spanish Markdown, every segment aligned', async () => {
    const root = await copyRepositoryProject()
    await cli(['build', '--formats', 'md'], root)
    const shipped = await read(root, 'translations/es/statement.md')
    await rm(join(root, 'translations/es/statement.md'))
    const run = await cli(['import-doc', '--lang', 'es', 'dist/es/statement.md'], root)
    expect(run).toMatchObject({code: 0, stdout: 'translations/es/statement.md: 11 translations imported, 11 of 11 segments aligned\n'})
    expect(await read(root, 'translations/es/statement.md')).toBe(shipped)
  })

  it('reports a merged paragraph and a missing one instead of guessing', async () => {
    const root = await copyRepositoryProject()
    await cli(['build', '--formats', 'md'], root)
    const blocks = (await read(root, 'dist/es/statement.md')).split('\n\n')
    const merged = blocks.findIndex((block) => block.startsWith('La Segunda Conferencia'))
    const dropped = blocks.findIndex((block) => block.startsWith('Pese a una campaña'))
    const edited = blocks.flatMap((block, index) => (index === merged ? [`${block} ${blocks[index + 1]}`] : index === merged + 1 || index === dropped ? [] : [block]))
    await put(root, 'old-translation.md', edited.join('\n\n'))
    await rm(join(root, 'translations/es/statement.md'))
    const run = await cli(['import-doc', '--lang', 'es', 'old-translation.md'], root)
    expect(run.code).toBe(0)
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines[0]).toBe('translations/es/statement.md: 8 translations imported, 8 of 11 segments aligned')
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^old-translation\.md:\d+:1 {2}not aligned: seems to merge segments b9520d62 \(line 13\) and 642ed2e5 \(line 15\); split it to match the source$/),
      'source/statement.md:21:1  missing: no translated block for segment 3d47c88b'
    ])
    const status = JSON.parse((await cli(['status', '--format', 'json', '--lang', 'es'], root)).stdout)
    expect(status[0]).toMatchObject({translated: 8, missing: 3})
  })

  it('keeps existing translations unless --force', async () => {
    const root = await copyRepositoryProject()
    await cli(['build', '--formats', 'md'], root)
    await put(root, 'other.md', (await read(root, 'dist/es/statement.md')).replace('¡Apoyar la revolución en el Perú!', '¡Apoyemos la revolución en el Perú!'))
    const kept = await cli(['import-doc', '--lang', 'es', 'other.md'], root)
    expect(kept.stdout).toContain('kept 11 existing translations (use --force to replace them)')
    expect(await read(root, 'translations/es/statement.md')).toContain('\n¡Apoyar la revolución en el Perú!\n')
    await cli(['import-doc', '--lang', 'es', '--force', 'other.md'], root)
    expect(await read(root, 'translations/es/statement.md')).toContain('\n¡Apoyemos la revolución en el Perú!\n')
  })
})
