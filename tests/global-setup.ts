import {execFileSync} from 'node:child_process'

/** The CLI tests run the bundled `bin`: bundle the current sources first. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/bundle.mjs'], {stdio: 'inherit'})
}
