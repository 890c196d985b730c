/**
 * A worker thread of `build`: renders one shard of the languages, as `build --shard` would, and
 * writes its pages; the main thread renders the rest and writes the shared files.
 */
import {parentPort, workerData} from 'node:worker_threads'
import type {BuildCache} from '../io/build-cache.js'
import type {ShardJob, ShardResult} from './build-project.js'
import {buildLoaded, shardFilter} from './build-project.js'

/** Render the shard of `job` and return what was written, with the cache entries of its pages. */
async function renderShard(job: ShardJob): Promise<ShardResult> {
  // The project as the main thread parsed (and updated) it.
  const loaded = {...job.loaded, files: [], segmentFileBytes: new Map()}
  const options = {...job.options, shard: job.shard}
  const cache: BuildCache = {pages: job.pages}
  const result = await buildLoaded(loaded, job.config, options, cache, {shared: false})
  const mine = shardFilter(loaded, options)
  const pages = Object.fromEntries(Object.entries(cache.pages).filter(([base]) => mine(base.slice(0, base.indexOf('/')))))
  return {files: result.files, pages}
}

// Not a top-level await: the bundle is a classic script (see scripts/bundle.mjs). A rejection is
// uncaught, so the thread fails with it and the main thread renders the shard itself.
void renderShard(workerData as ShardJob).then((result) => parentPort!.postMessage(result))
