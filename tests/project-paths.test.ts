import fc from 'fast-check'
import {isAbsolute, relative, resolve, sep} from 'node:path'
import {describe, expect, it} from 'vitest'
import {InputError} from '../scripts/diagnostics.js'
import {insideProject} from '../scripts/io/project.js'

const project = {root: '/work/project'}
// Names and paths with separators, dots, colons and NULs in them, as a hostile file might give.
const part = fc.oneof(fc.constantFrom('..', '.', '', '/', 'a/..', '../..', 'x/../../y', 'c:', '\0', 'es', 'doc.md', '.hidden', '..a'), fc.string({unit: fc.constantFrom('a', '.', '/', '\\', ':', '\0')}))

/** The reason of the input error `run` throws. */
function refusal(run: () => unknown): string | undefined {
  try {
    run()
  } catch (error) {
    if (error instanceof InputError) return error.files[0]?.messages[0]?.reason
    throw error
  }
  return undefined
}

describe('insideProject', () => {
  it('returns what resolving returns, or refuses a path that is not strictly inside the project (property)', () => {
    fc.assert(
      fc.property(fc.array(part, {maxLength: 4}), (parts) => {
        const target = resolve(project.root, ...parts)
        const rel = relative(project.root, target)
        const inside = rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)
        if (inside) expect(insideProject(project, ...parts)).toBe(target)
        else expect(refusal(() => insideProject(project, ...parts))).toMatch(/is outside the project/)
      }),
      {numRuns: 2000}
    )
  })
})
