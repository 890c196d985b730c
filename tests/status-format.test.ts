import {describe, expect, it} from 'vitest'
import {formatStatusMarkdown, formatStatusText, rowCoverage} from '../scripts/status/format-status.js'
import type {StatusRow} from '../scripts/types.js'
import {cli, copyRepositoryProject} from './helpers.js'

const rows: StatusRow[] = [
  {language: 'es', document: 'statement', total: 11, translated: 10, stale: 1, needsReview: 0, missing: 0, obsolete: 2},
  {language: 'zh-Hans', document: 'statement', total: 3, translated: 2, stale: 0, needsReview: 0, missing: 1, obsolete: 0},
  {language: 'fa', document: 'empty', total: 0, translated: 0, stale: 0, needsReview: 0, missing: 0, obsolete: 0}
]

describe('status formats', () => {
  it('writes a Markdown table with coverage, counts right-aligned', () => {
    expect(formatStatusMarkdown(rows)).toBe(
      [
        '| language | document | coverage | total | translated | stale | needs-review | missing | obsolete |',
        '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
        '| es | statement | 90.9% | 11 | 10 | 1 | 0 | 0 | 2 |',
        '| zh-Hans | statement | 66.6% | 3 | 2 | 0 | 0 | 1 | 0 |',
        '| fa | empty | 100% | 0 | 0 | 0 | 0 | 0 | 0 |',
        ''
      ].join('\n')
    )
  })

  it('writes only the header of a Markdown table when there is no language', () => {
    expect(formatStatusMarkdown([]).split('\n')).toHaveLength(3)
  })

  it('keeps the aligned text table', () => {
    expect(formatStatusText(rows.slice(0, 2))).toBe(
      [
        'language  document   total  translated  stale  needs-review  missing  obsolete',
        'es        statement     11          10      1             0        0         2',
        'zh-Hans   statement      3           2      0             0        1         0',
        ''
      ].join('\n')
    )
  })

  it('rounds coverage down, so 99.99% is never shown as 100%', () => {
    expect([rowCoverage({total: 10000, translated: 9999}), rowCoverage({total: 0, translated: 0}), rowCoverage({total: 3, translated: 3})]).toEqual([99.9, 100, 100])
  })

  it('prints status --format markdown from the CLI, and refuses it with --json', async () => {
    const root = await copyRepositoryProject()
    const run = await cli(['status', '--format', 'markdown', '--lang', 'es'], root)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^\| language \| document \| coverage \|.*\n\| --- \| --- \| ---: \|.*\n\| es \| statement \| \d+(\.\d)?% \| \d+ \|/)
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(3)
    expect((await cli(['status', '--format', 'markdown', '--json'], root)).code).toBe(2)
  })
})
