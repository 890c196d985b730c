import {compareText} from '../order.js'

/**
 * Release versions: semantic versions `X.Y.Z` with an optional pre-release (`1.0.0-rc.1`), compared by
 * semver precedence. Build metadata (`+…`) is refused: it does not change precedence, so two releases
 * differing only in it would be the same version with different content.
 */

// semver.org's grammar, without build metadata.
const identifier = '(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)'
const pattern = new RegExp(`^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-(${identifier}(?:\\.${identifier})*))?$`)
const maxLength = 64

/** Why `version` cannot name a release, or `undefined` when it can. */
export function versionProblem(version: string): string | undefined {
  if (version.length > maxLength) return `it is longer than ${maxLength} characters`
  if (version.includes('+')) return 'build metadata (`+…`) is not supported: use a pre-release such as `1.0.0-rc.1`'
  if (!pattern.test(version)) return 'use a semantic version such as `1.2.0` or `1.2.0-rc.1` (no leading `v`, no leading zeros)'
  return undefined
}

/**
 * Compare two valid versions by semver precedence: negative when `a` comes first, 0 when equal.
 * A pre-release comes before its release (`1.0.0-rc.1` < `1.0.0`); numeric identifiers compare as
 * numbers and before alphanumeric ones.
 */
export function compareVersions(a: string, b: string): number {
  const [coreA, preA] = split(a)
  const [coreB, preB] = split(b)
  for (let index = 0; index < 3; index++) {
    const order = compareNumbers(coreA[index]!, coreB[index]!)
    if (order !== 0) return order
  }
  if (preA.length === 0 || preB.length === 0) return preA.length === preB.length ? 0 : preA.length === 0 ? 1 : -1
  for (let index = 0; index < Math.min(preA.length, preB.length); index++) {
    const order = compareIdentifiers(preA[index]!, preB[index]!)
    if (order !== 0) return order
  }
  return Math.sign(preA.length - preB.length)
}

function split(version: string): [string[], string[]] {
  const match = pattern.exec(version)
  if (match === null) throw new Error(`Not a valid version: ${version}`)
  return [[match[1]!, match[2]!, match[3]!], match[4] === undefined ? [] : match[4].split('.')]
}

// Digit strings without leading zeros, of any length (beyond Number's exact integers).
function compareNumbers(a: string, b: string): number {
  return a.length !== b.length ? Math.sign(a.length - b.length) : compareText(a, b)
}

function compareIdentifiers(a: string, b: string): number {
  const numericA = /^\d+$/.test(a)
  const numericB = /^\d+$/.test(b)
  if (numericA && numericB) return compareNumbers(a, b)
  if (numericA !== numericB) return numericA ? -1 : 1
  return compareText(a, b)
}
