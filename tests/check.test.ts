import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {checkGlossary} from '../scripts/check/rules/glossary.js'
import {checkLengthRatio} from '../scripts/check/rules/length-ratio.js'
import {checkMarkup} from '../scripts/check/rules/markup.js'
import {checkNumbers} from '../scripts/check/rules/numbers.js'
import {checkBrackets, checkFinalPunctuation, checkWhitespace} from '../scripts/check/rules/punctuation.js'
import {lintSource} from '../scripts/check/rules/source-lint.js'
import {checkUntranslated} from '../scripts/check/rules/untranslated.js'
import {formatWordDiff} from '../scripts/check/word-diff.js'
import {parseInline} from '../scripts/merge/parse-inline.js'
import {parseMarkdown} from '../scripts/parse/parse-markdown.js'
import {translateFile} from './build-helpers.js'
import {cli, copyRepositoryProject, makeProject, put, read, repository, statementText} from './helpers.js'

const inline = (text: string) => parseInline(text, '')
const markup = (source: string, translation: string) => checkMarkup(inline(source), inline(translation)).map((finding) => finding.rule.id)

describe('check rules (failing and passing input)', () => {
  it('markup-count: emphasis, strong, code, links, images and breaks', () => {
    expect(markup('A *b* **c** `d` [e](f) ![g](h) i\\\nj', 'A *b* **c** `d` [e](f) ![g](h) i\\\nj')).toEqual([])
    expect(markup('A *b* and *c*.', 'A *b* y c.')).toEqual(['markup-count'])
    expect(markup('Line\\\nbreak.', 'Línea sin salto.')).toEqual(['markup-count'])
  })

  it('link-url: a changed URL is an error', () => {
    expect(markup('See [the site](https://example.org).', 'Vea [el sitio](https://example.org).')).toEqual([])
    expect(markup('See [the site](https://example.org).', 'Vea [el sitio](https://evil.example).')).toEqual(['link-url'])
    expect(markup('An ![image](a.png).', 'Una ![imagen](b.png).')).toEqual(['link-url'])
  })

  it('inline-code: code text must stay identical', () => {
    expect(markup('Run `npm test` now.', 'Ejecute `npm test` ahora.')).toEqual([])
    expect(markup('Run `npm test` now.', 'Ejecute `npm prueba` ahora.')).toEqual(['inline-code'])
  })

  it('raw-html: HTML the source does not have', () => {
    expect(markup('Plain text.', 'Texto <b onclick="x()">plano</b>.')).toEqual(['raw-html'])
    expect(markup('Plain text.', 'Texto plano.')).toEqual([])
    expect(markup('Plain text.', 'Texto *plano*.')).toEqual(['markup-count'])
    expect(markup('Plain text.', 'Texto [plano](https://example.org).')).toEqual(['link-url', 'markup-count'])
  })

  it('numbers: compares digits across scripts', () => {
    expect(checkNumbers('In March 1984 and on January 1, 1986.', 'En marzo de 1984 y el 1 de enero de 1986.')).toBeUndefined()
    expect(checkNumbers('In March 1984 and on January 1, 1986.', 'در مارس ۱۹۸۴ و ۱ ژانویهٔ ۱۹۸۶.')).toBeUndefined()
    expect(checkNumbers('In 1984.', '於１９８４年。')).toBeUndefined()
    expect(checkNumbers('London WC1N 3XX', 'Londres WC1N 3XX')).toBeUndefined()
    expect(checkNumbers('In March 1984.', 'En marzo de 1894.')).toBe('Numbers differ from the source: missing 1984; not in the source: 1894')
  })

  it('untranslated: identical to the source, unless only names, numbers, codes or URLs', () => {
    expect(checkUntranslated('Support the revolution!', 'Support the revolution!', 'Support the revolution!')).toMatch(/identical/)
    expect(checkUntranslated('BCM RIM, London WC1N 3XX', 'BCM RIM, London WC1N 3XX', 'BCM RIM, London WC1N 3XX')).toBeUndefined()
    expect(checkUntranslated('https://example.org', 'https://example.org', 'https://example.org')).toBeUndefined()
    expect(checkUntranslated('Support the revolution!', '¡Apoyar la revolución!', 'Support the revolution!')).toBeUndefined()
  })

  it('final-punctuation: same kind, with CJK and Persian equivalents', () => {
    expect(checkFinalPunctuation('Support the Revolution!', '¡Apoyar la revolución!')).toBeUndefined()
    expect(checkFinalPunctuation('Support the Revolution!', '支持秘鲁革命！')).toBeUndefined()
    expect(checkFinalPunctuation('as it puts it:', 'چنان که می‌گوید:')).toBeUndefined()
    expect(checkFinalPunctuation('He said "so."', 'Il a dit « ainsi ».')).toBeUndefined()
    expect(checkFinalPunctuation('Why?', 'چرا؟')).toBeUndefined()
    expect(checkFinalPunctuation('Support the Revolution!', 'Apoyar la revolución.')).toBe('Final punctuation differs from the source: expected a exclamation, found a period')
    expect(checkFinalPunctuation('U.K. □', 'U.K. □')).toBeUndefined()
  })

  it('unbalanced-brackets: brackets and quotes of every script', () => {
    expect(checkBrackets('Dijo «hola» (y se fue).')).toBeUndefined()
    expect(checkBrackets('Er sagte „hallo“.')).toBeUndefined()
    expect(checkBrackets('他说“你好”（然后走了）。')).toBeUndefined()
    expect(checkBrackets('Dijo «hola (y se fue».')).toMatch(/Unbalanced/)
    expect(checkBrackets('He said "hello.')).toMatch(/Odd number/)
  })

  it('whitespace: leading, trailing, doubled, and trailing-space hard breaks', () => {
    expect(checkWhitespace('Una línea\\\notra línea.')).toBeUndefined()
    expect(checkWhitespace('Doble  espacio.')).toBe('Doubled space: use one')
    expect(checkWhitespace('Salto  \ncon espacios.')).toMatch(/backslash/)
    expect(checkWhitespace('Final \nlínea.')).toBe('Trailing space: remove it')
  })

  it('length-ratio: far from the language’s typical ratio (info)', () => {
    const source = 'The People\'s War in Peru is the sharpest expression in the world today of this struggle.'
    expect(checkLengthRatio(source, 'La guerra popular en el Perú es la expresión más aguda en el mundo de hoy de esta lucha.', 'es')).toBeUndefined()
    expect(checkLengthRatio(source, 'La guerra.', 'es')).toMatch(/far from the usual 1.15×/)
    expect(checkLengthRatio(source, '秘鲁人民战争是当今世界这一斗争最尖锐的表现。', 'zh-Hans')).toBeUndefined()
  })

  it('glossary: a source term without its required rendering', () => {
    const glossary = new Map([["People's War", ['guerra popular']]])
    expect(checkGlossary("The People's War in Peru.", 'La guerra popular en el Perú.', glossary, 'es')).toBeUndefined()
    expect(checkGlossary("The People's War in Peru.", 'La guerra del pueblo en el Perú.', glossary, 'es')).toBe("Glossary: “People's War” → “guerra popular”")
  })

  it('glossary: any case by the case rules of the translation’s language, not the machine’s', () => {
    const glossary = new Map([['Istanbul', ['istanbul']]])
    // Turkish lowers İ to i; other languages keep its dot (i̇), which is not the rendering.
    expect(checkGlossary('The city of Istanbul.', 'İSTANBUL şehri.', glossary, 'tr')).toBeUndefined()
    expect(checkGlossary('The city of Istanbul.', 'İSTANBUL şehri.', glossary, 'en')).toBe('Glossary: “Istanbul” → “istanbul”')
  })

  it('word diff shows old → new source', () => {
    expect(formatWordDiff('Support the Revolution in Peru!', "Support the People's War in Peru!")).toBe("Support the [-Revolution-] {+People's War+} in Peru!")
  })

  it('source lint finds both page-break artifacts of the original scan, and none in the repaired source', async () => {
    // The seed lives in ../shared beside the repository; a copy in tests/fixtures serves clones without it.
    const seed = join(repository, '../shared/seed/statement-original.txt')
    const original = await readFile(existsSync(seed) ? seed : join(repository, 'tests/fixtures/statement-original.txt'), 'utf8')
    const findings = lintSource(parseMarkdown(original))
    expect(findings.map((finding) => [finding.rule.id, finding.place.line])).toEqual([
      ['source-split-paragraph', 11],
      ['source-hyphenated-break', 19]
    ])
    expect(lintSource(parseMarkdown(statementText))).toEqual([])
  })

  it('source lint names the whole hyphenated fragment, however long, and only at the end', () => {
    const long = 'x'.repeat(100)
    const reasons = (markdown: string) => lintSource(parseMarkdown(markdown)).map((finding) => finding.reason)
    expect(reasons(`A word split, ${long}-\n\nand the rest.`)[0]).toContain(`\`${long}-\``)
    expect(reasons('Two half-\n\nwords.')[0]).toContain('`half-`')
    expect(reasons('A well-known word.\n\nNext.')).toEqual([])
  })
})

