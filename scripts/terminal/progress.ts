/** A progress line on a terminal. */
export interface Progress {
  /** Show `text` in place of the previous progress text (throttled). */
  update: (text: string) => void
  /** Erase the progress line, leaving the terminal as it was. */
  clear: () => void
}

/** Options of `createProgress`. */
export interface ProgressOptions {
  /** Writes to the terminal (stderr). */
  write: (text: string) => void
  /** Clock in milliseconds (injected for tests). */
  now?: () => number
  /** Quiet period before the first line, so short runs show nothing. */
  delay?: number
  /** Minimum time between two redraws. */
  interval?: number
  /** Terminal width: longer text is cut, since a wrapped line cannot be rewritten in place. */
  columns?: number
}

// Carriage return, then erase to the end of the line: the next text overwrites the line in place.
const eraseLine = '\r\u001B[K'

/**
 * A progress line rewritten in place with `\r`, for long runs on a terminal only: the CLI never
 * creates one when stderr is not a TTY, or under `--quiet` or `--json`.
 */
export function createProgress(options: ProgressOptions): Progress {
  const now = options.now ?? Date.now
  const start = now()
  const delay = options.delay ?? 300
  const interval = options.interval ?? 80
  let shownAt: number | undefined
  return {
    update(text) {
      const time = now()
      if (time - start < delay || (shownAt !== undefined && time - shownAt < interval)) return
      const columns = options.columns ?? 80
      options.write(`${eraseLine}${text.length < columns ? text : `${text.slice(0, columns - 2)}…`}`)
      shownAt = time
    },
    clear() {
      if (shownAt !== undefined) options.write(eraseLine)
      shownAt = undefined
    }
  }
}
