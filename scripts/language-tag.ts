// Made by scripts/bundle.mjs: the two- and three-letter codes that are not canonical, with their
// canonical forms. From source (tests), every tag is asked of ICU.
declare const __INTERLINEAR_LANGUAGE_ALIASES__: string | undefined

const plainCode = /^[a-z]{2,3}$/

/**
 * A lookup in a table the bundle made (scripts/bundle.mjs, as JSON) for the plain two- and three-letter
 * codes, with the ICU the CLI runs on: asking ICU costs microseconds a tag, and making its first
 * service milliseconds a process. `undefined` for any other tag, and for every tag from source (no
 * tables): the caller asks ICU then. `make` turns the parsed table into the lookup, on first use.
 */
export function bundledCodeTable<T>(json: string | undefined, make: (data: unknown) => (code: string) => T): (tag: string) => T | undefined {
  let lookup: ((code: string) => T) | undefined
  return (tag) => {
    if (json === undefined || !plainCode.test(tag)) return undefined
    lookup ??= make(JSON.parse(json))
    return lookup(tag)
  }
}

const bundledCanonical = bundledCodeTable(typeof __INTERLINEAR_LANGUAGE_ALIASES__ === 'string' ? __INTERLINEAR_LANGUAGE_ALIASES__ : undefined, (data) => {
  const aliases = data as Record<string, string>
  return (code) => (Object.hasOwn(aliases, code) ? aliases[code]! : code)
})

/**
 * `tag` in canonical BCP 47 form, as `Intl.getCanonicalLocales` gives it (and throwing as it does for
 * a tag that is not one); a plain language code from the bundle's table.
 */
export function canonicalLanguageTag(tag: string): string | undefined {
  return bundledCanonical(tag) ?? Intl.getCanonicalLocales(tag)[0]
}
