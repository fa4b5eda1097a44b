import { describe, expect, it } from 'vitest'

import { archiveName, archiveProblem, backupPlan, restoreRefusal } from './backup'

describe('archiveName', () => {
  it.each([
    ['2026-12-01T05:52:28.123Z', '20261201T055228Z.tar.gz'],
    ['2027-01-09T23:05:00.000Z', '20270109T230500Z.tar.gz'],
  ])('%s → %s', (at, name) => expect(archiveName(new Date(at))).toBe(name))
})

describe('backupPlan', () => {
  it.each([
    [
      false,
      ['site.db', 'site.db-wal', 'media', 'lead-files', '.secret', 'search', 'share-images', 'backups', 'worker.heartbeat'],
      'sqlite',
      ['media', 'lead-files', '.secret'],
    ],
    [false, ['site.db', 'media', 'mail-journal'], 'sqlite', ['media', 'mail-journal']],
    [true, ['media', 'lead-files', '.secret', 'search'], 'mongodump', ['media', 'lead-files', '.secret']],
    [true, [], 'mongodump', []],
  ] as const)('mongo %s with %j → %s %j', (mongo, present, database, entries) => {
    expect(backupPlan({ mongo, present })).toEqual({ database, entries })
  })
})

describe('archiveProblem', () => {
  it.each([
    [['site.db', 'media/', 'media/a.png', '.secret', 'lead-files/', 'lead-files/x/brief.pdf'], null],
    [['./site.db', './media/'], null],
    [['.secret'], null],
  ])('accepts %j', (listing, problem) => expect(archiveProblem(listing)).toBe(problem))

  it.each([
    [[], 'The archive is empty: it is not a backup written by npm run backup.'],
    [
      ['site.db', '/etc/passwd'],
      'The archive holds 1 entries a backup never writes (only site.db, media, lead-files, .secret, mail-journal): ' +
        'it was not written by npm run backup, so nothing was restored.',
    ],
    [
      ['media/../../x', 'node_modules/a'],
      'The archive holds 2 entries a backup never writes (only site.db, media, lead-files, .secret, mail-journal): ' +
        'it was not written by npm run backup, so nothing was restored.',
    ],
  ])('refuses %j', (listing, problem) => expect(archiveProblem(listing)).toBe(problem))
})

describe('restoreRefusal', () => {
  it('lets a restore fill an empty or missing folder', () => expect(restoreRefusal('/srv/data', [])).toBeNull())
  it.each([
    [
      ['site.db'],
      'DATA_DIR (/srv/data) is not empty: it holds 1 entry. A restore only fills an empty folder, ' +
        'so that nothing live is overwritten: stop the product, point DATA_DIR at a new empty folder (or move this one aside) and ' +
        'run the restore again.',
    ],
    [
      ['media', '.secret'],
      'DATA_DIR (/srv/data) is not empty: it holds 2 entries. A restore only fills an empty folder, ' +
        'so that nothing live is overwritten: stop the product, point DATA_DIR at a new empty folder (or move this one aside) and ' +
        'run the restore again.',
    ],
  ])('refuses a folder holding %j', (present, message) => expect(restoreRefusal('/srv/data', present)).toBe(message))
})
