import type { Payload } from 'payload'

import type { Segment, SegmentRule } from '../../functions/broadcasts/segment'

type Ref = string | number | { id: string | number } | null | undefined
const idOf = (value: Ref): string =>
  value === null || value === undefined ? '' : typeof value === 'object' ? String(value.id) : String(value)

/** A stored rule row (segments collection) as it is saved. */
export interface SegmentRow {
  kind?: string | null
  topic?: string | null
  tier?: Ref
  locale?: string | null
  touch?: string | null
  channel?: string | null
  campaign?: string | null
  status?: string | null
  owner?: Ref
  form?: Ref
  since?: string | null
  above?: number | null
}

/** The domain's segment from a stored document: relationships become ids, unused fields are dropped. */
export function segmentOf(doc: { match?: string | null; rules?: SegmentRow[] | null }): Segment {
  const rules = (doc.rules ?? []).map((r): SegmentRule => {
    switch (r.kind) {
      case 'topic':
        return { kind: 'topic', topic: r.topic ?? '' }
      case 'tier':
        return { kind: 'tier', tier: idOf(r.tier) }
      case 'locale':
        return { kind: 'locale', locale: r.locale ?? '' }
      case 'touch':
        return { kind: 'touch', touch: r.touch === 'first' ? 'first' : 'last', channel: r.channel ?? null, campaign: r.campaign ?? null }
      case 'leadStatus':
        return { kind: 'leadStatus', status: r.status ?? '' }
      case 'leadOwner':
        return { kind: 'leadOwner', owner: idOf(r.owner) }
      case 'form':
        return { kind: 'form', form: idOf(r.form) }
      case 'since':
        return { kind: 'since', since: r.since ?? '' }
      default:
        return { kind: 'points', above: Number(r.above ?? 0) }
    }
  })
  return { match: doc.match === 'any' ? 'any' : 'all', rules }
}

/**
 * Creates the `newsletter` segment where it is missing. SQLite gets it from its migration; MongoDB
 * runs no migrations, so the CMS makes it at start. Two processes starting at once both try, and
 * the unique slug keeps one: the loser's refusal is expected.
 */
export async function ensureNewsletterSegment(payload: Payload): Promise<void> {
  const { totalDocs } = await payload.count({ collection: 'segments', where: { slug: { equals: 'newsletter' } }, overrideAccess: true })
  if (totalDocs > 0) return
  await payload
    .create({
      collection: 'segments',
      data: { name: 'Newsletter subscribers', slug: 'newsletter', match: 'all', rules: [{ kind: 'topic', topic: 'newsletter' }] },
      overrideAccess: true,
    })
    .catch((error: unknown) => payload.logger.info({ err: error }, 'The newsletter segment was created by another process.'))
}
