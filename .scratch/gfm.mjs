import {fromMarkdown} from 'mdast-util-from-markdown'
import {gfm} from 'micromark-extension-gfm'
import {gfmFromMarkdown} from 'mdast-util-gfm'
for (const t of ['1)\n[x]\nword', '> x\n\n1)\n[x]\nword\n']) {
  try { const tree = fromMarkdown(t, {extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()]}); console.log('ok', JSON.stringify(tree.children[0]?.type)) } catch (e) { console.log('throws', e.message) }
}
