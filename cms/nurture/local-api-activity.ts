import type { Payload } from 'payload'

import type { Activity, Id, NewActivity } from '../../functions/nurture/activity'
import { relation } from '../broadcasts/relation'
import type { LeadActivity } from '../payload-types'

// Activity rows (page views, submissions, downloads, clicks) through the Local API, for MongoDB and
// any other database Payload supports: the rows as the runner reads them, and their writes.
const base = { depth: 0, overrideAccess: true } as const
const rel = (id: Id) => relation(String(id))
export const idOf = (ref: unknown) => (ref && typeof ref === 'object' ? (ref as { id: Id }).id : (ref as Id | null))

export function activityOf(d: LeadActivity): Activity {
  return {
    id: d.id,
    lead: idOf(d.lead) ?? null,
    visitor: d.visitor ?? null,
    kind: d.kind,
    at: String(d.at),
    path: d.path ?? null,
    categories: Array.isArray(d.categories) ? (d.categories as string[]) : [],
    form: d.form ?? null,
    ref: d.ref ?? null,
    locale: d.locale ?? null,
  }
}

/** The lead a browser belongs to, by its touches or its earlier activity. */
async function leadOfVisitor(payload: Payload, visitor: string): Promise<Id | null> {
  for (const collection of ['touches', 'lead-activity'] as const) {
    const { docs } = await payload.find({
      collection,
      where: { visitor: { equals: visitor }, lead: { exists: true } },
      sort: '-id',
      limit: 1,
      ...base,
      select: { lead: true },
    })
    const lead = idOf(docs[0]?.lead)
    if (lead) return lead
  }
  return null
}

/** Writes activity rows through the Local API (MongoDB and any other database Payload supports). */
export async function localApiInsertActivity(payload: Payload, rows: NewActivity[]): Promise<void> {
  const leads = new Map<string, Id | null>()
  for (const row of rows) {
    let lead = row.lead ?? null
    if (lead === null && row.visitor) {
      if (!leads.has(row.visitor)) leads.set(row.visitor, await leadOfVisitor(payload, row.visitor))
      lead = leads.get(row.visitor) ?? null
    }
    await payload.create({
      collection: 'lead-activity',
      data: { ...row, lead: lead === null ? null : rel(lead) },
      ...base,
      select: {},
    })
  }
}

/** The browser's activity that belongs to nobody yet becomes this lead's. */
export async function localApiLinkVisitor(payload: Payload, visitor: string, lead: Id): Promise<void> {
  await payload.update({
    collection: 'lead-activity',
    where: { visitor: { equals: visitor }, lead: { exists: false } },
    data: { lead: rel(lead) },
    ...base,
    select: {},
  })
}
