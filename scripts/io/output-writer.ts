import {lstatSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {Worker} from 'node:worker_threads'
import {sha256} from '../checksum.js'
import {threadMarker} from '../config.js'
import type {CachedFile} from './build-cache.js'
import {stampOf} from './stamps.js'
import {writeOutputSync} from './write-atomic.js'

/** One output file to write: `path` under the folder `out`, which must stay within `within`. */
export interface OutputJob {
  out: string
  path: string
  text: string
  within: string
  /** Whether the file's folder existed before the build: files in a new one need no comparison with what was there. */
  folderExists: boolean
}

// Pages are encoded here, one at a time, rather than each into a new buffer.
let encoded = Buffer.allocUnsafe(1 << 16)

function encode(text: string): Buffer {
  // At most three bytes of UTF-8 for each UTF-16 code unit.
  if (encoded.length < text.length * 3) encoded = Buffer.allocUnsafe(text.length * 3)
  return encoded.subarray(0, encoded.write(text))
}

/**
 * Write one output file and describe it, stamp included. Build output can always be rebuilt: written
 * without flushing. An unchanged file is not written, so it keeps its modification time for tools that
 * watch dist/. The text is encoded once, for the comparison, the write and the checksum.
 */
export function writeOutputFile({out, path, text, within, folderExists}: OutputJob): CachedFile {
  const bytes = encode(text)
  const target = join(out, path)
  // Only a regular file of the same size is read: a link (to a device that never ends, say) is refused by the write.
  const stats = folderExists ? lstatSync(target, {throwIfNoEntry: false}) : undefined
  const unchanged = stats !== undefined && stats.isFile() && stats.size === bytes.length && bytes.equals(readFileSync(target))
  // The lstat above (or a folder that was missing) already tells whether a link is there to refuse.
  const stamp = unchanged ? stampOf(stats) : writeOutputSync(target, bytes, within, stats?.isSymbolicLink() !== true)
  return {path, sha256: sha256(bytes), size: bytes.length, stamp}
}

/** Writes a build's output files, in the order given. */
export interface OutputWriter {
  /**
   * Write `jobs`: each file as written, at once or later (a promise), or the error `writeOutputFile`
   * throws, thrown at once or as the promise's rejection.
   */
  write: (jobs: readonly OutputJob[]) => CachedFile[] | Promise<CachedFile[]>
  /** Done writing: let the writer go. */
  stop: () => void
}

/** Writes on the calling thread, at once. */
export const inlineWriter: OutputWriter = {write: (jobs) => jobs.map(writeOutputFile), stop: () => undefined}

/** What the output thread answers for each job: the file, or why it could not write it. */
export type OutputResult = CachedFile | {error: string}

/**
 * Writes on a thread of its own (`entry` run with the thread marker set to `write`; see
 * io/output-thread.ts): encoding, comparing, writing and checksumming the files of one page overlap with
 * rendering the next. A file the thread could not write, and every file once the thread is gone, is
 * written on the calling thread instead, which reports any error as `inlineWriter` would.
 */
export function startOutputThread(entry: URL): OutputWriter {
  const worker = new Worker(entry, {env: {...process.env, [threadMarker]: 'write'}})
  // Each batch as posted; the thread answers them in that order.
  const waiting: {jobs: readonly OutputJob[]; resolve: (files: CachedFile[]) => void; reject: (error: unknown) => void}[] = []
  let gone = false
  const settle = ({jobs, resolve, reject}: (typeof waiting)[number], results?: readonly OutputResult[]) => {
    try {
      resolve(jobs.map((job, index) => {
        const result = results?.[index]
        return result === undefined || 'error' in result ? writeOutputFile(job) : result
      }))
    } catch (error) {
      reject(error)
    }
  }
  const fail = () => {
    gone = true
    for (const batch of waiting.splice(0)) settle(batch)
  }
  worker.on('message', (results: OutputResult[]) => settle(waiting.shift()!, results))
  worker.once('error', fail)
  worker.once('exit', fail)
  return {
    write: (jobs) =>
      new Promise((resolve, reject) => {
        if (gone) return settle({jobs, resolve, reject})
        waiting.push({jobs, resolve, reject})
        worker.postMessage(jobs)
      }),
    stop: () => void worker.terminate()
  }
}
