import {spawn, type ChildProcess} from 'node:child_process'
import {request} from 'node:http'
import {join} from 'node:path'
import {afterAll} from 'vitest'
import {repository} from './helpers.js'

/** A running `interlinear watch` subprocess. */
export interface Watching {
  child: ChildProcess
  /** `http://127.0.0.1:PORT/`, as printed. */
  url: string
  stdout: () => string
  stderr: () => string
  /** Wait until the output holds `pattern` at least `count` times; rejects with the output after `timeout` ms. */
  waitFor: (pattern: RegExp, options?: {stream?: 'stdout' | 'stderr'; count?: number; timeout?: number}) => Promise<void>
  /** Stop with SIGTERM and resolve with the exit code. */
  stop: () => Promise<number | null>
}

const children = new Set<ChildProcess>()
afterAll(() => {
  // A failed test must not leave a server running.
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  children.clear()
})

/** Start `interlinear watch --port 0` on a project and wait for its URL. */
export async function startWatch(root: string, args: string[] = []): Promise<Watching> {
  const child = spawn(process.execPath, [join(repository, 'bin/interlinear.js'), 'watch', '--port', '0', '--root', root, ...args], {env: {...process.env, NO_COLOR: '1'}})
  children.add(child)
  const output = {stdout: '', stderr: ''}
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString('utf8')))
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString('utf8')))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const waitFor: Watching['waitFor'] = async (pattern, {stream = 'stdout', count = 1, timeout = 20_000} = {}) => {
    const global = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`)
    const deadline = Date.now() + timeout
    while ((output[stream].match(global)?.length ?? 0) < count) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no ${pattern} (×${count}) in watch's ${stream}:\n${output.stdout}\n--- stderr:\n${output.stderr}`)
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
  }
  await waitFor(/^serving dist\/ at http:\/\/127\.0\.0\.1:\d+\//m)
  return {
    child,
    url: /http:\/\/127\.0\.0\.1:\d+\//.exec(output.stdout)![0],
    stdout: () => output.stdout,
    stderr: () => output.stderr,
    waitFor,
    stop() {
      child.kill('SIGTERM')
      return exited
    }
  }
}

/** A response read in full. */
export interface Response {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** An HTTP request with the path sent exactly as given (fetch would normalize `..` away). */
export function get(url: string, path: string, options: {method?: string; headers?: Record<string, string>} = {}): Promise<Response> {
  const {hostname, port} = new URL(url)
  return new Promise((resolve, reject) => {
    const outgoing = request({hostname, port, path, method: options.method ?? 'GET', headers: options.headers}, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8')}))
    })
    outgoing.on('error', reject)
    outgoing.end()
  })
}
