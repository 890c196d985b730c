/**
 * The output thread of a build (see `startOutputThread`): writes each batch of files it is sent and
 * answers with what it wrote, in order.
 */
import {parentPort} from 'node:worker_threads'
import {writeOutputFile, type OutputJob, type OutputResult} from './output-writer.js'

parentPort!.on('message', (jobs: OutputJob[]) => {
  const results = jobs.map((job): OutputResult => {
    try {
      return writeOutputFile(job)
    } catch (error) {
      // Written again by the main thread, which reports the error as it reports any other.
      return {error: String(error)}
    }
  })
  parentPort!.postMessage(results)
})
