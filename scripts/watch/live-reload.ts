import type {IncomingMessage, ServerResponse} from 'node:http'

/** Path of the Server-Sent Events stream that tells open pages a build finished. */
export const liveReloadPath = '/__interlinear/events'

/** ID of the build-error overlay on a served page. */
export const overlayId = 'interlinear-build-error'

/** What open pages learn after each build. */
export interface BuildEvent {
  /** The build failed: pages show the error over the last good output. */
  failed: boolean
  /** Output paths (`es/statement.html`) whose content changed. */
  changed: string[]
}

/**
 * The script injected into served pages: it reloads the page when the build that just finished
 * changed it, failed, or fixed a failure the page shows. It is constant, so its hash can be allowed
 * by a Content-Security-Policy.
 */
export const liveReloadScript = `(() => {
  const here = decodeURIComponent(location.pathname.slice(1)).replace(/(^|\\/)$/, '$1index.html')
  new EventSource(${JSON.stringify(liveReloadPath)}).addEventListener('build', (event) => {
    const build = JSON.parse(event.data)
    if (build.failed || document.getElementById(${JSON.stringify(overlayId)}) || build.changed.includes(here)) location.reload()
  })
})()`

// Pages and the live-reload script are allowed by hash alike.
export {hashSource} from '../render/csp.js'

/** The open event streams of served pages. */
export interface EventHub {
  /** Answer a request for `liveReloadPath` with an event stream. */
  handle: (request: IncomingMessage, response: ServerResponse) => void
  /** Tell every open page that a build finished. */
  send: (event: BuildEvent) => void
  /** End every stream. */
  close: () => void
}

/** Keep the event streams of open pages and broadcast build events to them. */
export function createEventHub(): EventHub {
  const streams = new Set<ServerResponse>()
  return {
    handle(request, response) {
      response.writeHead(200, {'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff'})
      // Reconnect quickly after a restart of `watch`.
      response.write('retry: 500\n\n')
      streams.add(response)
      request.on('close', () => streams.delete(response))
    },
    send(event) {
      const message = `event: build\ndata: ${JSON.stringify(event)}\n\n`
      for (const stream of streams) stream.write(message)
    },
    close() {
      for (const stream of streams) stream.end()
      streams.clear()
    }
  }
}
