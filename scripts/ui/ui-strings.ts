import i18next from 'i18next'
import {pseudoLocale, pseudoText} from '../pseudo/pseudo-localize.js'
import de from './locales/de.json' with {type: 'json'}
import en from './locales/en.json' with {type: 'json'}
import es from './locales/es.json' with {type: 'json'}
import fa from './locales/fa.json' with {type: 'json'}
import fr from './locales/fr.json' with {type: 'json'}
import zhHans from './locales/zh-Hans.json' with {type: 'json'}

/** UI strings of generated pages, per language, in the i18next `ui` namespace. */
export const uiLocales: Record<string, Record<string, string>> = {de, en, es, fa, fr, 'zh-Hans': zhHans}

let instance: ReturnType<typeof i18next.createInstance> | undefined

/** A UI string by key, with interpolated values (`count` selects the plural form). */
export type UiStrings = (key: string, values?: Record<string, string | number>) => string

const byLanguage = new Map<string, UiStrings>()

/**
 * The UI string function for `language`, falling back through its more general tags to English.
 * Plural forms follow Intl.PluralRules (`count`); values are not HTML-escaped here because pages
 * escape them once, when a tree is serialized or `html-text` writes them. Results are memoized: every
 * page of every language asks for the same few strings.
 */
export function uiStrings(language: string): UiStrings {
  let strings = byLanguage.get(language)
  if (strings === undefined) {
    // Languages without UI strings of their own get those of the first language in their chain that
    // has some (English at the end): one set of answers per language that has strings, not per page language.
    const instance = i18nextInstance()
    const holder = instance.services.languageUtils.toResolveHierarchy(language).find((code: string) => instance.hasResourceBundle(code, 'ui')) ?? 'en'
    const t = instance.getFixedT(language, 'ui')
    strings = holder === language ? memoized((key, values) => (values === undefined ? t(key) : t(key, values))) : uiStrings(holder)
    byLanguage.set(language, strings)
  }
  return strings
}

function memoized(t: (key: string, values?: Record<string, string | number>) => string): UiStrings {
  const memo = new Map<string, string>()
  const templates = new Map<string, string[]>()
  return (key, values) => {
    // Values other than `count` do not choose the wording: a line number on every row of a review page
    // fills a template made once, with placeholders in place of the values (our strings use no formats),
    // kept split at them: the text between placeholders, then the name of each, in turn.
    if (values !== undefined && !('count' in values)) {
      const names = Object.keys(values)
      const id = `${key}\0${names.join('\0')}`
      let parts = templates.get(id)
      if (parts === undefined) templates.set(id, (parts = t(key, Object.fromEntries(names.map((name) => [name, `${open}${name}${close}`]))).split(placeholders)))
      let text = parts[0]!
      for (let index = 1; index < parts.length; index += 2) text += String(values[parts[index]!]) + parts[index + 1]!
      return text
    }
    const id = values === undefined ? key : `${key}\0${JSON.stringify(values)}`
    let text = memo.get(id)
    if (text === undefined) memo.set(id, (text = t(key, values)))
    return text
  }
}

// Private-use characters around a value's name: never in a UI string.
const open = '\uE000'
const close = '\uE001'
const placeholders = new RegExp(`${open}([^${close}]*)${close}`)

function i18nextInstance(): ReturnType<typeof i18next.createInstance> {
  if (instance === undefined) {
    instance = i18next.createInstance()
    void instance.init({
      resources: {
        ...Object.fromEntries(Object.entries(uiLocales).map(([lang, strings]) => [lang, {ui: strings}])),
        // Keyed as i18next canonicalizes it (`qps-Ploc`).
        [Intl.getCanonicalLocales(pseudoLocale)[0]!]: {ui: Object.fromEntries(Object.entries(en).map(([key, value]) => [key, pseudoText(value)]))}
      },
      ns: ['ui'],
      defaultNS: 'ui',
      fallbackLng: 'en',
      keySeparator: false,
      nsSeparator: false,
      interpolation: {escapeValue: false},
      initAsync: false
    })
  }
  return instance
}
