/**
 * Facts about a language tag that pages need: its name in its own language and its writing direction.
 */

// Intl objects are costly to create and pages ask for the same tags again and again.
const names = new Map<string, string>()
const directions = new Map<string, 'ltr' | 'rtl'>()

/** The name of `tag` in that language itself (`español`, `فارسی`), from Intl.DisplayNames. */
export function nativeName(tag: string): string {
  let name = names.get(tag)
  if (name === undefined) {
    try {
      name = new Intl.DisplayNames([tag], {type: 'language', fallback: 'code'}).of(tag) ?? tag
    } catch {
      name = tag
    }
    names.set(tag, name)
  }
  return name
}

// Scripts written right to left, for runtimes without Intl.Locale#textInfo.
const rtlScripts = new Set(['Adlm', 'Arab', 'Hebr', 'Mand', 'Mend', 'Nkoo', 'Rohg', 'Samr', 'Syrc', 'Thaa', 'Yezi'])

/** Writing direction of `tag`: `rtl` for Arabic, Persian, Hebrew and other right-to-left scripts. */
export function direction(tag: string): 'ltr' | 'rtl' {
  let value = directions.get(tag)
  if (value === undefined) {
    value = computeDirection(tag)
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
