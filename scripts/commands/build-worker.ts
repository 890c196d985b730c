/**
 * A worker thread of `build`: started before the project is parsed, so its code loads meanwhile; then
 * checks and renders one shard of the languages, as `build --shard` would, and writes its pages; the
 * main thread renders the rest and writes the shared files.
 */
import {parentPort} from 'node:worker_threads'
import type {ShardJob} from './build-project.js'
import {renderShard} from './build-project.js'

parentPort!.once('message', async (job: ShardJob) => {
  // The project as the main thread parsed (and updated) it.
  const loaded = {...job.loaded, files: [], segmentFileBytes: new Map()}
  parentPort!.postMessage(await renderShard(loaded, job.config, {...job.options, shard: job.shard}, {pages: job.pages}, {glossaries: job.glossaries, checksums: job.checksums}))
})