describe('interlinear check', () => {
  it('passes the shipped translations with zero errors and zero warnings', async () => {
    const root = await copyRepositoryProject()
    const run = await cli(['check', '--strict'], root)
    expect(run.stdout).toBe('0 errors, 0 warnings, 0 infos\n')
    expect(run.code).toBe(0)
  })

  it('reports one stale finding per language, at the entry line, with the diff, and exits 1 under --strict', async () => {
    const root = await copyRepositoryProject()
    await put(root, 'source/statement.md', statementText.replace('Support the Revolution in Peru!', "Support the People's War in Peru!"))
    const run = await cli(['check', '--strict', '--format', 'json'], root)
    expect(run.code).toBe(1)
    const {diagnostics, summary} = JSON.parse(run.stdout)
    const stale = diagnostics.filter((finding: {rule: string}) => finding.rule === 'stale-translation')
    expect(stale.map((finding: {language: string}) => finding.language)).toEqual(['de', 'es', 'fa', 'fr', 'zh-Hans'])
    for (const finding of stale) {
      const lines = (await read(root, finding.file)).split('\n')
      expect(lines[finding.line - 3]).toBe('> Support the Revolution in Peru!')
      expect(finding.message).toContain("Support the [-Revolution-] {+People's War+} in Peru!")
    }
    expect(summary).toEqual({errors: 0, warnings: 5, infos: 0})
    expect((await cli(['check'], root)).code).toBe(0)
  })

  it('prints text lines grouped by file, GitHub annotations and a step summary', async () => {
    const root = await makeProject()
    await cli(['init', 'es'], root)
    await translateFile(root, 'es', 'statement', (source, index) => (index === 2 ? source.replace('A World to Win', 'Un mundo que ganar').replace('(', '') : index === 9 ? 'Apoyen la [revolución](javascript:alert(1)).' : undefined))
    const text = await cli(['check'], root)
    expect(text.code).toBe(1)
    expect(text.stdout).toMatch(/^translations\/es\/statement\.md:\d+:1 {2}warning {2}Segment `[0-9a-f-]+` is not translated yet {2}missing-translation$/m)
    expect(text.stdout).toMatch(/:\d+:1 {2}error {2}Link and image URLs must stay as in the source: not in the source: `javascript:alert\(1\)` {2}link-url$/m)
    expect(text.stdout.trimEnd().split('\n').at(-1)).toMatch(/^1 error, \d+ warnings, 0 infos$/)
    const summaryPath = join(root, 'summary.md')
    const github = await cli(['check', '--format', 'github', '--summary', summaryPath], root)
    expect(github.stdout).toMatch(/^::error file=translations\/es\/statement\.md,line=\d+,col=1,title=link-url::Link and image URLs must stay as in the source%3A|^::error file=translations\/es\/statement\.md,line=\d+,col=1,title=link-url::Link and image URLs must stay as in the source: /m)
    expect(github.stdout).toMatch(/^::warning file=translations\/es\/statement\.md,line=\d+,col=1,title=missing-translation::/m)
    expect(await read(root, 'summary.md')).toMatch(/### es\n\n\| document \| translated \|.*\n.*\n\| statement \| 2\/11 \| 0 \| 0 \| 9 \| 0 \| 1 \| \d+ \|/)
  })

  it('reports a language folder without a segment file for a document (missing-file)', async () => {
    const root = await makeProject({'source/statement.md': statementText, 'source/other.md': '---\nlanguage: en\n---\n\nAnother document.\n'})
    await cli(['init', 'es'], root)
    await put(root, 'source/third.md', '---\nlanguage: en\n---\n\nA third document.\n')
    const {diagnostics} = JSON.parse((await cli(['check', '--format', 'json'], root)).stdout)
    expect(diagnostics.filter((finding: {rule: string}) => finding.rule === 'missing-file')).toEqual([
      expect.objectContaining({file: 'translations/es/third.md', line: 1, severity: 'warning', document: 'third'})
    ])
  })

  it('fails a language under --min-coverage', async () => {
    const root = await makeProject()
    await cli(['init', 'es'], root)
    const run = await cli(['check', '--min-coverage', '50', '--format', 'json'], root)
    expect(run.code).toBe(1)
    expect(JSON.parse(run.stdout).diagnostics.find((finding: {rule: string}) => finding.rule === 'min-coverage')).toMatchObject({rule: 'min-coverage', severity: 'error', language: 'es'})
  })

  it('reports malformed files as errors, with exit code 2', async () => {
    const root = await makeProject()
    await cli(['init', 'es'], root)
    await put(root, 'translations/es/statement.md', (await read(root, 'translations/es/statement.md')).replace(/^---\n/, '---js\n'))
    const run = await cli(['check', '--format', 'github'], root)
    expect(run.code).toBe(2)
    expect(run.stdout).toMatch(/^::error file=translations\/es\/statement\.md,line=1,col=1,title=front-matter-syntax::/)
  })

  it('reads a glossary and flags a missing required rendering', async () => {
    const root = await makeProject()
    await cli(['init', 'es'], root)
    await translateFile(root, 'es', 'statement', (_, index) => (index === 5 ? 'La guerra del pueblo en el Perú es la expresión más aguda hoy en el mundo de esta lucha «por liberar a toda la humanidad». Así, los genuinos marxista-leninistas de todos los países tienen el deber de hacer del apoyo a esta revolución parte integral de su propio trabajo revolucionario.' : undefined))
    await put(root, 'translations/es/glossary.yaml', "People's War: guerra popular\n")
    const run = await cli(['check', '--format', 'json'], root)
    expect(JSON.parse(run.stdout).diagnostics.filter((finding: {rule: string}) => finding.rule === 'glossary')).toHaveLength(1)
  })
})

describe('segment state rules', () => {
  it('reports needs-review (warning), obsolete (info), unknown IDs (warning) and missing front-matter fields', async () => {
    const root = await copyRepositoryProject()
    const source = statementText.replace('Support the Revolution in Peru!', "Support the People's War in Peru!")
    await put(root, 'source/statement.md', source)
    await cli(['update', '--lang', 'es'], root)
    const needsReview = JSON.parse((await cli(['check', '--lang', 'es', '--format', 'json'], root)).stdout).diagnostics
    expect(needsReview.map((finding: {rule: string; severity: string}) => [finding.rule, finding.severity])).toEqual([['needs-review', 'warning']])

    await put(root, 'source/statement.md', source.replace("Support the People's War in Peru!\n\n", ''))
    await cli(['update', '--lang', 'es'], root)
    const obsolete = JSON.parse((await cli(['check', '--lang', 'es', '--format', 'json'], root)).stdout).diagnostics
    expect(obsolete.map((finding: {rule: string; severity: string}) => [finding.rule, finding.severity])).toEqual([['obsolete-translation', 'info']])

    const text = (await read(root, 'translations/es/statement.md')).replace('## Obsolete\n\n', '').replace('translators: []\n', '')
    await put(root, 'translations/es/statement.md', text)
    const unknown = JSON.parse((await cli(['check', '--lang', 'es', '--format', 'json'], root)).stdout).diagnostics
    expect(unknown.map((finding: {rule: string; line: number}) => [finding.rule, finding.line])).toEqual([
      ['front-matter-required', 1],
      ['unknown-id', text.split('\n').findIndex((line) => line.startsWith('<!-- segment') && text.split('\n')[text.split('\n').indexOf(line) + 1] === "> Support the People's War in Peru!") + 1]
    ])
  })
})
