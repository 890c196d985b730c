// Made by scripts/bundle.mjs: the two- and three-letter codes that are not canonical, with their
// canonical forms. From source (tests), every tag is asked of ICU.
declare const __INTERLINEAR_LANGUAGE_ALIASES__: string | undefined
let aliases: Record<string, string> | undefined

/**
 * `tag` in canonical BCP 47 form, as `Intl.getCanonicalLocales` gives it (and throwing as it does for
 * a tag that is not one). A plain language code is looked up in a table the bundle made with the same
 * ICU, not asked of ICU: 12 µs a call, several calls per language and document.
 */
export function canonicalLanguageTag(tag: string): string | undefined {
  if (typeof __INTERLINEAR_LANGUAGE_ALIASES__ !== 'string' || !/^[a-z]{2,3}$/.test(tag)) return Intl.getCanonicalLocales(tag)[0]
  aliases ??= JSON.parse(__INTERLINEAR_LANGUAGE_ALIASES__) as Record<string, string>
  return Object.hasOwn(aliases, tag) ? aliases[tag] : tag
}
