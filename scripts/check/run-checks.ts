import type {PhrasingContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {VFile} from 'vfile'
import {relativeSegmentFilePath} from '../config.js'
import {parseInline} from '../merge/parse-inline.js'
import {isInlineBlock, visitBlocks} from '../parse/visit-blocks.js'
import {alignEntries, unclaimedEntries} from '../segment-file/align-entries.js'
import {computeStatus} from '../status/compute-status.js'
import type {Segment, SegmentEntry, SegmentFile, SegmentStatus, SourceDocument, StatusRow} from '../types.js'
import {report, type FindingScope, type Rule} from './finding.js'
import {checkGlossary, glossaryTerm, type Glossary} from './rules/glossary.js'
import {checkLengthRatio, lengthRatio} from './rules/length-ratio.js'
import {checkMarkup} from './rules/markup.js'
import {checkNumbers, numbersMismatch} from './rules/numbers.js'
import {checkBrackets, checkFinalPunctuation, checkWhitespace, finalPunctuation, unbalancedBrackets, whitespace} from './rules/punctuation.js'
import {checkSegmentState, checkUnclaimedEntry} from './rules/segment-state.js'
import {lintSource} from './rules/source-lint.js'
import {checkUntranslated, untranslated} from './rules/untranslated.js'

export const frontMatterRequired: Rule = {id: 'front-matter-required', severity: 'warning'}
export const missingFile: Rule = {id: 'missing-file', severity: 'warning'}

/** What the checks read: parsed sources and segment files. */
export interface CheckInput {
  documents: readonly SourceDocument[]
  languages: readonly string[]
  segmentFiles: ReadonlyMap<string, ReadonlyMap<string, SegmentFile>>
  glossaries?: ReadonlyMap<string, Glossary>
  /** Lint the source documents too (default); a build thread checking some languages leaves them to the main thread. */
  sources?: boolean
}

/** Findings per file, and the status of every language and document. */
export interface CheckResult {
  files: VFile[]
  rows: StatusRow[]
}

/**
 * Run every check on the sources and segment files: pure, nothing is read or written. Findings about a
 * translation point at its line in the segment file.
 */
export function runChecks(input: CheckInput): CheckResult {
  const files: VFile[] = []
  const rows: StatusRow[] = []
  for (const document of input.sources === false ? [] : input.documents) {
    const file = new VFile({path: document.path})
    for (const finding of lintSource(document.tree)) report(file, finding.rule, finding.reason, finding.place, {document: document.id})
    files.push(file)
  }
  for (const language of input.languages) {
    for (const document of input.documents) {
      if (language === document.language) continue
      const checked = checkSegmentFile(document, language, input.segmentFiles.get(language)?.get(document.id), input.glossaries?.get(language))
      files.push(checked.file)
      rows.push(checked.row)
    }
  }
  return {files, rows}
}

/** The findings, segment states and counts of one language's segment file of one document. */
export interface SegmentFileCheck {
  /** The findings, on the segment file's path. */
  file: VFile
  /** State of every source segment, in source order. */
  statuses: SegmentStatus[]
  row: StatusRow
}

/**
 * Run every check of one language's segment file of `document` (`undefined` when it has none): pure.
 * `runChecks` calls it for every language and document; `build` for the review pages it renders.
 */
export function checkSegmentFile(document: SourceDocument, language: string, segmentFile: SegmentFile | undefined, glossary: Glossary | undefined): SegmentFileCheck {
  const file = new VFile({path: relativeSegmentFilePath(language, document.id)})
  const scope = {language, document: document.id}
  const statuses = computeStatus(document.segments, segmentFile)
  if (segmentFile === undefined) {
    report(file, missingFile, `No segment file for \`${document.id}\` in ${language}: run \`interlinear update --lang ${language}\``, {line: 1, column: 1}, scope)
    return {file, statuses, row: row(language, document.id, statuses, 0)}
  }
  for (const key of ['translators', 'status']) {
    if (!(key in segmentFile.frontMatter)) report(file, frontMatterRequired, `Front matter has no \`${key}\`: add it (\`translators: []\`, \`status: draft\`)`, {line: 1, column: 1}, scope)
  }
  for (const status of statuses) checkSegment(file, status, document, glossary, {...scope, segment: status.segment.id})
  const unclaimed = unclaimedEntries(segmentFile.entries, alignEntries(document.segments, segmentFile.entries))
  for (const entry of unclaimed) {
    const finding = checkUnclaimedEntry(entry)
    if (finding) report(file, finding.rule, finding.reason, entry.place, {...scope, segment: entry.id})
  }
  return {file, statuses, row: row(language, document.id, statuses, unclaimed.filter((entry) => entry.translation !== '').length)}
}

function row(language: string, document: string, statuses: readonly SegmentStatus[], obsolete: number): StatusRow {
  const count = (state: SegmentStatus['state']) => statuses.filter((status) => status.state === state).length
  return {language, document, total: statuses.length, translated: count('translated'), stale: count('stale'), needsReview: count('needs-review'), missing: count('missing'), obsolete}
}

function checkSegment(file: VFile, status: SegmentStatus, document: SourceDocument, glossary: Glossary | undefined, scope: FindingScope): void {
  const {entry} = status
  const place = entry?.translation ? entry.translationPlace : entry?.place ?? {line: 1, column: 1}
  const state = checkSegmentState(status)
  if (state) report(file, state.rule, state.reason, place, scope)
  if (entry === undefined || entry.translation === '') return
  const source = status.state === 'translated' ? parsedSegment(document, status.segment) : parsedSource(document, entry.previousSource ?? entry.source)
  checkTranslation(file, entry, source, document, glossary, scope)
}

// The source tree already holds every segment's parsed content: no need to parse its text again.
const segmentContent = new WeakMap<SourceDocument, Map<number, ParsedSource>>()

function parsedSegment(document: SourceDocument, segment: Segment): ParsedSource {
  let byOffset = segmentContent.get(document)
  if (byOffset === undefined) {
    segmentContent.set(document, (byOffset = new Map()))
    const found = byOffset
    visitBlocks(document.tree, (node) => {
      if (!isInlineBlock(node)) return
      const offset = node.children[0]?.position?.start.offset
      if (offset !== undefined) found.set(offset, {text: '', children: node.children, plain: toString(node.children)})
    })
  }
  const parsed = segment.range === undefined ? undefined : byOffset.get(segment.range[0])
  return parsed === undefined ? parsedSource(document, segment.text) : {...parsed, text: segment.text}
}

// Every language checks against the same sources: parse each once.
const sourceCache = new WeakMap<SourceDocument, Map<string, ParsedSource>>()

/** A source segment's text, parsed, and as plain text. */
interface ParsedSource {
  text: string
  children: readonly PhrasingContent[]
  plain: string
}

function parsedSource(document: SourceDocument, text: string): ParsedSource {
  let cache = sourceCache.get(document)
  if (cache === undefined) sourceCache.set(document, (cache = new Map()))
  let parsed = cache.get(text)
  if (parsed === undefined) {
    const children = parseInline(text, document.definitions)
    cache.set(text, (parsed = {text, children, plain: toString(children)}))
  }
  return parsed
}

function checkTranslation(file: VFile, entry: SegmentEntry, parsed: ParsedSource, document: SourceDocument, glossary: Glossary | undefined, scope: FindingScope): void {
  const place = entry.translationPlace
  const flag = (rule: Rule, reason: string | undefined) => {
    if (reason !== undefined) report(file, rule, reason, place, scope)
  }
  const {text: sourceText, children: source, plain: sourcePlain} = parsed
  const translation = parseInline(entry.translation, document.definitions)
  const translationPlain = toString(translation)
  for (const finding of checkMarkup(source, translation)) flag(finding.rule, finding.reason)
  flag(numbersMismatch, checkNumbers(sourcePlain, translationPlain))
  flag(untranslated, checkUntranslated(sourceText, entry.translation, sourcePlain))
  flag(finalPunctuation, checkFinalPunctuation(sourcePlain, translationPlain))
  flag(unbalancedBrackets, checkBrackets(translationPlain))
  flag(whitespace, checkWhitespace(entry.translation))
  flag(lengthRatio, checkLengthRatio(sourcePlain, translationPlain, scope.language ?? ''))
  if (glossary) flag(glossaryTerm, checkGlossary(sourcePlain, translationPlain, glossary, scope.language ?? ''))
}
