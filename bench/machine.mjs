// What this machine gives the benchmark, measured when it runs: Node.js start-up, how much a second
// thread adds (for arithmetic, and for parsing, which allocates), and the cost of creating a file.
//
//   node bench/machine.mjs        (bench/run.mjs runs it first and prints it with its tables)
import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {Worker, isMainThread, parentPort, workerData} from 'node:worker_threads'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

const bench = new URL('.', import.meta.url).pathname
const statement = readFileSync(join(bench, '..', 'source/statement.md'), 'utf8')

const work = {
  arithmetic() {
    let value = 0
    for (let index = 0; index < 2e8; index++) value = (value * 31 + index) | 0
    return value
  },
  parsing() {
    unified().use(remarkParse).use(remarkGfm).parse(statement.repeat(20))
  }
}

/** Milliseconds one run of `work[name]` takes. */
function timed(name) {
  const started = performance.now()
  work[name]()
  return performance.now() - started
}

/**
 * How many times faster two threads do one run each of `work[name]` than one thread does two. Every run
 * is on a fresh worker warmed up alike (one run first): a main thread warmed up by earlier probes would
 * be faster than any new thread, and a second probe in the same process would read as a slow machine.
 */
async function threadSpeedup(name) {
  const [alone] = await runTogether(name, 1)
  const together = await runTogether(name, 2)
  return (2 * alone) / Math.max(...together)
}

/** Milliseconds each of `count` fresh workers takes for one run of `work[name]`, all started at once. */
async function runTogether(name, count) {
  const workers = Array.from({length: count}, () => new Worker(new URL(import.meta.url), {workerData: name}))
  try {
    await Promise.all(workers.map((worker) => new Promise((resolve) => worker.once('message', resolve))))
    const times = workers.map((worker) => new Promise((resolve) => worker.once('message', resolve)))
    for (const worker of workers) worker.postMessage('go')
    return await Promise.all(times)
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
}

/** Milliseconds to create, write and rename into place one small file, over 500 files in 100 new folders. */
function fileCreation() {
  const root = mkdtempSync(join(bench, 'corpora', '.machine-'))
  try {
    execFileSync('sync')
    const started = performance.now()
    for (let folder = 0; folder < 100; folder++) {
      mkdirSync(join(root, String(folder)))
      for (let file = 0; file < 5; file++) {
        const path = join(root, String(folder), `${file}.html`)
        writeFileSync(`${path}.tmp`, statement)
        renameSync(`${path}.tmp`, path)
      }
    }
    return (performance.now() - started) / 500
  } finally {
    rmSync(root, {recursive: true, force: true})
  }
}

/** Start-up of `node -e 0`, thread speed-ups and file creation, as one line of text. */
export async function probeMachine() {
  mkdirSync(join(bench, 'corpora'), {recursive: true})
  const exported = join(bench, 'corpora', 'machine-node.json')
  execFileSync('hyperfine', ['--style', 'none', '--warmup', '3', '--runs', '20', '-N', '--export-json', exported, 'node -e 0'], {stdio: 'ignore'})
  const startup = JSON.parse(readFileSync(exported, 'utf8')).results[0].median * 1000
  const arithmetic = await threadSpeedup('arithmetic')
  const parsing = await threadSpeedup('parsing')
  return `\`node -e 0\` ${startup.toFixed(0)} ms; two threads against one: ${arithmetic.toFixed(2)}× for arithmetic, ${parsing.toFixed(2)}× for remark-parse; creating a file (write + rename, 500 files in 100 new folders) ${fileCreation().toFixed(2)} ms`
}

if (!isMainThread) {
  // Warmed up like every other worker, then started with them.
  timed(workerData)
  parentPort.once('message', () => parentPort.postMessage(timed(workerData)))
  parentPort.postMessage('ready')
} else if (process.argv[1] === new URL(import.meta.url).pathname) {
  process.stdout.write(`${await probeMachine()}\n`)
}
