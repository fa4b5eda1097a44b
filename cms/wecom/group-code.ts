import type { Payload } from 'payload'

import { mediaUrl } from '../../functions/content/links'
import { requireSqliteClient } from '../database'

/**
 * The group code a campaign link shows now: the first of its WeChat group QR images not marked
 * full, with that group's scan counted (`count: false` for a bot). Null when the link does not
 * exist, is archived, or every group is full.
 */
export async function currentGroupCode(
  payload: Payload,
  code: string,
  { count }: { count: boolean },
): Promise<{ label: string | null; image: string } | null> {
  const link = (
    await payload.find({ collection: 'campaign-links', where: { code: { equals: code } }, limit: 1, depth: 1, overrideAccess: true })
  ).docs[0]
  if (!link || link.status !== 'active') return null
  const group = (link.groupCodes ?? []).find((g) => !g.full && typeof g.image === 'object' && g.image?.filename)
  if (!group || typeof group.image !== 'object' || !group.image) return null
  if (count && group.id) await countScan(payload, link.id, group.id)
  return { label: group.label ?? null, image: mediaUrl(group.image.filename)! }
}

/** One more scan of a group: in one SQL statement on SQLite (two processes never lose one); elsewhere read and written back. */
async function countScan(payload: Payload, link: number | string, group: string): Promise<void> {
  if (payload.db.packageName === '@payloadcms/db-sqlite') {
    const client = requireSqliteClient(payload)
    await client.execute({
      sql: 'UPDATE campaign_links_group_codes SET scans = COALESCE(scans, 0) + 1 WHERE id = ? AND _parent_id = ?',
      args: [group, link],
    })
    return
  }
  const doc = await payload.findByID({ collection: 'campaign-links', id: link, depth: 0, overrideAccess: true })
  const groupCodes = (doc.groupCodes ?? []).map((g) => (g.id === group ? { ...g, scans: (g.scans ?? 0) + 1 } : g))
  // Not atomic (two scans at once may count one) and it drops the sites' page caches like any edit: MongoDB's price until a $inc store
  // exists.
  await payload.update({ collection: 'campaign-links', id: link, data: { groupCodes }, overrideAccess: true })
}
