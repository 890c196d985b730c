import fc from 'fast-check'
import i18next from 'i18next'
import {describe, expect, it} from 'vitest'
import {createResolver} from '../scripts/merge/create-resolver.js'

describe('segment resolver', () => {
  const tag = fc.constantFrom('en', 'es', 'es-PE', 'es-419', 'pt', 'pt-BR', 'gl', 'zh-Hans', 'zh-Hant-TW', 'qps-ploc', 'sr-Latn')
  const text = fc.constantFrom('', 'uno', 'dos', '{{x}}', '$t(a)', 'a:b', 'a.b')
  const ids = ['a', 'b', 'c', 'a.b', 'x:y']
  const resources = fc.dictionary(tag, fc.record(Object.fromEntries(ids.map((id) => [id, text])) as Record<string, fc.Arbitrary<string>>, {requiredKeys: []}))
  const fallbacks = fc.dictionary(tag, fc.array(tag, {maxLength: 2}), {maxKeys: 3})

  it('finds what i18next `t` finds, in the same language, through the same chain (property)', () => {
    fc.assert(
      fc.property(resources, fallbacks, tag, (given, extra, language) => {
        const source = Object.fromEntries(ids.map((id) => [id, `source ${id}`]))
        const all = {...given, en: source}
        const resolver = createResolver('doc', all, {sourceLanguage: 'en', fallbacks: extra})
        // The reference: a plain i18next instance set up the same way, asked with `t`.
        const canonical = (value: string) => Intl.getCanonicalLocales(value)[0]!
        const instance = i18next.createInstance()
        const fallbackLng: Record<string, string[]> = {default: ['en']}
        for (const [key, list] of Object.entries(extra)) fallbackLng[key] = [...list, 'en']
        void instance.init({
          resources: Object.fromEntries(Object.entries(all).map(([key, entries]) => [canonical(key), {doc: entries}])),
          ns: ['doc'], defaultNS: 'doc', fallbackLng, keySeparator: false, nsSeparator: false, returnEmptyString: false, returnNull: false, initAsync: false
        })
        for (const id of ids) {
          const details = instance.t(id, {lng: canonical(language), skipInterpolation: true, returnDetails: true})
          const found = resolver.resolve(id, language)
          expect(found.text).toBe(details.res)
          expect(canonical(found.language)).toBe(details.usedLng)
        }
      }),
      {numRuns: 300}
    )
  })
})
