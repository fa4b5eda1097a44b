/**
 * What a backup holds and how its archive is named, free of any file system: the scripts
 * (`scripts/backup.ts`, `scripts/restore.ts`) do the reading and writing.
 */

/** The database snapshot's name inside an archive (SQLite only; MongoDB is dumped with mongodump). */
export const DATABASE_ENTRY = 'site.db'

/**
 * What is kept from the data folder beside the database: uploaded media, files attached to
 * submissions, the generated secret (without it no session or signed link survives a restore) and
 * the mail journal (so a batch sent before the backup is not sent again after it). The search index
 * and share images are left out: the product rebuilds them.
 */
export const DATA_ENTRIES = ['media', 'lead-files', '.secret', 'mail-journal'] as const

/**
 * The archive's file name: the UTC time in ISO 8601's basic form, without the colons that tar
 * would read as a remote host.
 * @example archiveName(new Date('2026-12-01T05:52:28.123Z')) // '20261201T055228Z.tar.gz'
 */
export function archiveName(at: Date): string {
  return `${at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '')}.tar.gz`
}

/** What one backup will write. */
export interface BackupPlan {
  /** `sqlite`: an online snapshot of site.db goes in; `mongodump`: the database is not in the archive. */
  database: 'sqlite' | 'mongodump'
  /** The data folder's entries to archive, those of DATA_ENTRIES that exist. */
  entries: string[]
}

/**
 * Decides what goes into a backup from the database in use and what the data folder holds.
 * @example backupPlan({ mongo: false, present: ['media', 'site.db', 'search'] }) // { database: 'sqlite', entries: ['media'] }
 */
export function backupPlan({ mongo, present }: { mongo: boolean; present: readonly string[] }): BackupPlan {
  return { database: mongo ? 'mongodump' : 'sqlite', entries: DATA_ENTRIES.filter((entry) => present.includes(entry)) }
}

/**
 * Why an archive's listing may not be restored, or null when every entry is one a backup writes.
 * Guards against an archive that is not ours, or one that would write outside the data folder.
 * @example archiveProblem(['site.db', 'media/', 'media/a.png']) // null
 */
export function archiveProblem(listing: readonly string[]): string | null {
  if (listing.length === 0) return 'The archive is empty: it is not a backup written by npm run backup.'
  const allowed = [DATABASE_ENTRY, ...DATA_ENTRIES]
  const foreign = listing.filter((entry) => {
    const top = entry.replace(/^\.\//, '').split('/')[0]!
    return entry.startsWith('/') || entry.split('/').includes('..') || !allowed.includes(top)
  })
  if (foreign.length > 0)
    return (
      `The archive holds ${foreign.length} entries a backup never writes (only ${allowed.join(', ')}): ` +
      `it was not written by npm run backup, so nothing was restored.`
    )
  return null
}

/**
 * Why a restore into a data folder must not go ahead, or null when the folder is empty or missing.
 * A restore never merges into or overwrites a live data folder.
 * @example restoreRefusal('/var/lib/brand-site', ['site.db']) // 'DATA_DIR (/var/lib/brand-site) is not empty…'
 */
export function restoreRefusal(dataDir: string, present: readonly string[]): string | null {
  if (present.length === 0) return null
  return (
    `DATA_DIR (${dataDir}) is not empty: it holds ${present.length} ${present.length === 1 ? 'entry' : 'entries'}. ` +
    `A restore only fills an empty folder, so that nothing live is overwritten: stop the product, ` +
    `point DATA_DIR at a new empty folder (or move this one aside) and run the restore again.`
  )
}
