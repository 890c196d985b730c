// The yardstick for big documents: a bare remark-parse + remark-gfm of a file, nothing else; with
// --commonmark, remark-parse alone (Interlinear leaves out the GFM constructs a text cannot contain).
//   node bench/remark-baseline.mjs [--commonmark] FILE
import {readFileSync} from 'node:fs'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

const commonmark = process.argv[2] === '--commonmark'
const processor = commonmark ? unified().use(remarkParse) : unified().use(remarkParse).use(remarkGfm)
processor.parse(readFileSync(process.argv.at(-1), 'utf8'))
