import {main} from './cli.js'
import {colorEnabled} from './terminal/color.js'
import {internalError} from './terminal/output.js'
import {threadMarker} from './config.js'

/** Run the CLI on the process's arguments and streams, and set its exit code. */
function runCli(): void {
  const {stdout, stderr, env} = process
  let settled = false
  // A run that stops with work still awaited (nothing left to wake it) is a bug, not a success.
  process.once('exit', () => {
    if (settled) return
    stderr.write(internalError(new Error('the run stopped before it finished: it awaited something that never came')))
    process.exitCode = 70
  })
  main(process.argv.slice(2), {
    stdout: (text) => stdout.write(text),
    stderr: (text) => stderr.write(text),
    color: colorEnabled(env, stderr.isTTY === true),
    colorStdout: colorEnabled(env, stdout.isTTY === true),
    // A pseudo-terminal may report 0 columns.
    terminalColumns: stderr.isTTY === true ? stderr.columns || 80 : undefined
  }).then(
    (code) => {
      settled = true
      process.exitCode = code
    },
    (error: unknown) => {
      settled = true
      // Only a bug gets here: user mistakes are InputErrors, reported by `main`.
      stderr.write(internalError(error))
      process.exitCode = 70
    }
  )
}

// Build's render threads start from the same bundle, to share its code cache (see startThread in
// commands/build-project.ts). Their environment marks them, so that every other run does not load
// worker_threads (milliseconds of each run) only to learn it is the main thread.
if (process.env[threadMarker] === undefined) runCli()
else if (process.getBuiltinModule('node:worker_threads').isMainThread) runCli()
else if (process.env[threadMarker] === 'write') void import('./io/output-thread.js')
else void import('./commands/build-worker.js')
