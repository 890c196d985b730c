/**
 * Hostile and broken inputs, each with its expected outcome: `rejected` (exit 2, a file:line:column
 * error, nothing written) or `harmless` (built, with nothing dangerous on the page).
 */

/** How to make a case's project from a fresh one with `translations/es/statement.md`. */
export type Setup =
  | {translation: string; index?: number}
  | {segmentFile: (text: string) => string}
  | {segmentFileBytes: (text: string) => Uint8Array}
  | {source: (text: string) => string}
  | {files: Record<string, string>}
  | {symlink: [string, string]}
  | {command: string[]}

export interface Case {
  name: string
  setup: Setup
  outcome: 'rejected' | 'harmless'
  /** Expected line of the error (rejected cases). */
  line?: number
  /** Expected words of the error. */
  message?: RegExp
}

const frontMatter = (opening: string) => ({segmentFile: (text: string) => text.replace(/^---\n/, `${opening}\n`)})
const yaml = (extra: string) => ({segmentFile: (text: string) => text.replace('status: draft\n', `status: draft\n${extra}\n`)})
const bytes = (edit: (bytes: Buffer) => Buffer) => ({segmentFileBytes: (text: string) => new Uint8Array(edit(Buffer.from(text)))})

export const cases: Case[] = [
  // Front matter that names another language than YAML: refused before gray-matter sees it.
  ...['---js', '---javascript', '---JS', '--- js', '---Javascript ', '---coffee', '---json', '---yaml', '---toml', '----'].map((opening): Case => ({
    name: `front matter opening \`${opening}\``,
    setup: frontMatter(`${opening}\nrequire('fs').writeFileSync('pwned', 'x')\n---`),
    outcome: 'rejected',
    line: 1,
    message: /exactly `---`/
  })),
  {name: 'front matter never closed', setup: {segmentFile: (text) => text.replace(/\n---\n/, '\n')}, outcome: 'rejected', line: 1, message: /not closed/},
  // YAML tricks.
  {name: 'YAML alias explosion', setup: yaml('a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]'), outcome: 'rejected', message: /anchors and aliases/},
  {name: 'YAML merge key', setup: yaml('base: &base {x: 1}\nother:\n  <<: *base'), outcome: 'rejected', message: /anchors and aliases/},
  {name: 'YAML JavaScript function tag', setup: yaml('evil: !!js/function "function () { return 1 }"'), outcome: 'rejected', message: /Invalid YAML/},
  {name: 'YAML custom tag', setup: yaml('evil: !include /etc/passwd'), outcome: 'rejected', message: /Invalid YAML/},
  {name: 'YAML duplicate key', setup: yaml('status: reviewed'), outcome: 'rejected', message: /Invalid YAML/},
  {name: 'YAML typed translators', setup: {segmentFile: (text) => text.replace('translators: []', 'translators: 42')}, outcome: 'rejected', line: 3, message: /`translators` must be a list/},
  {name: 'YAML number as language', setup: {segmentFile: (text) => text.replace('language: es', 'language: 1.10')}, outcome: 'rejected', line: 2, message: /`language`/},
  {name: 'YAML date scalar stays text', setup: yaml('reviewed_on: 2024-01-02'), outcome: 'harmless'},
  // Prototype keys.
  ...['__proto__', 'constructor', 'prototype'].map((key): Case => ({name: `front-matter key \`${key}\``, setup: yaml(`${key}: {polluted: true}`), outcome: 'rejected', message: /is refused/})),
  {name: '`__proto__` as a segment ID', setup: {segmentFile: (text) => text.replace(/<!-- segment [0-9a-f]{8} -->/, '<!-- segment __proto__ -->')}, outcome: 'rejected', message: /Malformed segment ID/},
  {name: '`__proto__` as an imported i18next key', setup: {files: {'evil.json': '{"__proto__": "polluted", "constructor": "x"}'}}, outcome: 'rejected', message: /Unknown segment IDs.*`__proto__`, `constructor`/},
  // Raw HTML of every dangerous kind, inline in a translation: dropped from the page.
  ...['<script>alert(1)</script>', '<iframe src="https://evil.example"></iframe>', '<style>body{display:none}</style>', '<svg onload="alert(1)"></svg>', '<img src=x onerror="alert(1)">', '<form action="https://evil.example"><button>Go</button></form>', '<a href="javascript:alert(1)">x</a>', '<object data="x.swf"></object>', '<meta http-equiv="refresh" content="0;url=https://evil.example">', '<base href="https://evil.example/">'].map(
    (html): Case => ({name: `inline HTML ${html.slice(0, 20)}`, setup: {translation: `Texto ${html} fin.`}, outcome: 'harmless'})
  ),
  {name: 'HTML block as a translation', setup: {translation: '<script>alert(1)</script>'}, outcome: 'rejected', message: /HTML/},
  // Dangerous URL schemes in every place a translation can hold a URL, also obfuscated.
  ...[
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](java&#x09;script:alert(1))',
    '[x](&#106;avascript:alert(1))',
    '[x](%6Aavascript:alert(1))',
    '[x](vbscript:msgbox(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '<javascript:alert(1)>',
    '![x](javascript:alert(1))',
    '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
    '[x](<javascript:alert(1)> "t")',
    '[x]( javascript:alert(1))'
  ].map((link): Case => ({name: `URL ${link}`, setup: {translation: `Vea ${link} ahora.`}, outcome: 'harmless'})),
  {name: 'reference definition in a translation', setup: {translation: '[x]: javascript:alert(1)'}, outcome: 'rejected', message: /link reference definition/},
  {name: 'footnote definition in a translation', setup: {translation: '[^1]: injected note'}, outcome: 'rejected', message: /footnote definition/},
  // i18next syntax is text.
  {name: 'i18next unescaped interpolation', setup: {translation: 'Hola {{- name}} y {{name}}.'}, outcome: 'harmless'},
  {name: 'i18next nesting', setup: {translation: 'Hola $t(9ed479d0, {"lng": "en"}) fin.'}, outcome: 'harmless'},
  // Language tags and file names that try to name paths or devices.
  ...['../x', '..', '/etc', 'es/../../x', 'con', 'NUL', 'en_US', 'x-evil', 'es-ES-u-co-trad', 'es x'].map((tag): Case => ({name: `language tag ${JSON.stringify(tag)}`, setup: {command: ['init', tag]}, outcome: 'rejected', message: /not a usable language tag|argument/})),
  {name: 'language folder named like a device', setup: {files: {'translations/con/statement.md': '---\nlanguage: con\n---\n'}}, outcome: 'rejected', message: /device/},
  {name: 'language folder not canonical', setup: {files: {'translations/zh-hans/statement.md': '---\nlanguage: zh-hans\n---\n'}}, outcome: 'rejected', message: /canonical form/},
  {name: 'segment file for an unknown document', setup: {files: {'translations/es/passwd.md': '---\nlanguage: es\n---\n'}}, outcome: 'rejected', message: /No source document/},
  // Symlinks pointing outside the project.
  {name: 'segment file is a symlink to /etc/passwd', setup: {symlink: ['/etc/passwd', 'translations/es/statement.md']}, outcome: 'rejected', message: /Symbolic links are refused/},
  {name: 'language folder is a symlink outside', setup: {symlink: ['/tmp', 'translations/de']}, outcome: 'rejected', message: /Symbolic links are refused/},
  // Encodings and control characters.
  {name: 'BOM', setup: bytes((buffer) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), buffer])), outcome: 'harmless'},
  {name: 'CRLF line endings', setup: {segmentFile: (text) => text.replace(/\n/g, '\r\n')}, outcome: 'harmless'},
  {name: 'mixed line endings', setup: {segmentFile: (text) => text.replace(/\n\n/g, '\r\n\n')}, outcome: 'harmless'},
  {name: 'NFD translation', setup: {translation: 'Revolucio\u0301n en el Peru\u0301.'}, outcome: 'harmless'},
  {name: 'invalid UTF-8', setup: bytes((buffer) => Buffer.concat([buffer, Buffer.from('Texto \xff\xfe fin.\n', 'latin1')])), outcome: 'rejected', message: /Invalid UTF-8/},
  {name: 'lone surrogate (CESU-8 bytes)', setup: bytes((buffer) => Buffer.concat([buffer, Buffer.from([0x0a, 0xed, 0xa0, 0x80, 0x0a])])), outcome: 'rejected', message: /Invalid UTF-8/},
  {name: 'NUL byte', setup: bytes((buffer) => Buffer.concat([buffer, Buffer.from([0x61, 0x00, 0x62, 0x0a])])), outcome: 'rejected', message: /NUL/},
  {name: 'bidi override characters', setup: {translation: 'Texto \u202egnp.exe\u202c y \u2066aislado\u2069.'}, outcome: 'harmless'},
  // Huge and deep input, refused before parsing.
  {name: 'huge file', setup: {segmentFile: (text) => text + 'x'.repeat(9 * 1024 * 1024)}, outcome: 'rejected', message: /over the limit/},
  {name: 'huge line', setup: {translation: 'x '.repeat(60_000)}, outcome: 'rejected', message: /characters long/},
  {name: '3,000 `>` on one line', setup: {segmentFile: (text) => `${text}\n${'>'.repeat(3000)} x\n`}, outcome: 'rejected', message: /nesting/},
  {name: 'deeply nested lists in a source', setup: {source: (text) => `${text}\n${Array.from({length: 1000}, (_, depth) => `${'  '.repeat(depth)}- item`).join('\n')}\n`}, outcome: 'rejected', message: /nesting/},
  {name: 'very wide table in a source', setup: {source: (text) => `${text}\n${'| a '.repeat(5000)}|\n${'| - '.repeat(5000)}|\n`}, outcome: 'rejected', message: /table cells/},
  // IDs.
  {name: 'duplicate segment ID', setup: {segmentFile: (text) => text.replace(/(<!-- segment )[0-9a-f]{8}(-2)?( -->\n> Expand)/g, '$1aaaaaaaa$3')}, outcome: 'rejected', message: /appears twice/},
  {name: 'quote without its ID line', setup: {segmentFile: (text) => text.replace(/<!-- segment [0-9a-f]{8} -->\n(?=> The following)/, '')}, outcome: 'rejected', message: /restore its `<!-- segment … -->` line/},
  // Translations that try to open new blocks or leave the quote.
  {name: 'translation opens a heading', setup: {translation: '# Título inyectado'}, outcome: 'rejected', message: /heading/},
  {name: 'translation opens a list', setup: {translation: '1984. Año'}, outcome: 'rejected', message: /1984\\\./},
  {name: 'translation opens a quote', setup: {translation: '> cita'}, outcome: 'rejected', message: /block quote/},
  {name: 'translation adds a second paragraph', setup: {translation: 'Uno.\n\nDos.'}, outcome: 'rejected', message: /more than one paragraph/},
  {name: 'translation joins the quote (lazy continuation)', setup: {segmentFile: (text) => text.replace('> Support the Revolution in Peru!\n', '> Support the Revolution in Peru!\n¡Apoyemos!\n')}, outcome: 'rejected', message: /leave a blank line/},
  {name: 'translation adds a thematic break', setup: {translation: 'Texto\n***'}, outcome: 'rejected', message: /horizontal rule|heading/}
]
