import {chromium, type Browser, type Page} from 'playwright-core'

/** Debian's Chromium: the test tool never downloads a browser. `.ci/run` installs it. */
export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Headless Chromium, quiet: no first-run, sync, component updates or background requests. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
}

/** What a tab did: console errors and warnings, uncaught errors, and the URL of every request. */
export interface TabRecord {
  problems: string[]
  requests: string[]
}

/** Record from now on what `tab` reports and requests. */
export function recordTab(tab: Page): TabRecord {
  const record: TabRecord = {problems: [], requests: []}
  tab.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') record.problems.push(message.text())
  })
  tab.on('pageerror', (error) => record.problems.push(error.message))
  tab.on('request', (request) => record.requests.push(request.url()))
  return record
}
