import {createServer, type IncomingMessage, type ServerResponse} from 'node:http'
import {readFile, realpath, stat} from 'node:fs/promises'
import type {AddressInfo} from 'node:net'
import {extname, join} from 'node:path'
import {h} from 'hastscript'
import {toHtml} from 'hast-util-to-html'
import {isInside} from '../io/write-atomic.js'

/** The only address served: the preview is for this machine, never the network. */
export const host = '127.0.0.1'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2'
}

/** Options of `serveFolder`. */
export interface ServeOptions {
  /** The folder served (`dist/`). */
  folder: string
  /** Port on `host`; 0 picks a free one. */
  port: number
  /** Rewrite each HTML response (live reload, error overlay); files on disk are never changed. */
  decorate: (html: string) => string
  /** Handlers of extra paths (the event stream), tried before files. */
  routes: Record<string, (request: IncomingMessage, response: ServerResponse) => void>
}

/** A running server. */
export interface Server {
  /** `http://127.0.0.1:PORT/` */
  url: string
  close: () => Promise<void>
}

/** Outcome of mapping a request path to a file: the path segments, or the status to answer with. */
export type RequestTarget = {segments: string[]} | {status: 400 | 403}

/**
 * Map the path of a request (`/es/statement.html?x`) to path segments inside the served folder,
 * refusing every way out of it: `..` and `.` (also percent-encoded, `%2e%2e`), encoded slashes and
 * backslashes, NUL, and anything that is not an origin-form path. A path ending in `/` names its
 * `index.html`. Empty segments (`//`) are skipped, so `//etc/passwd` stays inside the folder.
 */
export function requestTarget(url: string): RequestTarget {
  if (!url.startsWith('/')) return {status: 400}
  const parts = url.replace(/[?#].*$/s, '').split('/').slice(1)
  const segments: string[] = []
  for (const [index, part] of parts.entries()) {
    let name: string
    try {
      name = decodeURIComponent(part)
    } catch {
      return {status: 400}
    }
    if (name === '.' || name === '..' || /[/\\\0]/.test(name)) return {status: 403}
    if (name !== '') segments.push(name)
    else if (index === parts.length - 1) segments.push('index.html')
  }
  return {segments}
}

/** Whether `target` lies inside `folder`, and is not the folder itself (both resolved). */
function inside(folder: string, target: string): boolean {
  return target !== folder && isInside(folder, target)
}

/**
 * Serve `folder` over HTTP on 127.0.0.1 only: GET and HEAD of regular files inside it (a symbolic
 * link that leads out of it is refused), never cached, with exact content types and `nosniff`.
 * Requests naming another host are refused, so a web page cannot reach the preview by DNS rebinding.
 */
export async function serveFolder(options: ServeOptions): Promise<Server> {
  const server = createServer((request, response) => {
    respond(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Internal error\n')
    })
  })

  const respond = async (request: IncomingMessage, response: ServerResponse) => {
    const port = (server.address() as AddressInfo).port
    if (request.headers.host !== `${host}:${port}` && request.headers.host !== `localhost:${port}`) return send(response, 403, 'text/plain; charset=utf-8', 'Forbidden: unexpected Host\n')
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD')
      return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed\n')
    }
    const url = request.url ?? ''
    const route = options.routes[url.replace(/[?#].*$/s, '')]
    if (route !== undefined) return route(request, response)
    const target = requestTarget(url)
    if ('status' in target) return send(response, target.status, 'text/plain; charset=utf-8', target.status === 400 ? 'Bad request\n' : 'Forbidden\n')
    // Dot-files are the build's temporary files: never served.
    const headOnly = request.method === 'HEAD'
    if (target.segments.some((segment) => segment.startsWith('.'))) return notFound(response, url, headOnly)
    const folder = await realpath(options.folder).catch(() => undefined)
    const real = folder && (await realpath(join(folder, ...target.segments)).catch(() => undefined))
    if (folder === undefined || real === undefined) return notFound(response, url, headOnly)
    if (!inside(folder, real)) return send(response, 403, 'text/plain; charset=utf-8', 'Forbidden\n')
    const info = await stat(real)
    if (info.isDirectory()) {
      // Built from the checked segments, never from the raw URL: `//host` must not become an open redirect.
      response.setHeader('Location', `/${target.segments.map(encodeURIComponent).join('/')}/`)
      return send(response, 301, 'text/plain; charset=utf-8', 'Moved\n')
    }
    if (!info.isFile()) return notFound(response, url, headOnly)
    const extension = extname(real).toLowerCase()
    const body = await readFile(real)
    const content = extension === '.html' ? options.decorate(body.toString('utf8')) : body
    send(response, 200, contentTypes[extension] ?? 'application/octet-stream', content, headOnly)
  }

  // A page that is not there (yet) still gets live reload and the error overlay.
  const notFound = (response: ServerResponse, url: string, headOnly: boolean) => {
    // Browsers ask for an icon the pages do not have: no content, rather than an error in the console.
    if (url === '/favicon.ico') return send(response, 204, 'image/x-icon', '')
    const page = toHtml([{type: 'doctype'}, h('html', {lang: 'en'}, [h('head', [h('meta', {charSet: 'utf-8'}), h('title', 'Not found')]), h('body', [h('p', `Not found: ${url}`)])])])
    send(response, 404, contentTypes['.html']!, options.decorate(page), headOnly)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        // Open event streams would keep `close` waiting forever.
        server.closeAllConnections()
      })
  }
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer, headOnly = false): void {
  response.writeHead(status, {'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff'})
  response.end(headOnly ? undefined : body)
}
