import i18next, {type i18n} from 'i18next'
import {canonicalLanguageTag} from '../language-tag.js'

/** Per-language resources of one document: segment ID → inline Markdown. */
export type SegmentResources = Record<string, Record<string, string>>

/** Finds the text of a segment in a language, through its fallback chain. */
export interface SegmentResolver {
  /** The fallback chain of `language`: itself, its more general tags, configured fallbacks, the source language. */
  chain(language: string): string[]
  /** The text of `id` for `language` and the language it was found in. */
  resolve(id: string, language: string): {text: string; language: string}
}

/** Options for `createResolver`. */
export interface ResolverOptions {
  /** Language of the source document: the end of every chain, holding every segment. */
  sourceLanguage: string
  /** Extra fallbacks per language, tried before the source language (i18next `fallbackLng` object). */
  fallbacks?: Record<string, readonly string[]>
}

/**
 * Resolve segments with i18next: resources from the segment files, a fallback chain from the tag
 * (`es-PE` → `es` → source language) plus configured fallbacks. i18next interpolation and nesting are
 * skipped and its separators are off, so `{{x}}`, `$t(x)`, `:` and `.` in document text are just text.
 */
export function createResolver(namespace: string, resources: SegmentResources, options: ResolverOptions): SegmentResolver {
  const instance: i18n = i18next.createInstance()
  // i18next canonicalizes tags (`qps-ploc` → `qps-Ploc`): key resources the same way, report ours back.
  const canonical = (tag: string) => canonicalLanguageTag(tag) ?? tag
  const original = new Map(Object.keys(resources).map((tag) => [canonical(tag), tag]))
  const fallbackLng: Record<string, string[]> = {default: [options.sourceLanguage]}
  for (const [language, list] of Object.entries(options.fallbacks ?? {})) fallbackLng[language] = [...list, options.sourceLanguage]
  const store: Record<string, Record<string, Record<string, string>>> = {}
  for (const [language, entries] of Object.entries(resources)) store[canonical(language)] = {[namespace]: entries}
  void instance.init({
    resources: store,
    ns: [namespace],
    defaultNS: namespace,
    fallbackLng,
    keySeparator: false,
    nsSeparator: false,
    returnEmptyString: false,
    returnNull: false,
    initAsync: false
  })
  const chains = new Map<string, string[]>()
  const chain = (language: string): string[] => {
    const known = chains.get(language)
    if (known !== undefined) return known
    const tags: string[] = instance.services.languageUtils.toResolveHierarchy(canonical(language))
    chains.set(language, tags)
    return tags
  }
  return {
    chain: (language) => chain(language).map((tag) => original.get(tag) ?? tag),
    // What `t` returns (with returnDetails), found along the chain i18next builds, without the cost of a
    // full `t` call for every segment of every page. Empty strings count as missing (returnEmptyString: false).
    // Looked up in the store i18next holds, as its getResource does with the separators off, without its
    // options and paths: a segment of every page of every language goes through here.
    resolve(id, language) {
      for (const tag of chain(language)) {
        const entries = store[tag]?.[namespace]
        const text = entries !== undefined && Object.hasOwn(entries, id) ? entries[id] : undefined
        if (typeof text === 'string' && text !== '') return {text, language: original.get(tag) ?? tag}
      }
      return {text: id, language}
    }
  }
}
