import {describe, expect, it} from 'vitest'
import {parseSourceDocument} from '../scripts/parse/parse-source-document.js'
import {parseSegmentFile} from '../scripts/segment-file/parse-segment-file.js'
import {stringifySegmentFile} from '../scripts/segment-file/stringify-segment-file.js'
import {updateSegmentFile} from '../scripts/segment-file/update-segment-file.js'
import {computeStatus} from '../scripts/status/compute-status.js'
import type {SegmentFile} from '../scripts/types.js'
import {statementText} from './helpers.js'

const statement = parseSourceDocument(statementText, {id: 'statement', path: 'source/statement.md'}).document!
const context = {document: 'statement', sourcePath: 'source/statement.md'}
const path = 'translations/es/statement.md'

function parse(text: string) {
  return parseSegmentFile(text, {path, language: 'es'})
}

function parsed(text: string): SegmentFile {
  const {segmentFile, file} = parse(text)
  expect(file.messages.map(String)).toEqual([])
  return segmentFile!
}

function errorsOf(text: string) {
  const {segmentFile, file} = parse(text)
  expect(segmentFile).toBeUndefined()
  return file.messages.map((message) => ({line: message.line, column: message.column, rule: message.ruleId, reason: message.reason}))
}

/** A fresh Spanish file for the statement with `translations` filled in, by segment index. */
function spanish(translations: Record<number, string> = {}): string {
  const file = updateSegmentFile(undefined, statement.segments, 'es')
  for (const [index, text] of Object.entries(translations)) file.entries[Number(index)]!.translation = text
  return stringifySegmentFile(file, context)
}

describe('segment file round trip', () => {
  it('reads back what it writes: IDs, quotes and translations', () => {
    const text = spanish({2: 'La siguiente declaración fue enviada a *A World to Win*.', 10: 'Escriban a:\\\nBCM RIM, London WC1N 3XX,\\\nU.K. □'})
    const file = parsed(text)
    expect(file.entries.map((entry) => entry.id)).toEqual(statement.segments.map((segment) => segment.id))
    expect(file.entries.map((entry) => entry.source)).toEqual(statement.segments.map((segment) => segment.text))
    expect(file.entries[2]!.translation).toBe('La siguiente declaración fue enviada a *A World to Win*.')
    expect(file.entries[10]!.translation).toBe('Escriban a:\\\nBCM RIM, London WC1N 3XX,\\\nU.K. □')
    expect(stringifySegmentFile(file, context)).toBe(text)
  })

  it('reads as a bilingual document: each source is a quote followed by its translation', () => {
    const text = spanish({3: 'Traducción.'})
    expect(text).toContain(`<!-- segment ${statement.segments[3]!.id} -->\n> The March 1984`)
    expect(text).toMatch(/revolutionary forces\.\n\nTraducción\.\n\n<!-- segment/)
  })

  it('keeps a hard-wrapped translation exactly as written', () => {
    const text = spanish().replace('> Support the Revolution in Peru!\n', '> Support the Revolution in Peru!\n\n¡Apoyar la\nrevolución en el Perú!\n')
    expect(parsed(text).entries[9]!.translation).toBe('¡Apoyar la\nrevolución en el Perú!')
  })

  it('does not change any state when an editor strips trailing spaces, adds a BOM-less final newline or uses CRLF', () => {
    const text = spanish({10: 'Escriban a:\\\nBCM RIM, London WC1N 3XX,\\\nU.K. □'})
    const states = (input: string) => computeStatus(statement.segments, parsed(input)).map((status) => status.state)
    const expected = states(text)
    expect(states(text.replace(/[ \t]+$/gm, '') + '\n\n')).toEqual(expected)
    expect(states(text.replace(/\n/g, '\r\n').replace(/\r\n/g, '\n'))).toEqual(expected)
  })
})

describe('segment file errors', () => {
  it('refuses JavaScript front matter without evaluating it', () => {
    const text = spanish().replace(/^---\n/, '---javascript\n')
    expect(errorsOf(text)[0]).toMatchObject({line: 1, column: 1, rule: 'front-matter-syntax'})
  })

  it('names a language that differs from the folder', () => {
    expect(errorsOf(spanish().replace('language: es', 'language: fr'))[0]).toMatchObject({line: 2, rule: 'language-tag'})
  })

  it('rejects a bad status value', () => {
    expect(errorsOf(spanish().replace('status: draft', 'status: done'))[0]).toMatchObject({line: 4, rule: 'front-matter-field'})
  })

  it('reports a duplicate ID at its second occurrence', () => {
    const id = statement.segments[2]!.id
    const text = spanish().replace(`<!-- segment ${statement.segments[3]!.id} -->`, `<!-- segment ${id} -->`)
    const [error] = errorsOf(text)
    expect(error).toMatchObject({rule: 'duplicate-id'})
    expect(text.split('\n')[error!.line! - 1]).toBe(`<!-- segment ${id} -->`)
  })

  it('reports a quote with no ID', () => {
    const text = spanish().replace(`<!-- segment ${statement.segments[0]!.id} -->\n`, '')
    expect(errorsOf(text)[0]).toMatchObject({rule: 'segment-file-syntax', reason: expect.stringMatching(/no segment ID/)})
  })

  it('reports two paragraphs in one translation', () => {
    const text = spanish({9: '¡Apoyar la revolución!\n\nY otra frase.'})
    const [error] = errorsOf(text)
    expect(error).toMatchObject({reason: expect.stringMatching(/more than one paragraph/)})
    expect(text.split('\n')[error!.line! - 1]).toBe('Y otra frase.')
  })

  it('explains a translation typed directly under the quote (lazy continuation)', () => {
    const text = spanish().replace('> Support the Revolution in Peru!\n', '> Support the Revolution in Peru!\n¡Apoyar la revolución en el Perú!\n')
    const [error] = errorsOf(text)
    expect(error!.reason).toMatch(/leave a blank line between the quoted source and your translation/)
    expect(text.split('\n')[error!.line! - 1]).toBe('¡Apoyar la revolución en el Perú!')
  })

  it.each([
    ['1984. Fue un año.', /list.*1984\\\./],
    ['- Un guion', /list/],
    ['# Título', /heading.*\\#/],
    ['> Una cita', /block quote.*\\>/],
    ['    sangría', /code block/],
    ['<script>alert(1)</script>', /HTML/]
  ])('explains block syntax where only inline text may be: %s', (translation, reason) => {
    const text = spanish().replace('> Support the Revolution in Peru!\n', `> Support the Revolution in Peru!\n\n${translation}\n`)
    const [error] = errorsOf(text)
    expect(error!.reason).toMatch(reason)
    expect(error!.line).toBe(text.split('\n').indexOf(translation) + 1)
  })

  it('reports a malformed ID line', () => {
    const text = spanish().replace(`<!-- segment ${statement.segments[4]!.id} -->`, '<!-- segment XYZ -->')
    expect(errorsOf(text)[0]).toMatchObject({reason: expect.stringMatching(/Malformed segment ID/)})
  })
})
