import { stat } from 'node:fs/promises'
import path from 'node:path'

import { mediaDir, payloadSecret } from '../../cms/environment'
import { idOf } from '../../functions/members/records'
import { checkDownloadToken } from '../../functions/offers'
import { cms } from './cms'
import { insertActivityRows } from './stores'

/** What a download link leads to: the file to stream, or why there is none. */
export type DownloadOutcome = { status: 200; file: string; size: number; filename: string } | { status: 404 | 410 }

/**
 * Follows a content offer's link at `now`: a forged or altered token, a document or submission
 * deleted since, is 404; a genuine token past its seven days is 410. A followed link counts as the
 * lead's `download` once per document (a reload or a second click scores nothing more), unless the
 * submission is held as likely spam.
 */
export async function followDownload(token: unknown, now: Date): Promise<DownloadOutcome> {
  const check = checkDownloadToken(token, payloadSecret(), now.getTime())
  if (!check.ok) return { status: check.reason === 'expired' ? 410 : 404 }
  const payload = await cms()
  const asId = (id: string) => (payload.db.defaultIDType === 'number' ? Number(id) : id)
  const media = await payload.findByID({ collection: 'media', id: asId(check.grant.media), depth: 0, disableErrors: true })
  if (!media?.filename || media.mimeType !== 'application/pdf') return { status: 404 }
  const submission = await payload.findByID({ collection: 'submissions', id: asId(check.grant.submission), depth: 0, disableErrors: true })
  if (!submission) return { status: 404 }
  // Payload's own (sanitised) name; basename keeps it inside the folder all the same.
  const file = path.join(mediaDir, path.basename(media.filename))
  const info = await stat(file).catch(() => null)
  if (!info?.isFile()) return { status: 404 }
  const lead = idOf(submission.lead)
  if (lead !== null && !submission.isSpam) {
    const counted = await payload.count({
      collection: 'lead-activity',
      where: { lead: { equals: lead }, kind: { equals: 'download' }, ref: { equals: String(media.id) } },
    })
    if (counted.totalDocs === 0)
      await insertActivityRows([
        {
          lead,
          visitor: submission.visitor ?? null,
          kind: 'download',
          at: now.toISOString(),
          path: null,
          categories: [],
          form: String(idOf(submission.form)),
          ref: String(media.id),
          locale: submission.locale ?? null,
        },
      ]).catch((error: unknown) => console.error('Download not recorded for scoring:', error instanceof Error ? error.message : error))
  }
  return { status: 200, file, size: info.size, filename: media.filename }
}
