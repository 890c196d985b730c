import {fromMarkdown} from 'mdast-util-from-markdown'
import {gfm} from 'micromark-extension-gfm'
import {gfmFromMarkdown} from 'mdast-util-gfm'
const p = (s) => fromMarkdown(s, {extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()]})
const show = (s) => { const t = p(s); console.log(JSON.stringify(s), JSON.stringify(t, (k, v) => k === 'position' ? undefined : v)) }
for (const s of process.argv.slice(2)) show(s.replace(/\\n/g, '\n'))
