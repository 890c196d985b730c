import {createHash} from 'node:crypto'
import {existsSync, lstatSync} from 'node:fs'
import {mkdtemp, readFile, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {InputError} from '../scripts/diagnostics.js'
import {startOutputThread, type OutputJob} from '../scripts/io/output-writer.js'
import {stampOf} from '../scripts/io/stamps.js'
import {repository} from './helpers.js'

// The bundled CLI, which runs as the output thread when its environment says so (global setup bundles it).
const entry = pathToFileURL(join(repository, 'bin/interlinear.js'))

async function outFolder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'interlinear-output-'))
}

function jobs(out: string, texts: Record<string, string>): OutputJob[] {
  return Object.entries(texts).map(([path, text]) => ({out, path, text, within: out, folderExists: false}))
}

async function expectWritten(out: string, texts: Record<string, string>, files: {path: string; sha256: string; size: number; stamp: string}[]): Promise<void> {
  expect(files.map((file) => file.path)).toEqual(Object.keys(texts))
  for (const file of files) {
    const bytes = await readFile(join(out, file.path))
    expect(bytes.toString('utf8')).toBe(texts[file.path])
    expect(file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
    expect(file.size).toBe(bytes.length)
    expect(file.stamp).toBe(stampOf(lstatSync(join(out, file.path))))
  }
}

describe('the output thread', () => {
  it('writes batches in order, each file with its checksum and the stamp it has on disk', async () => {
    const out = await outFolder()
    const writer = startOutputThread(entry)
    try {
      const first = {'es/a.html': '<p>¿Qué?</p>\n', 'es/a.txt': 'Qué\n'}
      const second = {'fa/a.html': '<p dir="rtl">چه</p>\n', 'es/a.txt': 'Qué, otra vez\n'}
      const pending = [writer.write(jobs(out, first)), writer.write(jobs(out, second))]
      // Written while this thread is blocked (and so by the other one).
      const deadline = Date.now() + 10_000
      while (!existsSync(join(out, 'fa/a.html')) && Date.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10)
      expect(existsSync(join(out, 'fa/a.html'))).toBe(true)
      const [one, two] = await Promise.all(pending)
      await expectWritten(out, {'es/a.html': first['es/a.html']}, one!.slice(0, 1))
      expect(one![1]).toMatchObject({path: 'es/a.txt', size: Buffer.byteLength(first['es/a.txt'])})
      // The later batch's version of a file written twice is the one on disk.
      await expectWritten(out, second, two!)
    } finally {
      writer.stop()
    }
  })

  it('leaves a file it may not write to the calling thread, which reports why', async () => {
    const out = await outFolder()
    const outside = await outFolder()
    await writeFile(join(outside, 'victim.html'), 'untouched\n')
    await symlink(join(outside, 'victim.html'), join(out, 'linked.html'))
    const writer = startOutputThread(entry)
    try {
      const written = writer.write([{out, path: 'linked.html', text: '<p>x</p>\n', within: out, folderExists: true}])
      const error: unknown = await Promise.resolve(written).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(InputError)
      const [file] = (error as InputError).files
      expect(file?.path).toBe('linked.html')
      expect(String(file?.messages[0]?.reason)).toMatch(/Symbolic links are refused/)
      expect(await readFile(join(outside, 'victim.html'), 'utf8')).toBe('untouched\n')
    } finally {
      writer.stop()
    }
  })

  it('writes on the calling thread what a thread that is gone was sent, and all that comes after', async () => {
    const out = await outFolder()
    // A thread that ends as soon as it starts.
    const gone = join(await outFolder(), 'gone.mjs')
    await writeFile(gone, 'process.exit(0)\n')
    const writer = startOutputThread(pathToFileURL(gone))
    try {
      const before = {'de/a.md': 'Was?\n'}
      await expectWritten(out, before, await writer.write(jobs(out, before)))
      const after = {'de/a.txt': 'Was?\n', 'de/b.txt': 'Noch einmal\n'}
      await expectWritten(out, after, await writer.write(jobs(out, after)))
    } finally {
      writer.stop()
    }
  })
})
