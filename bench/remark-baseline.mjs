// The yardstick for big documents: a bare remark-parse + remark-gfm of a file, nothing else.
//   node bench/remark-baseline.mjs FILE
import {readFileSync} from 'node:fs'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

unified().use(remarkParse).use(remarkGfm).parse(readFileSync(process.argv[2], 'utf8'))
