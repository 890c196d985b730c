import matter from 'gray-matter'
import {isMap, parseDocument, visit, type Document} from 'yaml'
import type {VFile} from 'vfile'
import {fail} from '../diagnostics.js'
import {errors} from '../errors.js'

/** The front matter of a Markdown file, split off its body. */
export interface FrontMatter {
  /** Parsed YAML mapping: plain data, never evaluated. */
  data: Record<string, unknown>
  /** The YAML text between the delimiters. */
  raw: string
  /** Offset in the file where the body starts (0 without front matter). */
  bodyStart: number
  /** 1-based line of each top-level key, for diagnostics. */
  keyLines: Record<string, number>
}

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype'])

/** Thrown by the YAML engine so gray-matter hands our diagnostics back unchanged. */
class YamlProblem extends Error {
  constructor(
    readonly document: Document,
    readonly source: string,
    /** An explicit tag found, with its offset in `source`. */
    readonly tag?: {name: string; offset: number}
  ) {
    super('yaml')
  }
}

/**
 * Split and parse YAML front matter with gray-matter. Only a first line of exactly `---` opens it,
 * so no other front-matter language (`---js` would be evaluated) is ever handed to gray-matter. YAML is
 * read with the core schema (no dates, no custom tags) and without anchors, aliases or merge keys.
 * Problems are recorded on `file`; the result is then empty.
 */
export function readFrontMatter(text: string, file: VFile): FrontMatter {
  return readPlainFrontMatter(text) ?? readFrontMatterFully(text, file)
}

// `key: word` and `key: []` lines only, as `interlinear` writes segment files: a scalar that YAML's core
// schema reads as a string (not a boolean, null or number) or an empty list.
const plainLine = /^([A-Za-z_][A-Za-z0-9_-]*): (?:([A-Za-z][A-Za-z0-9-]*)|(\[\]))$/
const typedWord = /^(?:true|True|TRUE|false|False|FALSE|null|Null|NULL)$/

/**
 * `readFrontMatter` for the plain front matter of segment files, without a YAML parser (parsing
 * hundreds of files, YAML costs more than the rest); `undefined` for anything else, which the full
 * reader handles. Proven equal to the full reader by a property test.
 */
export function readPlainFrontMatter(text: string): FrontMatter | undefined {
  if (!text.startsWith('---\n')) return undefined
  const end = text.indexOf('\n---', 3)
  if (end < 4 || (end + 4 < text.length && text[end + 4] !== '\n')) return undefined
  const data: Record<string, unknown> = Object.create(null)
  const keyLines: Record<string, number> = {}
  const lines = text.slice(4, end).split('\n')
  for (const [index, line] of lines.entries()) {
    const match = plainLine.exec(line)
    if (match === null || forbiddenKeys.has(match[1]!) || Object.hasOwn(data, match[1]!)) return undefined
    const [, key, word, list] = match
    if (word !== undefined && typedWord.test(word)) return undefined
    if (list === undefined && word === undefined) return undefined
    data[key!] = list === undefined ? word : []
    keyLines[key!] = index + 2
  }
  return {data, raw: text.slice(4, end), bodyStart: Math.min(text.length, end + 5), keyLines}
}

/** `readFrontMatter` by gray-matter and the YAML parser, for any front matter. */
export function readFrontMatterFully(text: string, file: VFile): FrontMatter {
  const empty: FrontMatter = {data: {}, raw: '', bodyStart: 0, keyLines: {}}
  if (!text.startsWith('---')) return empty
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'))
  if (firstLine !== '---') {
    fail(file, errors.frontMatterOpening(firstLine.slice(0, 40)), {line: 1, column: 1})
    return empty
  }
  const close = /^---[ \t]*$/m.exec(text.slice(4))
  if (close === null) {
    fail(file, errors.frontMatterUnclosed(), {line: 1, column: 1})
    return empty
  }
  let yaml: Document | undefined
  let parsed: matter.GrayMatterFile<string>
  try {
    // Options are always passed: without them gray-matter caches results and shares `data` objects.
    parsed = matter(text, {
      language: 'yaml',
      delimiters: '---',
      engines: {
        yaml: (source: string) => {
          yaml = parseDocument(source, {schema: 'core', merge: false, uniqueKeys: true, prettyErrors: false})
          if (yaml.errors.length > 0 || yaml.warnings.length > 0) throw new YamlProblem(yaml, source)
          let alias = false
          let tag: {name: string; offset: number} | undefined
          visit(yaml, {
            Alias: () => void (alias = true),
            Node: (_, node) => {
              alias ||= 'anchor' in node && node.anchor !== undefined
              // The core schema still resolves YAML 1.1 tags (`!!binary` → Buffer, `!!set`, `!!timestamp`): refuse every explicit tag.
              if (tag === undefined && node.tag !== undefined) tag = {name: node.tag.replace(/^tag:yaml\.org,2002:/, '!!'), offset: node.range?.[0] ?? 0}
            }
          })
          if (tag !== undefined) throw new YamlProblem(yaml, source, tag)
          if (alias) throw new YamlProblem(yaml, source)
          return yaml.contents === null ? {} : yaml.toJS({maxAliasCount: 0}) as object
        }
      }
    })
  } catch (error) {
    if (!(error instanceof YamlProblem)) throw error
    const problem = error.document.errors[0] ?? error.document.warnings[0]
    if (problem === undefined && error.tag !== undefined) {
      fail(file, errors.frontMatterTag(error.tag.name), placeIn(error.source, error.tag.offset))
    } else if (problem === undefined) {
      fail(file, errors.frontMatterAlias(), {line: 2, column: 1})
    } else {
      fail(file, errors.frontMatterYaml(problem.message.split('\n')[0] ?? ''), placeIn(error.source, problem.pos[0]))
    }
    return empty
  }
  const bodyStart = text.length - parsed.content.length
  const keyLines: Record<string, number> = {}
  if (yaml !== undefined && yaml.contents !== null && !isMap(yaml.contents)) {
    fail(file, errors.frontMatterNotMapping(), {line: 2, column: 1})
    return empty
  }
  if (yaml !== undefined && isMap(yaml.contents)) {
    for (const pair of yaml.contents.items) {
      const key = String((pair.key as {value?: unknown} | null)?.value)
      const {line} = placeIn(parsed.matter, (pair.key as {range?: [number, number]} | null)?.range?.[0] ?? 0)
      keyLines[key] = line
      if (forbiddenKeys.has(key)) fail(file, errors.forbiddenKey(key), {line, column: 1})
    }
  }
  const data = parsed.data as Record<string, unknown>
  return {data: Object.assign(Object.create(null) as Record<string, unknown>, data), raw: parsed.matter.replace(/^\n/, ''), bodyStart, keyLines}
}

// The YAML handed over by gray-matter starts with the rest of the opening `---` line, so its line N is
// line N of the file.
function placeIn(yaml: string, offset: number): {line: number; column: number} {
  const before = yaml.slice(0, offset)
  const lineStart = before.lastIndexOf('\n') + 1
  return {line: 1 + (before.match(/\n/g)?.length ?? 0), column: offset - lineStart + 1}
}
