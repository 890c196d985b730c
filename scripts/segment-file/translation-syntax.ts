import type {RootContent} from 'mdast'
import type {Problem} from '../diagnostics.js'
import {errors} from '../errors.js'
import {parseMarkdown} from '../parse/parse-markdown.js'

// What a block that is neither quote nor paragraph is called, and how to keep it inline text.
export const blockHints: Partial<Record<RootContent['type'], [string, string]>> = {
  heading: ['heading', 'escape the `#` at its start as `\\#` (or, for a line of `===` or `---` under it, join the lines)'],
  list: ['list', 'escape the marker at its start: `1984\\.` for a number and a period, `\\-` or `\\+` for a dash or plus'],
  code: ['code block', 'remove the indentation at its start (four spaces start a code block)'],
  thematicBreak: ['horizontal rule', 'escape the first character as `\\-`, `\\*` or `\\_`'],
  table: ['table', 'escape the pipes as `\\|`'],
  definition: ['link reference definition', 'translations cannot define links; write the link inline or escape the `[` as `\\[`'],
  footnoteDefinition: ['footnote definition', 'translations cannot define footnotes; escape the `[` as `\\[`'],
  html: ['HTML block', 'remove the HTML']
}

/**
 * Why a translation is not usable as a segment's inline text (it reads as several paragraphs or as
 * block syntax), or `undefined` when it is. Used for translations that come from other tools.
 */
export function translationSyntaxProblem(id: string, text: string): Problem | undefined {
  const {children} = parseMarkdown(text)
  const block = children.find((child) => child.type !== 'paragraph')
  if (block !== undefined) {
    const [kind, hint] = blockHints[block.type] ?? [block.type, 'remove it']
    return errors.blockInTranslation(id, kind, hint)
  }
  return children.length > 1 ? errors.twoParagraphs(id) : undefined
}
