import { describe, expect, it } from 'vitest'

import type { ConsentEntry } from './consent-log'
import { importEntries, MAX_IMPORT_ROWS, readImportRows } from './subscriber-import'

const known = new Set(['newsletter', 'events'])
const now = new Date('2026-03-03T10:00:00.000Z')

describe('readImportRows', () => {
  it('reads email, name, language and topics in any column order, the newsletter when topics are empty', () => {
    expect(
      readImportRows('Topics,Email,Name,Language\r\nevents|newsletter, Li@Example.com ,"Li, Lei",zh-CN\r\n,ann@example.com,,\r\n', known),
    ).toEqual({
      rows: [
        { line: 2, email: 'li@example.com', name: 'Li, Lei', language: 'zh-CN', topics: ['events', 'newsletter'] },
        { line: 3, email: 'ann@example.com', name: null, language: null, topics: ['newsletter'] },
      ],
      problems: [],
    })
  })

  it('names each refused line with its column and reason, and skips blank lines', () => {
    const read = readImportRows(
      'email,language,topics\r\nnot-an-address,,\r\n,,\r\nli@example.com,de,\r\nann@example.com,,Events\r\nbo@example.com,,offers\r\n',
      known,
    )
    expect(read).toEqual({
      rows: [],
      problems: [
        { line: 2, field: 'email', message: 'Not an email address.' },
        { line: 4, field: 'language', message: 'Use zh-CN or en, or leave it empty.' },
        { line: 5, field: 'topics', message: '"Events" is not a topic slug (lower-case letters, digits and hyphens).' },
        { line: 6, field: 'topics', message: 'There is no topic "offers"; add it under Topics first.' },
      ],
    })
  })

  it('refuses a file without an email column, or with more lines than one import takes', () => {
    expect(readImportRows('name\r\nLi\r\n', known)).toEqual({ refused: 'The first line must name the columns, with one called "email".' })
    expect(readImportRows(`email\r\n${'a@b.co\r\n'.repeat(MAX_IMPORT_ROWS + 1)}`, known)).toEqual({
      refused: `The file has ${MAX_IMPORT_ROWS + 1} lines; one import takes at most ${MAX_IMPORT_ROWS}.`,
    })
  })
})

describe('importEntries', () => {
  const entry = (topic: string, subscribed: boolean, at: string): ConsentEntry => ({ topic, subscribed, at, source: 'account-page' })

  it('subscribes to new topics with the import as source and the note, and leaves subscribed topics alone', () => {
    expect(
      importEntries([entry('events', true, '2026-01-01T00:00:00.000Z')], ['newsletter', 'events'], { now, note: 'Expo sheet' }),
    ).toEqual({
      entries: [{ topic: 'newsletter', subscribed: true, source: 'import', at: now.toISOString(), note: 'Expo sheet' }],
      kept: [],
    })
  })

  it('never overrides a person’s own unsubscribe', () => {
    const log = [entry('newsletter', true, '2026-01-01T00:00:00.000Z'), entry('newsletter', false, '2026-02-01T00:00:00.000Z')]
    expect(importEntries(log, ['newsletter'], { now, note: 'Old tool' })).toEqual({ entries: [], kept: ['newsletter'] })
  })
})
