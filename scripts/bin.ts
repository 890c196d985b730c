import {main} from './cli.js'

const color = process.stderr.isTTY === true && process.env.NO_COLOR === undefined
main(process.argv.slice(2), {stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text), color}).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    // Only a bug gets here: user mistakes are InputErrors, reported by `main`.
    process.stderr.write(`interlinear: internal error, please report it:\n${(error as Error).stack ?? String(error)}\n`)
    process.exitCode = 70
  }
)
