/**
 * Facts about a language tag that pages need: its name in its own language and its writing direction.
 */

// Intl objects are costly to create and pages ask for the same tags again and again.
const names = new Map<string, string>()
const directions = new Map<string, 'ltr' | 'rtl'>()

// Made by the bundle from the same ICU (scripts/bundle.mjs): the name of every two- and three-letter
// code that has one, as JSON. Making the first Intl service of a process costs about 10 ms; a project
// whose tags are all plain codes makes none for its menus. From source (tests) there is none.
declare const __INTERLINEAR_LANGUAGE_NAMES__: string | undefined
let plainNames: Record<string, string> | undefined

/**
 * The name of `tag` in that language itself (`español`, `فارسی`), from Intl.DisplayNames. Where ICU has
 * no data for the language, its English name (`Abkhazian`), never one in the machine's own locale, so
 * that every machine builds the same pages; the code where it has no name at all (`qaa`).
 */
export function nativeName(tag: string): string {
  let name = names.get(tag)
  if (name === undefined) {
    if (typeof __INTERLINEAR_LANGUAGE_NAMES__ === 'string' && /^[a-z]{2,3}$/.test(tag)) {
      plainNames ??= JSON.parse(__INTERLINEAR_LANGUAGE_NAMES__) as Record<string, string>
      name = Object.hasOwn(plainNames, tag) ? plainNames[tag]! : tag
    } else {
      name = displayName(tag)
    }
    names.set(tag, name)
  }
  return name
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

// Made by the bundle likewise: the two- and three-letter codes written right to left, as JSON.
declare const __INTERLINEAR_RTL_CODES__: string | undefined
let rtlCodes: Set<string> | undefined

/** Writing direction of `tag`: `rtl` for Arabic, Persian, Hebrew and other right-to-left scripts. */
export function direction(tag: string): 'ltr' | 'rtl' {
  let value = directions.get(tag)
  if (value === undefined) {
    if (typeof __INTERLINEAR_RTL_CODES__ === 'string' && /^[a-z]{2,3}$/.test(tag)) {
      rtlCodes ??= new Set(JSON.parse(__INTERLINEAR_RTL_CODES__) as string[])
      value = rtlCodes.has(tag) ? 'rtl' : 'ltr'
    } else {
      value = computeDirection(tag)
    }
    directions.set(tag, value)
  }
  return value
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
