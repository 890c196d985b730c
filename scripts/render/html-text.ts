/**
 * HTML written straight as strings, for the parts of pages made too often to build as a hast tree
 * first (a build writes a review page per language, each with a row per segment): the bytes
 * hast-util-to-html writes, with its default options, for the same elements, without the tree and its
 * property normalization.
 *
 * Only the functions here make `Html`, and they escape every string they are given, so text from a
 * translator or a configuration file can never become markup: in text, `&` and `<` are written as
 * character references, so no tag and no reference starts; in attribute values, always
 * double-quoted, `"`, `&`, `'`, `` ` `` and NUL are, so no value ends early. These are the characters
 * hast-util-to-html escapes. The content of `script` and `style` is raw text, which character
 * references do not escape: `rawText` writes it, for the tool's own stylesheets and scripts only.
 */

declare const html: unique symbol

/** Serialized HTML: made only by the functions here, so every string in it was escaped. */
export type Html = string & {readonly [html]: true}

/** What an element contains: serialized HTML, nested lists of it, or nothing (`undefined`). */
export type Content = Html | undefined | readonly Content[]

/**
 * Attributes by name, written in the order given. A string is the value (`''` writes `name=""`),
 * `true` writes the name alone (`hidden`), `undefined` leaves the attribute out. Names are written
 * as they are: literal names (`class`, `data-state`, `aria-label`), never ones from input.
 */
export type Attributes = Readonly<Record<string, string | true | undefined>>

// Elements without content or end tag (https://html.spec.whatwg.org/#void-elements).
const voids = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])

const textPattern = /[&<]/g
const attributePattern = /[\0"&'`]/g
// Uppercase hexadecimal references, as hast-util-to-html (stringify-entities) writes them.
const references: Readonly<Record<string, string>> = {'\0': '&#x0;', '"': '&#x22;', '&': '&#x26;', "'": '&#x27;', '<': '&#x3C;', '`': '&#x60;'}
const reference = (character: string) => references[character]!

/** `value` as the text content of an element: `&` and `<` as character references. */
export function escapeText(value: string): Html {
  return value.replace(textPattern, reference) as Html
}

/**
 * `<name attributes>content</name>`, attribute values escaped; a void element (`br`, `input`)
 * without content has no end tag.
 */
export function element(name: string, attributes: Attributes, ...content: Content[]): Html {
  let start = `<${name}`
  for (const key in attributes) {
    const value = attributes[key]
    if (value === true) start += ` ${key}`
    else if (value !== undefined) start += ` ${key}="${value.replace(attributePattern, reference)}"`
  }
  const inner = serialize(content)
  return (voids.has(name) && inner === '' ? `${start}>` : `${start}>${inner}</${name}>`) as Html
}

/**
 * `<style>` or `<script>` holding `text` as it is: raw text, which character references do not escape,
 * so only for the tool's own stylesheets and scripts, never for input. Text that would end the element
 * early is refused.
 */
export function rawText(name: 'style' | 'script', text: string): Html {
  if (rawTextEnds[name].test(text)) throw new Error(`a ${name} cannot contain </${name}`)
  return `<${name}>${text}</${name}>` as Html
}

// Case-insensitive, as HTML reads end tags; tested, not lowercased: every page has its stylesheet.
const rawTextEnds = {style: /<\/style/i, script: /<\/script/i}

/** `items` with the text `separator` between them. */
export function joinHtml(items: readonly Html[], separator: string): Html {
  return items.join(escapeText(separator)) as Html
}

function serialize(content: readonly Content[]): string {
  let result = ''
  for (const item of content) {
    if (typeof item === 'string') result += item
    else if (item !== undefined) result += serialize(item)
  }
  return result
}
