/**
 * Run `work` on every item, at most `limit` at a time (IO overlaps without opening hundreds of
 * files at once). Rejects with the first error, after the running calls settle.
 */
export async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await work(items[next++]!)
  }
  const results = await Promise.allSettled(Array.from({length: Math.min(limit, items.length)}, worker))
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected')
  if (failed) throw failed.reason
}

/** Work started as it comes, at most `limit` at a time: see `startPool`. */
export interface Pool {
  /** Start `work`; resolves once fewer than `limit` calls are running, so a producer waits its turn. */
  add: (work: () => Promise<void>) => Promise<void>
  /** Wait for every call; rejects with the first error. */
  settle: () => Promise<void>
}

/**
 * A pool for work produced one item at a time (pages written as they are rendered, so their text
 * need not be held until the end): at most `limit` calls run at once.
 */
export function startPool(limit: number): Pool {
  const running = new Set<Promise<void>>()
  const failures: unknown[] = []
  return {
    async add(work) {
      // Tracked promises never reject: a failure is kept for `settle`, never left unhandled.
      const tracked: Promise<void> = work().then(
        () => void running.delete(tracked),
        (error: unknown) => {
          running.delete(tracked)
          failures.push(error)
        }
      )
      running.add(tracked)
      if (running.size >= limit) await Promise.race(running)
    },
    async settle() {
      await Promise.all(running)
      if (failures.length > 0) throw failures[0]
    }
  }
}
