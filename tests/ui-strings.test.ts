import i18next from 'i18next'
import {describe, expect, it} from 'vitest'
import {uiLocales, uiStrings} from '../scripts/ui/ui-strings.js'

// i18next itself, without memoizing or sharing answers between languages: the reference.
const reference = i18next.createInstance()
await reference.init({
  resources: Object.fromEntries(Object.entries(uiLocales).map(([language, strings]) => [language, {ui: strings}])),
  ns: ['ui'],
  defaultNS: 'ui',
  fallbackLng: 'en',
  keySeparator: false,
  nsSeparator: false,
  interpolation: {escapeValue: false}
})

describe('uiStrings', () => {
  const keys = [...new Set(Object.keys(uiLocales.en!).map((key) => key.replace(/_(?:zero|one|two|few|many|other)$/, '')))]
  it('answers as i18next does, for languages with strings, regional variants and languages without any', () => {
    for (const language of ['en', 'es', 'es-PE', 'fa', 'zh-Hans', 'zh-Hans-CN', 'de-CH', 'qaa', 'ar', 'pt-BR']) {
      const t = reference.getFixedT(language, 'ui')
      for (const key of keys) {
        for (const values of [undefined, {count: 0}, {count: 1}, {count: 2}, {count: 5, language: 'x', percent: 50}, {line: 7}, {line: 12}, {language: '$& $1 {{line}}', document: 'doc', total: 9, translated: 3, stale: 1, needsReview: 2, missing: 3, shown: 4, percent: 33.3}, {document: 'other', language: 'Deutsch', total: 1}] as (Record<string, string | number> | undefined)[]) {
          expect(uiStrings(language)(key, values), `${language} ${key} ${JSON.stringify(values)}`).toBe(values === undefined ? t(key) : t(key, values))
        }
      }
    }
  })

  it('falls back through the tag to English', () => {
    expect(uiStrings('es-PE')('original')).toBe(uiLocales.es!.original)
    expect(uiStrings('qaa')('original')).toBe(uiLocales.en!.original)
  })
})
