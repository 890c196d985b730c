/**
 * Hostile and broken inputs, each with its expected outcome: `rejected` (exit 2, a file:line:column
 * error, nothing written) or `harmless` (built, with nothing dangerous on the page).
 */

/**
 * How to make a case's project from a fresh one with `translations/es/statement.md`; several kinds may
 * be combined (applied in this order: source, files, segment file, translation, symlink).
 */
export interface Setup {
  source?: (text: string) => string
  files?: Record<string, string>
  segmentFile?: (text: string) => string
  segmentFileBytes?: (text: string) => Uint8Array
  translation?: string
  index?: number
  /** A symbolic link `[target, link]`; `<outside>` in the target is a folder outside the project. */
  symlink?: [string, string]
  /** Move what is at the link's place to its target first (a real folder, linked back). */
  move?: boolean
  /** Build once before the setup, so `dist/` exists. */
  prebuild?: boolean
  /** The command to run (default `build`, or an i18next import when `files` holds a `.json` file). */
  command?: string[]
}

export interface Case {
  name: string
  setup: Setup
  outcome: 'rejected' | 'harmless'
  /** Expected line of the error (rejected cases). */
  line?: number
  /** Expected words of the error. */
  message?: RegExp
  /** Text every built page of the translation must show exactly as written (never a silent change). */
  shows?: string
  /** Bounds: wall-clock seconds and V8 heap (MB) the run may use. */
  maxSeconds?: number
  maxHeapMb?: number
}

const frontMatter = (opening: string) => ({segmentFile: (text: string) => text.replace(/^---\n/, `${opening}\n`)})
const yaml = (extra: string) => ({segmentFile: (text: string) => text.replace('status: draft\n', `status: draft\n${extra}\n`)})
const bytes = (edit: (bytes: Buffer) => Buffer) => ({segmentFileBytes: (text: string) => new Uint8Array(edit(Buffer.from(text)))})

