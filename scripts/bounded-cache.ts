/**
 * A cache of values computed once per key, for work every language repeats on the same source texts.
 * Cleared when full, so a long-lived process (`watch`) does not grow without end.
 */
export function boundedCache<V>(limit = 10_000): (key: string, compute: () => V) => V {
  const values = new Map<string, V>()
  return (key, compute) => {
    let value = values.get(key)
    if (value === undefined) {
      if (values.size >= limit) values.clear()
      value = compute()
      values.set(key, value)
    }
    return value
  }
}
