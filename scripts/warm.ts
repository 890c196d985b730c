/**
 * The entry of lib/warm.js, a bundle of its own: `interlinear build`, without options, when nothing
 * changed since the last build. Loading the whole CLI is most of the time such a build takes; this
 * bundle is a small part of it. It answers only when the shortcut applies: anything else (other
 * arguments, a changed input, any error) is left to the whole CLI, which does the work and reports
 * what needs reporting. (Without options, a build withholds no language: it has nothing for stderr.)
 */
import {resolve} from 'node:path'
import {upToDate} from './commands/build.js'

/** What `interlinear ...args` run in `cwd` prints, when it is a build with nothing to do; otherwise `undefined`. */
export async function warmBuild(args: readonly string[], cwd: string): Promise<string | undefined> {
  if (args.length !== 1 || args[0] !== 'build') return undefined
  try {
    return await upToDate({root: resolve(cwd)})
  } catch {
    return undefined
  }
}
