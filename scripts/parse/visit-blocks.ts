import type {Heading, Nodes, Paragraph, TableCell} from 'mdast'

/** A block whose children are inline content: where segments are. */
export type InlineBlock = Heading | Paragraph | TableCell

const inlineBlockTypes: ReadonlySet<string> = new Set<InlineBlock['type']>(['heading', 'paragraph', 'tableCell'])

/** Whether `node` is a heading, paragraph or table cell. */
export function isInlineBlock(node: Nodes): node is InlineBlock {
  return inlineBlockTypes.has(node.type)
}

/**
 * Call `visitor` on `tree` and every node in it, in document order, without entering inline content:
 * headings, paragraphs and table cells are visited, their children are not. On a large document
 * inline nodes outnumber blocks many times over, and nothing a caller looks for (blocks, definitions)
 * is ever inside them.
 */
export function visitBlocks(tree: Nodes, visitor: (node: Nodes) => void): void {
  visitor(tree)
  if (isInlineBlock(tree) || !('children' in tree)) return
  for (const child of tree.children) visitBlocks(child, visitor)
}