export const cases: Case[] = [
  // Front matter that names another language than YAML: refused before gray-matter sees it.
  ...['---js', '---javascript', '---JS', '--- js', '---Javascript ', '---JavaScript', '---\tjs', '---  javascript  ', '---coffee', '---coffeescript', '---cson', '---json', '--- JSON', '---yaml', '---yml', '---toml', '----'].map((opening): Case => ({
    name: `front matter opening \`${opening}\``,
    setup: frontMatter(`${opening}\nrequire('fs').writeFileSync('pwned', 'x')\n---`),
    outcome: 'rejected',
    line: 1,
    message: /exactly `---`/
  })),
  {name: 'source front matter opening `---js`', setup: {source: (text) => text.replace(/^---\n/, "---js\nrequire('fs').writeFileSync('pwned', 'x')\n")}, outcome: 'rejected', line: 1, message: /exactly `---`/},
  {name: 'front matter never closed', setup: {segmentFile: (text) => text.replace(/\n---\n/, '\n')}, outcome: 'rejected', line: 1, message: /not closed/},
  // YAML tricks.
  {name: 'YAML alias explosion', setup: yaml('a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]'), outcome: 'rejected', message: /anchors and aliases/},
  {name: 'YAML merge key', setup: yaml('base: &base {x: 1}\nother:\n  <<: *base'), outcome: 'rejected', message: /anchors and aliases/},
  {name: 'YAML JavaScript function tag', setup: yaml('evil: !!js/function "function () { return 1 }"'), outcome: 'rejected', message: /Invalid YAML/},
  {name: 'YAML custom tag', setup: yaml('evil: !include /etc/passwd'), outcome: 'rejected', message: /Invalid YAML/},
  {name: 'YAML duplicate key', setup: yaml('status: reviewed'), outcome: 'rejected', message: /Invalid YAML/},
  {name: 'YAML typed translators', setup: {segmentFile: (text) => text.replace('translators: []', 'translators: 42')}, outcome: 'rejected', line: 3, message: /`translators` must be a list/},
  {name: 'YAML number as language', setup: {segmentFile: (text) => text.replace('language: es', 'language: 1.10')}, outcome: 'rejected', line: 2, message: /`language`/},
  ...['!!binary aGVsbG8=', '!!set {a, b}', '!!timestamp 2024-01-02', '!!omap [{a: 1}]', '!!str text'].map((value): Case => ({name: `YAML tag ${value.split(' ')[0]}`, setup: yaml(`evil: ${value}`), outcome: 'rejected', line: 5, message: /YAML tags \(`!!/})),
  {name: 'YAML boolean-looking status', setup: {segmentFile: (text) => text.replace('status: draft', 'status: yes')}, outcome: 'rejected', line: 4, message: /`status`/},
  {name: 'YAML hexadecimal status', setup: {segmentFile: (text) => text.replace('status: draft', 'status: 0x1F')}, outcome: 'rejected', line: 4, message: /`status`/},
  {name: 'YAML date scalar stays text', setup: yaml('reviewed_on: 2024-01-02'), outcome: 'harmless'},
  // Prototype keys.
  ...['__proto__', 'constructor', 'prototype'].map((key): Case => ({name: `front-matter key \`${key}\``, setup: yaml(`${key}: {polluted: true}`), outcome: 'rejected', message: /is refused/})),
  {name: 'source front-matter key `__proto__`', setup: {source: (text) => text.replace('language: en\n', 'language: en\n__proto__: {polluted: true}\n')}, outcome: 'rejected', message: /is refused/},
  {name: 'document named `constructor`', setup: {files: {'source/constructor.md': '---\nlanguage: en\ntitle: prototype\n---\n\n# __proto__\n\nconstructor prototype hasOwnProperty\n'}}, outcome: 'harmless'},
  {name: 'glossary with a `__proto__` term', setup: {files: {'translations/es/glossary.yaml': '__proto__: polluted\nconstructor: x\n'}}, outcome: 'harmless'},
  {name: '`__proto__` as a fallback language', setup: {files: {'interlinear.json': '{"fallbacks": {"__proto__": ["es"]}}'}}, outcome: 'rejected', message: /not a usable language tag/},
  {name: '`constructor` as a segment ID', setup: {segmentFile: (text) => text.replace(/<!-- segment [0-9a-f]{8} -->/, '<!-- segment constructor -->')}, outcome: 'rejected', message: /Malformed segment ID/},
  {name: '`__proto__` as a segment ID', setup: {segmentFile: (text) => text.replace(/<!-- segment [0-9a-f]{8} -->/, '<!-- segment __proto__ -->')}, outcome: 'rejected', message: /Malformed segment ID/},
  {name: '`__proto__` as an imported i18next key', setup: {files: {'evil.json': '{"__proto__": "polluted", "constructor": "x"}'}}, outcome: 'rejected', message: /Unknown segment IDs.*`__proto__`, `constructor`/},
  // Raw HTML of every dangerous kind, inline in a translation: dropped from the page.
  ...['<script>alert(1)</script>', '<iframe src="https://evil.example"></iframe>', '<style>body{display:none}</style>', '<svg onload="alert(1)"></svg>', '<img src=x onerror="alert(1)">', '<form action="https://evil.example"><button>Go</button></form>', '<a href="javascript:alert(1)">x</a>', '<object data="x.swf"></object>', '<meta http-equiv="refresh" content="0;url=https://evil.example">', '<base href="https://evil.example/">'].map(
    (html): Case => ({name: `inline HTML ${html.slice(0, 20)}`, setup: {translation: `Texto ${html} fin.`}, outcome: 'harmless'})
  ),
  ...['<details open ontoggle="alert(1)">x</details>', '<input autofocus onfocus="alert(1)">', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', '<a href="https://ok.example" onclick="alert(1)">x</a>', '<textarea><script>alert(1)</script></textarea>'].map(
    (html): Case => ({name: `inline HTML ${html.slice(0, 24)}`, setup: {translation: `Texto ${html} fin.`}, outcome: 'harmless'})
  ),
  ...['<script>alert(1)</script>', '<style>body{display:none}</style>', '<iframe src="https://evil.example"></iframe>', '<svg><script>alert(1)</script></svg>', '<form action="https://evil.example"><input name=x></form>'].map(
    (html): Case => ({name: `HTML block in a source: ${html.slice(0, 16)}`, setup: {source: (text) => `${text}\n${html}\n`}, outcome: 'harmless'})
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
  ...['<JAVASCRIPT:alert(1)>', '<vbscript:msgbox(1)>', '<data:text/html,x>', '[x](javascript&colon;alert(1))', '[x](jav&#x0A;ascript:alert(1))', '![x](&#x6A;avascript:alert(1))', '![x](JaVaScRiPt:alert(1) "t")', '[x](\\javascript:alert(1))'].map(
    (link): Case => ({name: `URL ${link}`, setup: {translation: `Vea ${link} ahora.`}, outcome: 'harmless'})
  ),
  // Reference definitions come from the source (translations cannot define them) and are used by both.
  ...['javascript:alert(1)', 'JaVa&#x53;cript:alert(1)', '<javascript&#58;alert(1)>', 'vbscript:msgbox(1) "t"', 'data:text/html;base64,PHNjcmlwdD4='].map(
    (url): Case => ({name: `source reference definition ${url}`, setup: {source: (text) => `${text}\nSee [the link][evil] and ![the image][evil].\n\n[evil]: ${url}\n`, translation: 'Vea [el enlace][evil] y ![la imagen][evil].'}, outcome: 'harmless'})
  ),
  {name: 'reference definition in a translation', setup: {translation: '[x]: javascript:alert(1)'}, outcome: 'rejected', message: /link reference definition/},
  {name: 'footnote definition in a translation', setup: {translation: '[^1]: injected note'}, outcome: 'rejected', message: /footnote definition/},
  // i18next syntax is text.
  {name: 'i18next unescaped interpolation', setup: {translation: 'Hola {{- name}} y {{name}}.'}, outcome: 'harmless', shows: 'Hola {{- name}} y {{name}}.'},
  {name: 'i18next nesting', setup: {translation: 'Hola $t(9ed479d0, {"lng": "en"}) fin.'}, outcome: 'harmless', shows: 'Hola $t(9ed479d0, {"lng": "en"}) fin.'},
  {name: 'i18next syntax with prototype names', setup: {translation: 'Hola $t(constructor.prototype) {{constructor}} {{- x, uppercase}} fin.'}, outcome: 'harmless', shows: 'Hola $t(constructor.prototype) {{constructor}} {{- x, uppercase}} fin.'},
  // Language tags and file names that try to name paths or devices.
  ...['../x', '..', '/etc', 'es/../../x', 'con', 'NUL', 'en_US', 'x-evil', 'es-ES-u-co-trad', 'es x'].map((tag): Case => ({name: `language tag ${JSON.stringify(tag)}`, setup: {command: ['init', tag]}, outcome: 'rejected', message: /not a usable language tag|argument/})),
  {name: 'language folder named like a device', setup: {files: {'translations/con/statement.md': '---\nlanguage: con\n---\n'}}, outcome: 'rejected', message: /device/},
  {name: 'language folder not canonical', setup: {files: {'translations/zh-hans/statement.md': '---\nlanguage: zh-hans\n---\n'}}, outcome: 'rejected', message: /canonical form/},
  {name: 'segment file for an unknown document', setup: {files: {'translations/es/passwd.md': '---\nlanguage: es\n---\n'}}, outcome: 'rejected', message: /No source document/},
  {name: 'segment file named like a device', setup: {files: {'translations/es/CON.md': '---\nlanguage: es\n---\n'}}, outcome: 'rejected', message: /No source document/},
  {name: 'source named like a device', setup: {files: {'source/con.md': '---\nlanguage: en\n---\n\nText.\n'}}, outcome: 'rejected', message: /con\.md/},
  {name: 'source name with a space', setup: {files: {'source/my doc.md': '---\nlanguage: en\n---\n\nText.\n'}}, outcome: 'rejected', message: /my doc\.md/},
  {name: 'hidden folder in translations is no language', setup: {files: {'translations/.evil/statement.md': '---\nlanguage: .evil\n---\n'}}, outcome: 'harmless'},
  {name: 'stray temporary file of a killed run', setup: {files: {'translations/es/.statement.md.4242.deadbeef.tmp': '---\nlanguage: es\n---\n<!-- segment trunc'}}, outcome: 'harmless'},
  // Symlinks pointing outside the project.
  {name: 'segment file is a symlink to /etc/passwd', setup: {symlink: ['/etc/passwd', 'translations/es/statement.md']}, outcome: 'rejected', message: /Symbolic links are refused/},
  {name: 'language folder is a symlink outside', setup: {symlink: ['/tmp', 'translations/de']}, outcome: 'rejected', message: /Symbolic links are refused/},
  // Symlinks that would send a write outside the project.
  {name: 'dist is a symlink outside', setup: {symlink: ['<outside>', 'dist']}, outcome: 'rejected', message: /Symbolic links are refused/},
  {name: 'a language folder of dist is a symlink outside', setup: {prebuild: true, symlink: ['<outside>', 'dist/es']}, outcome: 'rejected', message: /Symbolic links are refused/},
  // Read to compare with the new page, it would never end.
  {name: 'an output file of dist is a symlink to a device that never ends', setup: {prebuild: true, symlink: ['/dev/zero', 'dist/es/statement.html']}, outcome: 'rejected', message: /Symbolic links are refused/, maxSeconds: 20},
  {name: 'dist/manifest.json is a symlink to a device that never ends', setup: {prebuild: true, symlink: ['/dev/zero', 'dist/manifest.json']}, outcome: 'rejected', message: /Symbolic links are refused/, maxSeconds: 20},
  {name: 'the build cache is a symlink to a device that never ends', setup: {prebuild: true, symlink: ['/dev/zero', '.interlinear-cache/build.json'], command: ['build', '--check']}, outcome: 'rejected', message: /Symbolic links are refused/, maxSeconds: 20},
  {name: 'the record of the last build is a symlink to a device that never ends', setup: {prebuild: true, symlink: ['/dev/zero', '.interlinear-cache/last-build.json']}, outcome: 'rejected', message: /Symbolic links are refused/, maxSeconds: 20},
  // The stale outputs a previous build listed are looked up there.
  {name: 'a tampered dist/manifest.json whose files are not a list', setup: {prebuild: true, files: {'dist/manifest.json': '{"files": 5}'}, command: ['build']}, outcome: 'harmless'},
  {name: 'a tampered dist/manifest.json that is null', setup: {prebuild: true, files: {'dist/manifest.json': 'null'}, command: ['build']}, outcome: 'harmless'},
  {name: 'the build cache is a symlink outside', setup: {symlink: ['<outside>', '.interlinear-cache']}, outcome: 'rejected', message: /Symbolic links are refused/},
  {name: 'translations is a symlink outside (update)', setup: {symlink: ['<outside>/translations', 'translations'], move: true, source: (text) => `${text}\nA new paragraph to write.\n`, command: ['update']}, outcome: 'rejected', message: /Symbolic links are refused/},
  {name: 'translations is a symlink outside (init)', setup: {symlink: ['<outside>/translations', 'translations'], move: true, command: ['init', 'de']}, outcome: 'rejected', message: /Symbolic links are refused/},
  {name: 'source is a symlink outside', setup: {symlink: ['<outside>/source', 'source'], move: true}, outcome: 'rejected', message: /Symbolic links are refused/},
  {name: 'segment file is a symlink to the source (update)', setup: {symlink: ['../../source/statement.md', 'translations/es/statement.md'], command: ['update']}, outcome: 'rejected', message: /Symbolic links are refused/},
  {name: 'dangling symlink where update would create a segment file', setup: {files: {'source/annex.md': '---\nlanguage: en\n---\n\nAn annex.\n'}, symlink: ['<outside>/created.md', 'translations/es/annex.md'], command: ['update']}, outcome: 'rejected', message: /Symbolic links are refused/},
  {name: 'glossary is a symlink to /etc/passwd', setup: {symlink: ['/etc/passwd', 'translations/es/glossary.yaml'], command: ['check']}, outcome: 'rejected', message: /Symbolic links are refused/},
  {name: 'the lock file is a symlink outside', setup: {symlink: ['<outside>/sentinel.txt', '.interlinear.lock'], command: ['update']}, outcome: 'rejected', message: /Symbolic links are refused/},
  // Encodings and control characters.
  {name: 'BOM', setup: bytes((buffer) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), buffer])), outcome: 'harmless'},
  {name: 'CRLF line endings', setup: {segmentFile: (text) => text.replace(/\n/g, '\r\n')}, outcome: 'harmless'},
  {name: 'mixed line endings', setup: {segmentFile: (text) => text.replace(/\n\n/g, '\r\n\n')}, outcome: 'harmless'},
  {name: 'NFD translation', setup: {translation: 'Revolucio\u0301n en el Peru\u0301.'}, outcome: 'harmless'},
  {name: 'invalid UTF-8', setup: bytes((buffer) => Buffer.concat([buffer, Buffer.from('Texto \xff\xfe fin.\n', 'latin1')])), outcome: 'rejected', message: /Invalid UTF-8/},
  {name: 'lone surrogate (CESU-8 bytes)', setup: bytes((buffer) => Buffer.concat([buffer, Buffer.from([0x0a, 0xed, 0xa0, 0x80, 0x0a])])), outcome: 'rejected', message: /Invalid UTF-8/},
  {name: 'UTF-16 file', setup: bytes((buffer) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(buffer.toString('utf8'), 'utf16le')])), outcome: 'rejected', line: 1, message: /Invalid UTF-8/},
  {name: 'overlong UTF-8 encoding of `/`', setup: bytes((buffer) => Buffer.concat([buffer, Buffer.from([0x61, 0xc0, 0xaf, 0x0a])])), outcome: 'rejected', message: /Invalid UTF-8/},
  {name: 'lone surrogate in an imported translation', setup: {files: {'evil.json': '{"9ed479d0": "Texto \\ud800 fin."}'}}, outcome: 'rejected', message: /surrogate/},
  {name: 'old Mac line endings (CR only)', setup: {segmentFile: (text) => text.replace(/\n/g, '\r')}, outcome: 'harmless'},
  {name: 'bidi override in the language tag', setup: {segmentFile: (text) => text.replace('language: es', 'language: es\u202e')}, outcome: 'rejected', line: 2, message: /`language`|language/},
  {name: 'bidi isolate in a segment ID line', setup: {segmentFile: (text) => text.replace(/<!-- segment ([0-9a-f]{8}) -->/, '<!-- segment $1\u2066 -->')}, outcome: 'rejected', message: /segment/},
  {name: 'NFD quote of an NFC source', setup: {source: (text) => `${text}\nLa revolución continúa.\n`, command: ['update']}, outcome: 'harmless'},
  {name: 'NUL byte', setup: bytes((buffer) => Buffer.concat([buffer, Buffer.from([0x61, 0x00, 0x62, 0x0a])])), outcome: 'rejected', message: /NUL/},
  {name: 'bidi override characters', setup: {translation: 'Texto \u202egnp.exe\u202c y \u2066aislado\u2069.'}, outcome: 'harmless'},
  // Huge and deep input, refused before parsing.
  {name: 'huge file', setup: {segmentFile: (text) => text + 'x'.repeat(9 * 1024 * 1024)}, outcome: 'rejected', message: /over the limit/},
  {name: 'huge interlinear.json', setup: {files: {'interlinear.json': `{"fallbacks": {}, "x": "${'x'.repeat(9 * 1024 * 1024)}"}`}}, outcome: 'rejected', message: /over the limit/, maxSeconds: 10, maxHeapMb: 64},
  {name: '50 MB segment file', setup: {segmentFile: (text) => text + `${'x'.repeat(1023)}\n`.repeat(50 * 1024)}, outcome: 'rejected', line: 1, message: /over the limit/, maxSeconds: 5, maxHeapMb: 32},
  {name: 'huge line', setup: {translation: 'x '.repeat(60_000)}, outcome: 'rejected', message: /characters long/},
  {name: '3,000 `>` on one line', setup: {segmentFile: (text) => `${text}\n${'>'.repeat(3000)} x\n`}, outcome: 'rejected', message: /nesting/, maxSeconds: 5, maxHeapMb: 32},
  {name: '3,000 `>` on one line of a source', setup: {source: (text) => `${text}\n${'>'.repeat(3000)} x\n`}, outcome: 'rejected', message: /nesting/, maxSeconds: 5, maxHeapMb: 32},
  {name: 'quotes nested one more per line', setup: {source: (text) => `${text}\n${Array.from({length: 200}, (_, depth) => `${'> '.repeat(depth + 1)}x`).join('\n')}\n`}, outcome: 'rejected', message: /nesting/, maxSeconds: 5},
  // micromark matches emphasis and brackets in quadratic time: bounded per paragraph.
  {name: '30,000 nested brackets in a translation', setup: {translation: `Texto ${'['.repeat(30_000)}x${']'.repeat(30_000)}`}, outcome: 'rejected', message: /more than 2000 emphasis/, maxSeconds: 5, maxHeapMb: 32},
  {name: '30,000 nested emphasis markers in a translation', setup: {translation: `Texto ${'*'.repeat(30_000)}x${'*'.repeat(30_000)}`}, outcome: 'rejected', message: /more than 2000 emphasis/, maxSeconds: 5, maxHeapMb: 32},
  {name: '16,000 unmatched underscores in a source paragraph (24 KB)', setup: {source: (text) => `${text}\nStall ${'_a '.repeat(8000)}${' a_'.repeat(8000)}\n`}, outcome: 'rejected', message: /more than 2000 emphasis/, maxSeconds: 5, maxHeapMb: 32},
  {name: 'unmatched emphasis over 4,000 lines of one paragraph', setup: {source: (text) => `${text}\nStall\n${'_a*\n'.repeat(4000)}`}, outcome: 'rejected', message: /more than 2000 emphasis/, maxSeconds: 5, maxHeapMb: 32},
  {name: 'imported translation with 30,000 emphasis markers', setup: {files: {'evil.json': JSON.stringify({'9ed479d0': `Texto ${'*'.repeat(30_000)}x${'*'.repeat(30_000)}`})}}, outcome: 'rejected', message: /more than 2000 emphasis/, maxSeconds: 5},
  {name: 'unmatched emphasis just under the limit', setup: {translation: `Texto ${'_a* '.repeat(900)}fin`}, outcome: 'harmless', maxSeconds: 15},
  {name: 'very wide table row in a translation', setup: {translation: `Texto ${'| a '.repeat(5000)}|`}, outcome: 'rejected', message: /table cells/},
  {name: 'deeply nested lists in a source', setup: {source: (text) => `${text}\n${Array.from({length: 1000}, (_, depth) => `${'  '.repeat(depth)}- item`).join('\n')}\n`}, outcome: 'rejected', message: /nesting/},
  {name: 'very wide table in a source', setup: {source: (text) => `${text}\n${'| a '.repeat(5000)}|\n${'| - '.repeat(5000)}|\n`}, outcome: 'rejected', message: /table cells/},
  // IDs.
  {name: 'duplicate segment ID', setup: {segmentFile: (text) => text.replace(/(<!-- segment )[0-9a-f]{8}(-2)?( -->\n> Expand)/g, '$1aaaaaaaa$3')}, outcome: 'rejected', message: /appears twice/},
  {name: 'quote without its ID line', setup: {segmentFile: (text) => text.replace(/<!-- segment [0-9a-f]{8} -->\n(?=> The following)/, '')}, outcome: 'rejected', message: /restore its `<!-- segment … -->` line/},
  {name: 'entry whose ID no source has', setup: {segmentFile: (text) => text.replace(/<!-- segment [0-9a-f]{8} -->(?=\n> Support the)/, '<!-- segment 0badc0de -->')}, outcome: 'harmless'},
  {name: 'upper-case segment ID', setup: {segmentFile: (text) => text.replace(/<!-- segment ([0-9a-f]{8}) -->/, (_, id: string) => `<!-- segment ${id.toUpperCase().replace(/^[0-9]/, 'A')} -->`)}, outcome: 'rejected', message: /Malformed segment ID/},
  {name: 'two ID lines in a row', setup: {segmentFile: (text) => text.replace(/(<!-- segment [0-9a-f]{8} -->\n)(?=> The following)/, '$1<!-- segment 0badc0de -->\n')}, outcome: 'rejected', message: /segment/},
  // Translations that try to open new blocks or leave the quote.
  {name: 'translation opens a heading', setup: {translation: '# Título inyectado'}, outcome: 'rejected', message: /heading/},
  {name: 'translation opens a list', setup: {translation: '1984. Año'}, outcome: 'rejected', message: /1984\\\./},
  {name: 'translation opens a quote', setup: {translation: '> cita'}, outcome: 'rejected', message: /block quote/},
  {name: 'translation adds a second paragraph', setup: {translation: 'Uno.\n\nDos.'}, outcome: 'rejected', message: /more than one paragraph/},
  {name: 'translation joins the quote (lazy continuation)', setup: {segmentFile: (text) => text.replace('> Support the Revolution in Peru!\n', '> Support the Revolution in Peru!\n¡Apoyemos!\n')}, outcome: 'rejected', message: /leave a blank line/},
  {name: 'translation adds a thematic break', setup: {translation: 'Texto\n***'}, outcome: 'rejected', message: /horizontal rule|heading/},
  {name: 'translation adds a setext underline', setup: {translation: 'Título\n==='}, outcome: 'rejected', message: /heading/},
  {name: 'translation opens a fenced code block', setup: {translation: '```js\nalert(1)'}, outcome: 'rejected', message: /code block/},
  {name: 'translation opens an indented code block', setup: {translation: '    alert(1)'}, outcome: 'rejected', message: /code block|indentation/},
  {name: 'translation forges an ID line', setup: {translation: '<!-- segment 9ed479d0 -->'}, outcome: 'rejected', message: /segment|HTML/},
  {name: 'translation opens a table', setup: {translation: 'a | b\n--- | ---'}, outcome: 'rejected', message: /table/}
]
