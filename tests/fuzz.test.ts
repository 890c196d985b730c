import fc from 'fast-check'
import {describe, it} from 'vitest'
import {properties} from './fuzz/properties.js'

// Bounded for CI; `npm run fuzz` runs the same properties for long (bench/fuzz.ts).
const numRuns = Number(process.env.FUZZ_RUNS ?? 150)

describe('fuzzing the pipeline with generated documents and translations', () => {
  it.each(Object.entries(properties))('%s', (_, property) => {
    fc.assert(property, {numRuns})
  })
})
