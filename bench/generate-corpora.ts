/**
 * Generate the benchmark corpora under bench/corpora/ (git-ignored): for each size, the same job for
 * three tools — Interlinear, po4a and Translate Toolkit — with translations of a v1 source and a v2
 * source that edits one paragraph and adds one, so every tool has real merging to do (`revised-1mb`:
 * a v2 that changes every paragraph, so every translation is matched by similarity).
 *
 *   npx tsx bench/generate-corpora.ts [name...]
 */
import {execFileSync} from 'node:child_process'
import {cpSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import * as gettextParser from 'gettext-parser'
import {pseudoLocalize, pseudoText} from '../scripts/pseudo/pseudo-localize.js'
import {parseSegmentFile} from '../scripts/segment-file/parse-segment-file.js'
import {stringifySegmentFile} from '../scripts/segment-file/stringify-segment-file.js'

const bench = new URL('.', import.meta.url).pathname
const repository = join(bench, '..')
const corpora = join(bench, 'corpora')
const cli = join(repository, 'bin/interlinear.js')
const statement = readFileSync(join(repository, 'source/statement.md'), 'utf8')

/** Plain language tags from the private-use range qaa–qtz: 520 of them, all canonical. */
function languages(count: number): string[] {
  const tags: string[] = []
  for (let second = 0; second < 20 && tags.length < count; second++) {
    for (let third = 0; third < 26 && tags.length < count; third++) tags.push(`q${String.fromCharCode(97 + second)}${String.fromCharCode(97 + third)}`)
  }
  return tags
}

/** The statement's body repeated until `bytes` (give or take a block), every block made unique, hard breaks kept. */
function bigDocument(bytes: number): string {
  const [, frontMatter, body] = statement.split(/^---$/m)
  const blocks = body!.trim().split('\n\n')
  const out: string[] = []
  let size = 0
  for (let copy = 1; size < bytes; copy++) {
    for (const block of blocks) {
      if (size >= bytes) break
      const unique = `${block} (${copy})`
      out.push(unique)
      size += unique.length + 2
    }
  }
  return `---${frontMatter}---\n\n${out.join('\n\n')}\n`
}

/** v2: one paragraph edited, one added. */
function version2(v1: string): string {
  return v1.replace('Support the Revolution in Peru!', "Support the People's War in Peru!").replace(/\n$/, '\n\nA new closing paragraph, added in version 2 of the source.\n')
}

/** v2 of a broad edit: every paragraph changed (a sentence added to each), so that no segment keeps its ID and every one is matched by similarity. */
function everyParagraphRevised(v1: string): string {
  const [, frontMatter, body] = v1.split(/^---$/m)
  const blocks = body!.trim().split('\n\n').map((block) => (/^\p{L}/u.test(block) ? `${block} Revised.` : block))
  return `---${frontMatter}---\n\n${blocks.join('\n\n')}\n`
}

function run(command: string, args: string[], cwd: string): void {
  execFileSync(command, args, {cwd, stdio: ['ignore', 'ignore', 'inherit']})
}

function interlinearProject(folder: string, v1: string, tags: string[], v2: string): void {
  mkdirSync(join(folder, 'source'), {recursive: true})
  writeFileSync(join(folder, 'source/doc.md'), v1)
  run(process.execPath, [cli, 'init', tags[0]!], folder)
  const path = join(folder, `translations/${tags[0]}/doc.md`)
  const {segmentFile} = parseSegmentFile(readFileSync(path, 'utf8'), {path, language: tags[0]!})
  const filled = {...segmentFile!, entries: segmentFile!.entries.map((entry) => ({...entry, translation: pseudoLocalize(entry.source)}))}
  const text = stringifySegmentFile(filled, {document: 'doc', sourcePath: 'source/doc.md'})
  for (const tag of tags) {
    mkdirSync(join(folder, 'translations', tag), {recursive: true})
    writeFileSync(join(folder, 'translations', tag, 'doc.md'), text.replace(`language: ${tags[0]}`, `language: ${tag}`))
  }
  writeFileSync(join(folder, 'source/doc.md'), v2)
}

/** Fill every msgstr of a PO with a pseudo-translation of its msgid. */
function fillPo(text: string, language: string): string {
  const po = gettextParser.po.parse(text)
  po.headers.Language = language
  for (const messages of Object.values(po.translations)) {
    for (const [msgid, message] of Object.entries(messages)) if (msgid !== '') message.msgstr = [pseudoText(msgid)]
  }
  return gettextParser.po.compile(po).toString('utf8')
}

function po4aProject(folder: string, v1: string, tags: string[], v2: string): void {
  mkdirSync(join(folder, 'po'), {recursive: true})
  writeFileSync(join(folder, 'doc.md'), v1)
  const config = ['[po4a_langs] ' + tags.join(' '), '[po4a_paths] po/doc.pot $lang:po/$lang.po', '[type: text] doc.md $lang:out/$lang/doc.md opt:"-o markdown" opt:"-k 0"', ''].join('\n')
  writeFileSync(join(folder, 'po4a.cfg'), config)
  run('po4a', ['--no-translations', '--quiet', 'po4a.cfg'], folder)
  const template = readFileSync(join(folder, 'po/doc.pot'), 'utf8')
  const filled = fillPo(template, tags[0]!)
  for (const tag of tags) writeFileSync(join(folder, 'po', `${tag}.po`), filled.replace(`Language: ${tags[0]}`, `Language: ${tag}`))
  writeFileSync(join(folder, 'doc.md'), v2)
}

function translateToolkitProject(folder: string, v1: string, tags: string[], v2: string): void {
  mkdirSync(join(folder, 'old'), {recursive: true})
  writeFileSync(join(folder, 'v1.md'), v1)
  run('txt2po', ['-P', '--progress=none', 'v1.md', 'v1.pot'], folder)
  const filled = fillPo(readFileSync(join(folder, 'v1.pot'), 'utf8'), tags[0]!)
  for (const tag of tags) writeFileSync(join(folder, 'old', `${tag}.po`), filled)
  writeFileSync(join(folder, 'doc.md'), v2)
  writeFileSync(join(folder, 'languages.txt'), `${tags.join('\n')}\n`)
  // The job: extract a template, merge it into every language's PO, write every language's document.
  writeFileSync(
    join(folder, 'job.sh'),
    [
      'set -e',
      'rm -rf new out && mkdir -p new out',
      'txt2po -P --progress=none doc.md doc.pot',
      'while read -r lang; do',
      '  pot2po --progress=none -t "old/$lang.po" doc.pot "new/$lang.po"',
      '  mkdir -p "out/$lang" && po2txt --progress=none -t doc.md "new/$lang.po" "out/$lang/doc.md"',
      'done < languages.txt',
      ''
    ].join('\n')
  )
}

const sets: Record<string, () => {text: string; count: number; peers: boolean; edit?: (v1: string) => string}> = {
  'statement-1': () => ({text: statement, count: 1, peers: true}),
  'statement-10': () => ({text: statement, count: 10, peers: true}),
  'statement-100': () => ({text: statement, count: 100, peers: true}),
  'statement-500': () => ({text: statement, count: 500, peers: false}),
  // The reference for 100 languages is of a 10 KB document.
  '10kb-100': () => ({text: bigDocument(10_000), count: 100, peers: true}),
  'big-1mb': () => ({text: bigDocument(1_000_000), count: 1, peers: true}),
  'big-2mb': () => ({text: bigDocument(2_000_000), count: 1, peers: false}),
  // Not in the benchmark's default set: every translation of a 1 MB document matched by similarity.
  'revised-1mb': () => ({text: bigDocument(1_000_000), count: 1, peers: true, edit: everyParagraphRevised})
}

const wanted = process.argv.slice(2)
for (const [name, make] of Object.entries(sets)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue
  const {text, count, peers, edit = version2} = make()
  const folder = join(corpora, name)
  rmSync(folder, {recursive: true, force: true})
  const tags = languages(count)
  const v2 = edit(text)
  interlinearProject(join(folder, 'interlinear'), text, tags, v2)
  if (peers) {
    po4aProject(join(folder, 'po4a'), text, tags, v2)
    translateToolkitProject(join(folder, 'ttk'), text, tags, v2)
  }
  // Pristine copies: every timed run starts from these.
  cpSync(folder, `${folder}.pristine`, {recursive: true})
  process.stdout.write(`generated ${name}: ${count} language${count === 1 ? '' : 's'}, ${text.length} bytes\n`)
}
