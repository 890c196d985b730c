import type {Problem} from './diagnostics.js'

/**
 * Every user-facing problem in one catalog: each says what was found, what was expected, and what to do.
 */
export const errors = {
  invalidUtf8: (byte: number): Problem => ({
    reason: `Invalid UTF-8 at byte ${byte}: save the file as UTF-8`,
    ruleId: 'encoding'
  }),
  loneSurrogate: (id: string): Problem => ({
    reason: `The translation of segment \`${id}\` holds half of a UTF-16 surrogate pair (an escape such as \`\\ud800\` alone), which no UTF-8 file can store: fix the character in the exporting tool`,
    ruleId: 'encoding'
  }),
  nulCharacter: (): Problem => ({
    reason: 'NUL character in text: remove it (the file may be binary or corrupted)',
    ruleId: 'encoding'
  }),
  fileTooLarge: (size: number, limit: number): Problem => ({
    reason: `File is ${size} bytes, over the limit of ${limit}: split the document`,
    ruleId: 'limit-file-size'
  }),
  lineTooLong: (length: number, limit: number): Problem => ({
    reason: `Line is ${length} characters long, over the limit of ${limit}: wrap it`,
    ruleId: 'limit-line-length'
  }),
  nestingTooDeep: (depth: number, limit: number): Problem => ({
    reason: `Block nesting is ${depth} levels deep, over the limit of ${limit}: flatten the lists or quotes`,
    ruleId: 'limit-nesting'
  }),
  tableTooWide: (columns: number, limit: number): Problem => ({
    reason: `Line has ${columns} table cells, over the limit of ${limit}: split the table`,
    ruleId: 'limit-table-size'
  }),
  notAFile: (what: string): Problem => ({
    reason: `Expected a regular file, found ${what}: replace it with a plain file inside the project`,
    ruleId: 'unsafe-path'
  }),
  symlink: (): Problem => ({
    reason: 'Symbolic links are refused (they could read or write outside the project): replace it with a plain file or folder',
    ruleId: 'unsafe-path'
  }),
  outsideProject: (path: string): Problem => ({
    reason: `Path \`${path}\` is outside the project: use a path inside --root`,
    ruleId: 'unsafe-path'
  }),
  frontMatterOpening: (line: string): Problem => ({
    reason: `Front matter must open with a line of exactly \`---\` (YAML), found \`${line}\`: other front-matter languages are refused`,
    ruleId: 'front-matter-syntax'
  }),
  frontMatterUnclosed: (): Problem => ({
    reason: 'Front matter is not closed: add a line of exactly `---` after it',
    ruleId: 'front-matter-syntax'
  }),
  frontMatterYaml: (detail: string): Problem => ({
    reason: `Invalid YAML in front matter: ${detail}`,
    ruleId: 'front-matter-syntax'
  }),
  frontMatterAlias: (): Problem => ({
    reason: 'YAML anchors and aliases (`&x`, `*x`) are refused in front matter: write the value out',
    ruleId: 'front-matter-syntax'
  }),
  frontMatterNotMapping: (): Problem => ({
    reason: 'Front matter must be a YAML mapping (`key: value` lines)',
    ruleId: 'front-matter-syntax'
  }),
  frontMatterField: (key: string, expected: string, found: string): Problem => ({
    reason: `Front-matter field \`${key}\` must be ${expected}, found ${found}`,
    ruleId: 'front-matter-field'
  }),
  forbiddenKey: (key: string): Problem => ({
    reason: `Key \`${key}\` is refused: rename it`,
    ruleId: 'front-matter-field'
  }),
  sourceLanguageMissing: (): Problem => ({
    reason: 'Source document has no `language` in its front matter: add e.g. `language: en`',
    ruleId: 'front-matter-field'
  }),
  languageTag: (tag: string, why: string): Problem => ({
    reason: `\`${tag}\` is not a usable language tag: ${why}`,
    ruleId: 'language-tag'
  }),
  languageMismatch: (declared: string, folder: string): Problem => ({
    reason: `Front matter says \`language: ${declared}\` but the file is in \`${folder}/\`: make them equal`,
    ruleId: 'language-tag'
  }),
  documentName: (name: string): Problem => ({
    reason: `\`${name}\` is not a usable document name: use letters, digits, \`-\` and \`_\` (then \`.md\`)`,
    ruleId: 'document-name'
  }),
  unknownDocument: (name: string): Problem => ({
    reason: `No source document \`${name}\`: the segment file has no \`source/${name}.md\` to translate`,
    ruleId: 'unknown-document'
  }),
  entryWithoutId: (): Problem => ({
    reason: 'Quote with no segment ID above it: keep the `<!-- segment … -->` line the tool wrote above each quote',
    ruleId: 'segment-file-syntax'
  }),
  entryWithoutQuote: (id: string): Problem => ({
    reason: `Segment \`${id}\` has no quoted source: keep the \`> …\` quote the tool wrote below the ID line`,
    ruleId: 'segment-file-syntax'
  }),
  duplicateId: (id: string, line: number): Problem => ({
    reason: `Segment \`${id}\` appears twice (first at line ${line}): keep one entry per ID`,
    ruleId: 'duplicate-id'
  }),
  malformedId: (text: string): Problem => ({
    reason: `Malformed segment ID line \`${text}\`: restore it as the tool wrote it (\`<!-- segment 1a2b3c4d -->\`)`,
    ruleId: 'segment-file-syntax'
  }),
  twoParagraphs: (id: string): Problem => ({
    reason: `Segment \`${id}\` has a translation in more than one paragraph: join them (a blank line ends a translation; use a backslash at the end of a line for a line break)`,
    ruleId: 'segment-file-syntax'
  }),
  lazyContinuation: (id: string): Problem => ({
    reason: `The translation of segment \`${id}\` joined the quoted source: leave a blank line between the quoted source and your translation`,
    ruleId: 'segment-file-syntax'
  }),
  blockInTranslation: (id: string, kind: string, hint: string): Problem => ({
    reason: `The translation of segment \`${id}\` reads as a ${kind}, but only inline text may be there: ${hint}`,
    ruleId: 'segment-file-syntax'
  }),
  htmlInSegmentFile: (): Problem => ({
    reason: 'Raw HTML is not allowed in a segment file: remove it (only `<!-- segment … -->` lines are kept)',
    ruleId: 'segment-file-syntax'
  }),
  unexpectedBlock: (kind: string): Problem => ({
    reason: `Unexpected ${kind} between segments: a segment file holds only ID lines, quoted sources and translations`,
    ruleId: 'segment-file-syntax'
  }),
  languageExists: (lang: string): Problem => ({
    reason: `Language \`${lang}\` already exists: run \`interlinear update --lang ${lang}\` to bring it in line`,
    ruleId: 'language-exists'
  }),
  noSources: (dir: string): Problem => ({
    reason: `No source documents (\`*.md\`) in \`${dir}/\`: is --root the project folder?`,
    ruleId: 'no-sources'
  }),
  unknownLanguage: (lang: string): Problem => ({
    reason: `No translations for \`${lang}\`: create them with \`interlinear init ${lang}\``,
    ruleId: 'unknown-language'
  }),
  configInvalid: (why: string): Problem => ({
    reason: `interlinear.json is not usable: ${why}`,
    ruleId: 'config'
  }),
  glossary: (why: string): Problem => ({
    reason: `Glossary is not usable: ${why}`,
    ruleId: 'glossary-syntax'
  }),
  exchangeSyntax: (format: string, why: string): Problem => ({
    reason: `Not a usable ${format} file: ${why}`,
    ruleId: 'import-syntax'
  }),
  unknownSegments: (ids: readonly string[]): Problem => ({
    reason: `Unknown segment IDs (not in the source or the segment file): ${ids.map((id) => `\`${id}\``).join(', ')}: export again from the current project`,
    ruleId: 'unknown-id'
  }),
  chooseDocument: (documents: readonly string[]): Problem => ({
    reason: `The project has several documents: choose one with --doc (${documents.join(', ')})`,
    ruleId: 'usage'
  }),
  releaseVersion: (version: string, why: string): Problem => ({
    reason: `\`${version}\` is not a usable release version: ${why}`,
    ruleId: 'release-version'
  }),
  releaseName: (name: string): Problem => ({
    reason: `\`${name}\` is not a usable release name: use letters, digits, \`-\` and \`_\``,
    ruleId: 'release-name'
  }),
  releaseNameRequired: (documents: readonly string[]): Problem => ({
    reason: `The project has several documents (${documents.join(', ')}): name the release with --name`,
    ruleId: 'release-name'
  }),
  releaseIndex: (why: string): Problem => ({
    reason: `The release record is not usable: ${why}. Restore it from a backup, or fix the value`,
    ruleId: 'release-index'
  }),
  releaseExists: (version: string, differing: readonly string[]): Problem => ({
    reason: `Release ${version} already exists with other content (${differing.join(', ')}): choose a new version, or pass --force to replace it`,
    ruleId: 'release-exists'
  }),
  sourceDateEpoch: (value: string): Problem => ({
    reason: `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, found \`${value}\`: fix or unset it`,
    ruleId: 'source-date-epoch'
  }),
  projectLocked: (path: string): Problem => ({
    reason: `Another interlinear run holds the lock \`${path}\`: wait for it, or delete the file if no run is active`,
    ruleId: 'locked'
  })
} satisfies Record<string, (...args: never[]) => Problem>
