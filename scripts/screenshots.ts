/**
 * Regenerate the screenshots the README shows (`npm run screenshots`): the repository's own project,
 * with one source paragraph edited as in the README's example (so Spanish needs review and the other
 * languages are stale), built into a temporary folder and shot in headless Chromium into `docs/`:
 * the dashboard, the Spanish review page filtered to the segments that need work, and the Persian
 * built page. Each PNG must stay under 200 KB.
 */
import {execFileSync} from 'node:child_process'
import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {launchChromium} from '../tests/chromium.js'

const repository = join(new URL('.', import.meta.url).pathname, '..')
const docs = join(repository, 'docs')
const limit = 200 * 1024

/** What to shoot: output name, built page, viewport, and what to do on the page first. */
const shots: {name: string; page: string; width: number; height: number; prepare?: string}[] = [
  {name: 'dashboard.png', page: 'status.html', width: 1100, height: 520},
  {name: 'review-es.png', page: 'es/statement.review.html', width: 960, height: 560, prepare: '#only-work'},
  {name: 'page-fa.png', page: 'fa/statement.html', width: 720, height: 480}
]

const root = mkdtempSync(join(tmpdir(), 'interlinear-screenshots-'))
try {
  for (const folder of ['source', 'translations']) cpSync(join(repository, folder), join(root, folder), {recursive: true})
  const source = join(root, 'source/statement.md')
  writeFileSync(source, readFileSync(source, 'utf8').replace(/^Support the Revolution in Peru!$/m, "Support the People's War in Peru!"))
  const cli = (...args: string[]) => execFileSync(process.execPath, [join(repository, 'bin/interlinear.js'), ...args, '--root', root, '--quiet'], {stdio: 'inherit'})
  cli('update', '--lang', 'es')
  cli('build', '--formats', 'html')
  mkdirSync(docs, {recursive: true})
  const browser = await launchChromium()
  try {
    for (const shot of shots) {
      const tab = await browser.newPage({viewport: {width: shot.width, height: shot.height}, deviceScaleFactor: 1, colorScheme: 'light'})
      await tab.goto(pathToFileURL(join(root, 'dist', shot.page)).href)
      if (shot.prepare !== undefined) await tab.check(shot.prepare)
      const path = join(docs, shot.name)
      await tab.screenshot({path})
      await tab.close()
      const size = statSync(path).size
      process.stdout.write(`docs/${shot.name}: ${Math.round(size / 1024)} KB\n`)
      if (size > limit) throw new Error(`docs/${shot.name} is ${size} bytes, over ${limit}: make its viewport smaller`)
    }
  } finally {
    await browser.close()
  }
} finally {
  rmSync(root, {recursive: true, force: true})
}
