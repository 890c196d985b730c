import {chromium, type Browser} from 'playwright-core'

/** Debian's Chromium: the test tool never downloads a browser. `.ci/run` installs it. */
export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Headless Chromium, quiet: no first-run, sync, component updates or background requests. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
}
