import type {Root} from 'mdast'
import {VFile} from 'vfile'
import {defaults} from '../config.js'
import {fail} from '../diagnostics.js'
import {errors} from '../errors.js'
import {languageTagProblem} from '../io/project.js'
import {hashText} from '../segment/create-segment-id.js'
import {segmentDocument, type TranslatableField} from '../segment/segment-document.js'
import {stringifyMarkdown} from '../segment/serialize-inline.js'
import type {SourceDocument} from '../types.js'
import {checkLimits, parseMarkdown} from './parse-markdown.js'
import {readFrontMatter} from './read-front-matter.js'

/** Options for `parseSourceDocument`. */
export interface ParseSourceOptions {
  /** Document ID. */
  id: string
  /** Path relative to the project, for diagnostics. */
  path: string
  /** Front-matter keys to translate. */
  translatableFields?: readonly string[]
  /** Language to assume when the front matter names none (a translated document to import). */
  language?: string
}

/**
 * Parse a canonical document: front matter (YAML only), body (CommonMark + GFM) and segments.
 * Problems are recorded on the returned file; `document` is undefined when any is fatal.
 */
export function parseSourceDocument(text: string, options: ParseSourceOptions): {document?: SourceDocument; file: VFile} {
  const file = new VFile({path: options.path, value: text})
  const frontMatter = readFrontMatter(text, file)
  if (file.messages.length > 0) return {file}
  const language = frontMatter.data.language ?? options.language
  if (typeof language !== 'string') {
    fail(file, errors.sourceLanguageMissing(), {line: 1, column: 1})
    return {file}
  }
  const tagProblem = languageTagProblem(language)
  if (tagProblem !== undefined) {
    fail(file, errors.languageTag(language, tagProblem), {line: frontMatter.keyLines.language ?? 1, column: 1})
    return {file}
  }
  if (!checkLimits(text, file)) return {file}
  const tree = parseMarkdown(text, frontMatter.bodyStart)
  const fields: TranslatableField[] = []
  for (const key of options.translatableFields ?? defaults.translatableFields) {
    const value = frontMatter.data[key]
    if (typeof value === 'string' && value.trim() !== '') fields.push({key, value, line: frontMatter.keyLines[key] ?? 1})
  }
  const document: SourceDocument = {
    id: options.id,
    path: options.path,
    language,
    frontMatter: frontMatter.data,
    text,
    bodyStart: frontMatter.bodyStart,
    tree,
    definitions: collectDefinitions(tree),
    segments: segmentDocument(tree, fields),
    revision: hashText(text, 12)
  }
  return {document, file}
}

/**
 * Link reference and footnote definitions of a tree as Markdown, appended when a translation is
 * parsed so that `[text][ref]` and `[^1]` in it resolve as they do in the source.
 */
function collectDefinitions(tree: Root): string {
  const lines: string[] = []
  for (const node of tree.children) {
    if (node.type === 'definition') {
      lines.push(stringifyMarkdown({type: 'root', children: [{...node, position: undefined}]}).trimEnd())
    } else if (node.type === 'footnoteDefinition') {
      lines.push(`[^${node.label ?? node.identifier}]: -`)
    }
  }
  return lines.join('\n')
}
