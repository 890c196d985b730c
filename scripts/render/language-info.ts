/**
 * Facts about a language tag that pages need: its name in its own language and its writing direction.
 */

import {boundedCache} from '../bounded-cache.js'
import {bundledCodeTable} from '../language-tag.js'

// Intl objects are costly to create and pages ask for the same tags again and again.
const names = boundedCache<string>()
const directions = boundedCache<'ltr' | 'rtl'>()

// Made by the bundle from the same ICU (scripts/bundle.mjs): the name of every two- and three-letter
// code that has one. A project whose tags are all plain codes makes no Intl service for its menus.
declare const __INTERLINEAR_LANGUAGE_NAMES__: string | undefined
const bundledName = bundledCodeTable(typeof __INTERLINEAR_LANGUAGE_NAMES__ === 'string' ? __INTERLINEAR_LANGUAGE_NAMES__ : undefined, (data) => {
  const table = data as Record<string, string>
  return (code) => (Object.hasOwn(table, code) ? table[code]! : code)
})

/**
 * The name of `tag` in that language itself (`español`, `فارسی`), from Intl.DisplayNames. Where ICU has
 * no data for the language, its English name (`Abkhazian`), never one in the machine's own locale, so
 * that every machine builds the same pages; the code where it has no name at all (`qaa`).
 */
export function nativeName(tag: string): string {
  return names(tag, () => bundledName(tag) ?? displayName(tag))
}

/** What `nativeName` asks ICU (and the bundle, for its table). */
function displayName(tag: string): string {
  try {
    return new Intl.DisplayNames([tag, 'en'], {type: 'language', fallback: 'code'}).of(tag) ?? tag
  } catch {
    return tag
  }
}

// Scripts written right to left, for runtimes without Intl.Locale#textInfo.
const rtlScripts = new Set(['Adlm', 'Arab', 'Hebr', 'Mand', 'Mend', 'Nkoo', 'Rohg', 'Samr', 'Syrc', 'Thaa', 'Yezi'])

// Made by the bundle likewise: the two- and three-letter codes written right to left.
declare const __INTERLINEAR_RTL_CODES__: string | undefined
const bundledDirection = bundledCodeTable(typeof __INTERLINEAR_RTL_CODES__ === 'string' ? __INTERLINEAR_RTL_CODES__ : undefined, (data) => {
  const codes = new Set(data as string[])
  return (code): 'ltr' | 'rtl' => (codes.has(code) ? 'rtl' : 'ltr')
})

/** Writing direction of `tag`: `rtl` for Arabic, Persian, Hebrew and other right-to-left scripts. */
export function direction(tag: string): 'ltr' | 'rtl' {
  return directions(tag, () => bundledDirection(tag) ?? computeDirection(tag))
}

function computeDirection(tag: string): 'ltr' | 'rtl' {
  try {
    const locale = new Intl.Locale(tag) as Intl.Locale & {textInfo?: {direction?: string}}
    const info = locale.textInfo?.direction
    if (info === 'rtl' || info === 'ltr') return info
    return rtlScripts.has(locale.maximize().script ?? '') ? 'rtl' : 'ltr'
  } catch {
    return 'ltr'
  }
}
