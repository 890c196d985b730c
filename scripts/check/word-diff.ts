import {boundedCache} from '../bounded-cache.js'

/** A run of words that is kept, removed or added between two texts. */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added'
  text: string
}

// Words with their trailing white space; CJK characters count as words of their own.
const tokenPattern = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]\s*|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+\s*|\s+/gu

// Every language's check and review page diff the same pairs of source texts.
const diffs = boundedCache<readonly DiffPart[]>(1000)
const formatted = boundedCache<string>(1000)

// Unambiguous, whatever the texts hold.
function pairKey(before: string, after: string): string {
  return `${before.length}:${before}${after}`
}

/**
 * Word-level diff of two texts (longest common subsequence of words), as runs of kept, removed and
 * added text. Common prefix and suffix are trimmed first, so typical one-word edits stay cheap.
 */
export function diffWords(before: string, after: string): readonly Readonly<DiffPart>[] {
  return diffs(pairKey(before, after), () => computeDiff(before, after))
}

function computeDiff(before: string, after: string): DiffPart[] {
  const a = before.match(tokenPattern) ?? []
  const b = after.match(tokenPattern) ?? []
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  const parts: DiffPart[] = []
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts.at(-1)
    if (last?.kind === kind) last.text += text
    else if (text !== '') parts.push({kind, text})
  }
  push('same', a.slice(0, start).join(''))
  const middleA = a.slice(start, endA)
  const middleB = b.slice(start, endB)
  // LCS table over the changed middle only.
  const rows = middleA.length
  const columns = middleB.length
  const table = Array.from({length: rows + 1}, () => new Uint32Array(columns + 1))
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = columns - 1; j >= 0; j--) {
      table[i]![j] = middleA[i] === middleB[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!)
    }
  }
  let i = 0
  let j = 0
  while (i < rows || j < columns) {
    if (i < rows && j < columns && middleA[i] === middleB[j]) {
      push('same', middleA[i++]!)
      j++
    } else if (i < rows && (j === columns || table[i + 1]![j]! >= table[i]![j + 1]!)) {
      push('removed', middleA[i++]!)
    } else {
      push('added', middleB[j++]!)
    }
  }
  push('same', a.slice(endA).join(''))
  return parts
}

/** A diff as one line of text, git `--word-diff` style: `[-removed-]{+added+}`. */
export function formatWordDiff(before: string, after: string): string {
  return formatted(pairKey(before, after), () =>
    diffWords(before, after)
      .map((part) => (part.kind === 'same' ? part.text : part.kind === 'removed' ? `[-${part.text.trimEnd()}-]${part.text.slice(part.text.trimEnd().length)}` : `{+${part.text.trimEnd()}+}${part.text.slice(part.text.trimEnd().length)}`))
      .join('')
      .replace(/\n/g, ' ')
  )
}
