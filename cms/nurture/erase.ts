import type { CollectionAfterChangeHook, Where } from 'payload'

/**
 * When a lead is anonymised (its person erased their account), what they did goes too: page
 * views and other activity (of the lead, and of its browsers before they were linked), score
 * changes, sequence places and emails. The lead row stays, without anything personal, for the
 * funnel's counts.
 */
export const eraseNurtureOfLead: CollectionAfterChangeHook = async ({ doc, data, previousDoc, req }) => {
  // The written data as well as the result: an erasure writes with `select: {}`, which leaves the
  // result without the field.
  if (!(doc.anonymisedAt ?? data?.anonymisedAt) || previousDoc?.anonymisedAt) return doc
  const payload = req.payload
  const base = { overrideAccess: true, depth: 0, req } as const
  const lead = doc.id
  const visitors = new Set<string>()
  for (const collection of ['lead-activity', 'touches'] as const) {
    const { docs } = await payload.find({
      collection,
      where: { lead: { equals: lead }, visitor: { exists: true } },
      limit: 0,
      pagination: false,
      select: { visitor: true },
      ...base,
    })
    for (const d of docs) if (d.visitor && /^v[A-Za-z0-9_-]{22}$/.test(d.visitor)) visitors.add(d.visitor)
  }
  const activity: Where = visitors.size
    ? { or: [{ lead: { equals: lead } }, { visitor: { in: [...visitors] } }] }
    : { lead: { equals: lead } }
  await payload.delete({ collection: 'lead-activity', where: activity, ...base, select: {} })
  await payload.delete({ collection: 'score-changes', where: { lead: { equals: lead } }, ...base, select: {} })
  await payload.delete({ collection: 'sequence-emails', where: { lead: { equals: lead } }, ...base, select: {} })
  await payload.delete({ collection: 'sequence-enrolments', where: { lead: { equals: lead } }, ...base, select: {} })
  return doc
}
