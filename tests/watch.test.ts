import {createServer} from 'node:net'
import {mkdir, rename, symlink, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import type {FindingRecord} from '../scripts/check/format-findings.js'
import {changedFindings} from '../scripts/watch/changed-findings.js'
import {allowLiveReload, decoratePage} from '../scripts/watch/decorate-page.js'
import {hashSource, liveReloadScript} from '../scripts/watch/live-reload.js'
import {requestTarget} from '../scripts/watch/serve.js'
import {isBuildInput} from '../scripts/watch/watch-project.js'
import {translateFile} from './build-helpers.js'
import {cli, copyRepositoryProject, makeProject, put, read} from './helpers.js'
import {get, startWatch} from './watch-helpers.js'

const esPath = 'translations/es/statement.md'
const original = 'La siguiente declaración fue remitida'
const overlay = 'id="interlinear-build-error"'
/** A segment ID line holding markup: the file is refused, and its text must reach the page escaped. */
const malformed = '\n<!-- segment <img src=x onerror=alert(1)> -->\n> x\n'

/** Save like an editor that writes a temporary file and renames it over the original. */
async function saveAtomically(root: string, path: string, text: string): Promise<void> {
  await writeFile(join(root, `${path}.swp`), text)
  await rename(join(root, `${path}.swp`), join(root, path))
}

const page = (url: string, path = '/es/statement.html') => get(url, path).then((response) => response.body)

describe('watch: serving, rebuilding and failing', () => {
  it('serves dist/ with live reload, rebuilds on each save, keeps the last good build on a failure and clears it when fixed', async () => {
    const root = await copyRepositoryProject()
    const watching = await startWatch(root)
    expect(watching.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)

    const first = await get(watching.url, '/es/statement.html')
    expect(first.status).toBe(200)
    expect(first.headers).toMatchObject({'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff'})
    expect(first.body).toContain(original)
    expect(first.body).toContain(`<script>${liveReloadScript}</script></head>`)
    // The script is added at serve time only: on disk, dist/ is exactly what `build` writes.
    const onDisk = await read(root, 'dist/es/statement.html')
    expect(first.body.replace(`<script>${liveReloadScript}</script>`, '')).toBe(onDisk)
    expect((await cli(['build', '--out', join(root, 'reference')], root)).code).toBe(0)
    expect(onDisk).toBe(await read(root, 'reference/es/statement.html'))

    const text = await read(root, esPath)
    const edited = text.replace(original, 'Esta declaración editada fue remitida')
    await saveAtomically(root, esPath, edited)
    await expect.poll(() => page(watching.url), {timeout: 20_000}).toContain('Esta declaración editada')
    // The page may be served a moment before the line is printed.
    await expect.poll(() => watching.stdout(), {timeout: 20_000}).toMatch(/^built \d+ files in \d+ ms after translations\/es\/statement\.md$/m)
    // Node 20's recursive watcher misses edits after an atomic save: a second one must be seen too.
    await saveAtomically(root, esPath, edited.replace('Esta declaración editada', 'Segunda edición'))
    await expect.poll(() => page(watching.url), {timeout: 20_000}).toContain('Segunda edición')

    const good = await read(root, 'dist/es/statement.html')
    await writeFile(join(root, esPath), `${edited.replace('Esta declaración editada', 'Segunda edición')}${malformed}`)
    await expect.poll(() => page(watching.url), {timeout: 20_000}).toContain(overlay)
    const failed = await page(watching.url)
    expect(failed).toContain('Segunda edición')
    expect(failed).toMatch(/translations\/es\/statement\.md:71:1 {2}error {2}Malformed segment ID line `&#x3C;!-- segment &#x3C;img src=x onerror=alert\(1\)> -->`/)
    expect(failed).not.toContain('<img')
    expect(await page(watching.url, '/')).toContain(overlay)
    expect(await read(root, 'dist/es/statement.html')).toBe(good)
    await watching.waitFor(/build failed after translations\/es\/statement\.md: still serving the last good build/, {stream: 'stderr'})
    expect(watching.stderr()).toMatch(/71:1 +error +Malformed segment ID line/)

    await writeFile(join(root, esPath), text)
    await expect.poll(() => page(watching.url), {timeout: 20_000}).not.toContain(overlay)
    expect(await page(watching.url)).toContain(original)
    expect(await watching.stop()).toBe(0)
    expect(watching.stdout()).toMatch(/stopped\n$/)
  })

  it('builds a language added while it runs', async () => {
    const root = await copyRepositoryProject()
    const watching = await startWatch(root)
    expect((await get(watching.url, '/it/statement.html')).status).toBe(404)
    const italian = (await read(root, esPath)).replace('language: es', 'language: it').replace(original, 'La seguente dichiarazione')
    await put(root, 'translations/it/statement.md', italian)
    await expect.poll(() => page(watching.url, '/it/statement.html'), {timeout: 20_000}).toContain('La seguente dichiarazione')
    expect(await watching.stop()).toBe(0)
  })

  it('prints the findings a save adds and resolves, then the totals, not a wall of repeats', async () => {
    const root = await makeProject()
    expect((await cli(['init', 'es'], root)).code).toBe(0)
    const total = JSON.parse((await cli(['check', '--json'], root)).stdout).summary.warnings as number
    const watching = await startWatch(root)
    await watching.waitFor(new RegExp(`^0 errors, ${total} warnings, 0 infos$`, 'm'))
    expect(watching.stdout().match(/ {2}warning {2}.* {2}missing-translation$/gm)).toHaveLength(total)

    const before = watching.stdout().length
    // The first entry gets its own source as translation: one missing-translation resolved, one untranslated added.
    await translateFile(root, 'es', 'statement', (source, index) => (index === 0 ? source : undefined))
    await watching.waitFor(/ infos$/m, {count: 2})
    const printed = watching.stdout().slice(before).split('\n')
    expect(printed[0]).toMatch(/^built \d+ files in \d+ ms after translations\/es\/statement\.md$/)
    expect(printed.slice(1)).toEqual([
      expect.stringMatching(/^translations\/es\/statement\.md:\d+:1 {2}warning {2}.* {2}untranslated$/),
      expect.stringMatching(/^translations\/es\/statement\.md:\d+:1 {2}fixed {2}.* {2}missing-translation$/),
      `0 errors, ${total} warnings, 0 infos`,
      ''
    ])
    expect(await watching.stop()).toBe(0)
  })

  it('refuses every way out of dist/, other hosts and other methods', async () => {
    const root = await copyRepositoryProject()
    await put(root, 'secret.txt', 'TOP SECRET\n')
    await mkdir(join(root, 'dist'), {recursive: true})
    await symlink(join(root, 'secret.txt'), join(root, 'dist/leak.txt'))
    const watching = await startWatch(root)
    for (const path of ['/../secret.txt', '/es/../../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E/%2E%2E/etc/passwd', '/es/..%2f..%2fsecret.txt', '/es/%5c..%5csecret.txt', '/leak.txt', '/%00', '/es/.']) {
      const response = await get(watching.url, path)
      expect([path, response.status]).toEqual([path, 403])
      expect(response.body).not.toContain('TOP SECRET')
    }
    expect((await get(watching.url, '/%zz')).status).toBe(400)
    expect((await get(watching.url, `${watching.url}secret.txt`)).status).toBe(400)
    expect((await get(watching.url, '//secret.txt')).status).toBe(404)
    expect((await get(watching.url, '/.manifest.json.tmp')).status).toBe(404)
    expect((await get(watching.url, '/index.html', {headers: {host: 'attacker.example'}})).status).toBe(403)
    expect((await get(watching.url, '/index.html', {method: 'POST'})).status).toBe(405)
    expect((await get(watching.url, '//es')).headers.location).toBe('/es/')

    const index = await get(watching.url, '/')
    expect([index.status, index.body]).toEqual([200, expect.stringContaining('<script>')])
    expect((await get(watching.url, '/es/statement.md')).headers['content-type']).toBe('text/markdown; charset=utf-8')
    expect((await get(watching.url, '/es/statement.txt')).headers['content-type']).toBe('text/plain; charset=utf-8')
    expect((await get(watching.url, '/manifest.json')).headers['content-type']).toBe('application/json; charset=utf-8')
    const head = await get(watching.url, '/es/statement.txt', {method: 'HEAD'})
    expect([head.status, head.body, Number(head.headers['content-length'])]).toEqual([200, '', Buffer.byteLength(await read(root, 'dist/es/statement.txt'))])
    expect(await watching.stop()).toBe(0)
  })

  it('gives a usage error for a port in use or out of range', async () => {
    const root = await makeProject()
    const taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    const port = (taken.address() as {port: number}).port
    const run = await cli(['watch', '--port', String(port)], root)
    taken.close()
    expect(run).toMatchObject({code: 2, stderr: expect.stringContaining(`port ${port} is in use: choose another with --port N, or --port 0 for any free port`)})
    for (const port of ['65536', '-1', '1.5', 'http']) expect((await cli(['watch', '--port', port], root)).code).toBe(2)
  })
})

describe('watch: the pieces', () => {
  it.each([
    ['/es/statement.html?v=1#top', {segments: ['es', 'statement.html']}],
    ['/', {segments: ['index.html']}],
    ['/es/', {segments: ['es', 'index.html']}],
    ['//etc/passwd', {segments: ['etc', 'passwd']}],
    ['/zh-Hans/statement%20x.html', {segments: ['zh-Hans', 'statement x.html']}],
    ['/../x', {status: 403}],
    ['/%2e%2E/x', {status: 403}],
    ['/a/./b', {status: 403}],
    ['/a%2fb', {status: 403}],
    ['/a%5Cb', {status: 403}],
    ['/a%00', {status: 403}],
    ['/%E0%A4%A', {status: 400}],
    ['http://example.com/x', {status: 400}],
    ['*', {status: 400}]
  ])('maps the request path %s inside dist/ or refuses it', (url, expected) => {
    expect(requestTarget(url)).toEqual(expected)
  })

  const script = hashSource(liveReloadScript)
  it.each([
    ["default-src 'none'", (style: string) => `default-src 'none'; script-src ${script}; style-src ${style}; connect-src 'self'`],
    ["default-src 'self'; script-src 'none'; style-src 'unsafe-inline'", () => `default-src 'self'; script-src ${script}; style-src 'unsafe-inline'; connect-src 'self'`],
    ["script-src 'sha256-abc='; img-src *", () => `script-src 'sha256-abc=' ${script}; img-src *`],
    ["script-src-elem 'self'; script-src 'self'; connect-src https:", () => `script-src-elem 'self' ${script}; script-src 'self' ${script}; connect-src https: 'self'`],
    ['img-src *', () => 'img-src *']
  ])('widens the policy %j just enough for the live-reload script, the overlay and the event stream', (policy, expected) => {
    const style = /style-src ('sha256-[^']+')/.exec(allowLiveReload("style-src 'none'"))![1]!
    expect(allowLiveReload(policy)).toBe(expected(style))
  })

  it('injects the script before </head> and the escaped overlay after <body>, and widens a CSP meta tag', () => {
    const html = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><title>t</title></head><body class="x"><p>text</p></body></html>`
    const plain = decoratePage(html)
    expect(plain).toBe(html.replace(`content="default-src 'none'"`, `content="${allowLiveReload("default-src 'none'")}"`).replace('</head>', `<script>${liveReloadScript}</script></head>`))
    const failed = decoratePage(html, {error: 'x.md:1:1  error  <script>alert(1)</script> & "quotes"  rule'})
    expect(failed).toContain(`<body class="x"><div id="interlinear-build-error" role="alert" lang="en" dir="ltr"><style>`)
    expect(failed).toContain('<pre>x.md:1:1  error  &#x3C;script>alert(1)&#x3C;/script> &#x26; "quotes"  rule</pre></div><p>text</p>')
    expect(failed.match(/<script>/g)).toHaveLength(1)
  })

  it('reads a policy whose quotes are character references, as hast-util-to-html writes them', () => {
    const html = `<head><meta http-equiv="content-security-policy" content="default-src &#x27;none&#x27;; script-src &#x27;sha256-abc=&#x27; &#39;self&#39;; img-src &apos;self&apos; &amp;x"></head>`
    const policy = /content="([^"]*)"/.exec(decoratePage(html))![1]!
    expect(policy).toBe(allowLiveReload("default-src 'none'; script-src 'sha256-abc=' 'self'; img-src 'self' &x").replace(/&/g, '&amp;'))
    expect(policy).toContain("script-src 'sha256-abc=' 'self' 'sha256-")
  })

  it('rebuilds for sources, segment files and glossaries, not for editors\' temporary files', () => {
    expect(['statement.md', 'glossary.yaml', '.statement.md.swp', '.statement.md.123.tmp', 'statement.md~', '#statement.md#', '4913', 'sedAbC123'].filter((name) => isBuildInput(name, ['.md', '.yaml']))).toEqual(['statement.md', 'glossary.yaml'])
  })

  it('tells which findings an edit added and which it resolved, wherever they moved', () => {
    const finding = (line: number, rule: string, segment = 'a'): FindingRecord => ({file: 'f.md', line, column: 1, severity: 'warning', rule, message: `${rule} ${segment}`, segment})
    const before = [finding(10, 'missing-translation', 'a'), finding(14, 'missing-translation', 'b'), finding(18, 'numbers', 'c')]
    const after = [finding(12, 'untranslated', 'a'), finding(16, 'missing-translation', 'b'), finding(20, 'numbers', 'c')]
    expect(changedFindings(before, after)).toEqual({added: [after[0]], resolved: [before[0]]})
    expect(changedFindings([], before)).toEqual({added: before, resolved: []})
    expect(changedFindings(before, before)).toEqual({added: [], resolved: []})
  })
})
