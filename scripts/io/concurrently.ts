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
