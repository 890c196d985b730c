import type {Root} from 'mdast'
import {Worker} from 'node:worker_threads'
import {VFile} from 'vfile'
import {checkLimits, parseMarkdown} from '../parse/parse-markdown.js'
import {readFrontMatter} from '../parse/read-front-matter.js'
import {findCut, joinTrees} from '../parse/split-markdown.js'

// Below this size, starting a thread and copying its tree back cost about what half a parse saves.
const parallelSize = 256 * 1024

/** A build thread's job of parsing: the second part of a large source's body. */
export interface ParseJob {
  parse: string
}

/**
 * Parse the bodies of large sources in two parts at once, the second on a thread started from
 * `workerUrl`, and join the trees (`joinTrees`): the trees by source path. Sources that are small,
 * have front matter or limit problems, cannot be cut, or whose parts do not join are left out:
 * `parseSourceDocument` parses (and reports on) them as usual.
 */
export async function parseLargeSources(sources: readonly {path: string; text: string}[], workerUrl: URL): Promise<Map<string, Root>> {
  const trees = new Map<string, Root>()
  for (const {path, text} of sources) {
    if (text.length < parallelSize) continue
    const file = new VFile()
    const {bodyStart} = readFrontMatter(text, file)
    if (file.messages.length > 0 || !checkLimits(text, file)) continue
    const cut = findCut(text, Math.max(bodyStart, Math.floor(text.length / 2)))
    if (cut === undefined) continue
    const tail = parseOnThread(workerUrl, text.slice(cut))
    const head = parseMarkdown(text.slice(0, cut), bodyStart)
    // A thread that cannot start or fails leaves its part to this one.
    const tree = joinTrees(head, (await tail) ?? parseMarkdown(text.slice(cut)), text, cut)
    if (tree !== undefined) trees.set(path, tree)
  }
  return trees
}

/** The tree of `text`, parsed on a thread of its own; `undefined` if the thread fails. */
function parseOnThread(workerUrl: URL, text: string): Promise<Root | undefined> {
  const worker = new Worker(workerUrl)
  const job: ParseJob = {parse: text}
  return new Promise<Root | undefined>((resolve) => {
    worker.once('message', (tree: Root) => resolve(tree))
    worker.once('error', () => resolve(undefined))
    worker.once('exit', () => resolve(undefined))
    worker.postMessage(job)
  }).finally(() => void worker.terminate())
}
