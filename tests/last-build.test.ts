import {mkdtempSync, rmSync, type Stats} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {lastBuild, readLastBuild, writeLastBuild} from '../scripts/io/last-build.js'
import {inputStamp, trustedInputStamp} from '../scripts/io/stamps.js'

const readAt = Date.UTC(2026, 11, 3, 12)
const stats = (mtimeMs: number, ctimeMs: number) => ({dev: 2049, ino: 1234, size: 5678, mtimeMs, ctimeMs}) as Stats

describe('trustedInputStamp', () => {
  it('trusts a file unchanged for 2 s before it was read, by its device, inode, size and both times', () => {
    const old = stats(readAt - 60_000, readAt - 2001)
    expect(trustedInputStamp(old, readAt)).toBe(inputStamp(old))
    expect(inputStamp(old)).toBe(`2049:1234:5678:${readAt - 60_000}:${readAt - 2001}`)
  })

  it('does not trust a file changed within 2 s of being read, or later, or with times a file system did not keep', () => {
    for (const [mtime, ctime] of [
      [readAt - 60_000, readAt - 2000],
      [readAt - 1000, readAt - 60_000],
      [readAt + 5000, readAt + 5000],
      [0, readAt - 60_000],
      [readAt - 60_000, 0]
    ] as const) {
      expect(trustedInputStamp(stats(mtime, ctime), readAt), `${mtime} ${ctime}`).toBe('')
    }
  })
})

describe('readLastBuild', () => {
  it('takes a record only with the paths a listing finds: a tampered one cannot send a build reading elsewhere', () => {
    const root = mkdtempSync(join(tmpdir(), 'interlinear-record-'))
    try {
      const project = {root}
      const manifest = {path: 'manifest.json', sha256: 'x', size: 1, stamp: '1:2:3:4'}
      const record = (inputs: string[], folders: string[]) => {
        writeLastBuild(project, lastBuild('settings', inputs.map((path) => ({path, stamp: '1:2:3:4:5', sha256: 'x'})), folders.map((path) => ({path, stamp: '1:2:3:4:5'})), '{}', [manifest]))
        return readLastBuild(project)
      }
      expect(record(['source/doc.md', 'translations/es/doc.md'], ['source', 'translations', 'translations/es'])?.folders).toHaveLength(3)
      for (const [inputs, folders] of [
        [['source/../../etc/passwd.md'], ['source']],
        [['/etc/doc.md'], ['source']],
        [['translations/es/sub/doc.md'], ['translations/es']],
        [['source/doc.md'], ['..']],
        [['source/doc.md'], ['translations/es/..']],
        [['source/doc.md'], ['/etc']]
      ]) {
        expect(record(inputs!, folders!), `${inputs} ${folders}`).toBeUndefined()
      }
    } finally {
      rmSync(root, {recursive: true, force: true})
    }
  })
})
