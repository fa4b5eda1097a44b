import type { Payload } from 'payload'

import { selectRecipients } from '../../functions/broadcasts/recipients'
import { segmentTopic } from '../../functions/broadcasts/segment'
import type { BroadcastStatus, BroadcastStore } from '../../functions/broadcasts/send'
import { newContentStamp } from '../../functions/content/content-stamp'
import { loadPeople } from './people'
import { relation } from './relation'
import { segmentOf, type SegmentRow } from './segments'

const base = { depth: 0, overrideAccess: true } as const

/**
 * The broadcast sender's storage through the Local API (SQLite and MongoDB alike). Delivery rows
 * are unique per (broadcast, recipient); marking a batch sent is one update over its rows.
 */
export function localApiBroadcastStore(payload: Payload): BroadcastStore {
  const ofBroadcast = (id: string) => ({ broadcast: { equals: id } })
  const suppressedHashes = async () =>
    new Set(
      (await payload.find({ collection: 'suppressions', limit: 0, pagination: false, ...base, select: { addressHash: true } })).docs.map(
        (d) => d.addressHash,
      ),
    )
  const recipients: BroadcastStore['recipients'] = async (segment, topic) =>
    selectRecipients(await loadPeople(payload), segment, { topic, suppressed: await suppressedHashes() })
  return {
    async loadBroadcast(id) {
      const doc = await payload.findByID({ collection: 'broadcasts', id, depth: 1, overrideAccess: true, disableErrors: true })
      if (!doc) return null
      const segmentDoc =
        typeof doc.segment === 'object' && doc.segment
          ? (doc.segment as { match?: string | null; rules?: SegmentRow[] | null })
          : { match: 'all', rules: [] }
      const segment = segmentOf(segmentDoc)
      return {
        id: String(doc.id),
        status: doc.status as BroadcastStatus,
        sendAt: doc.sendAt ?? null,
        plannedAt: doc.plannedAt ?? null,
        segment,
        topic: segmentTopic(segment),
      }
    },
    async setStatus(id, status: BroadcastStatus, at) {
      // Straight to the database: the sender's own fields, without the editor's validation (a subject
      // written in one language only is fine) and without the hook that queues a send.
      await payload.db.updateOne({
        collection: 'broadcasts',
        id,
        data: { status, ...(status === 'sent' ? { sentAt: at.toISOString() } : {}) },
        returning: false,
      })
      // A public broadcast just sent joins the newsletter archive: site processes drop their cached pages.
      if (status === 'sent')
        await payload.updateGlobal({ slug: 'content-version', data: { stamp: newContentStamp() }, overrideAccess: true })
    },
    people: () => loadPeople(payload),
    suppressedHashes,
    recipients,
    async countRecipients(segment, topic) {
      const all = await recipients(segment, topic)
      return { count: all.length, first: all.slice(0, 10) }
    },
    async clearPlan(id) {
      await payload.delete({ collection: 'broadcast-deliveries', where: ofBroadcast(id), ...base })
    },
    async insertDeliveries(id, rows) {
      for (const { recipient: r, batch } of rows) {
        await payload.create({
          collection: 'broadcast-deliveries',
          data: {
            broadcast: relation(id),
            recipient: r.key,
            email: r.email,
            name: r.name,
            locale: r.locale,
            member: r.memberId,
            lead: r.leadId,
            batch,
            status: 'pending',
          },
          ...base,
          select: {},
        })
      }
    },
    async markPlanned(id, recipients, at) {
      await payload.db.updateOne({ collection: 'broadcasts', id, data: { plannedAt: at.toISOString(), recipients }, returning: false })
    },
    async openBatches(id) {
      const { docs } = await payload.find({
        collection: 'broadcast-deliveries',
        where: { ...ofBroadcast(id), status: { equals: 'pending' } },
        limit: 0,
        pagination: false,
        ...base,
        select: { batch: true },
      })
      return [...new Set(docs.map((d) => d.batch))].sort((a, b) => a - b)
    },
    async batchRecipients(id, batch) {
      const { docs } = await payload.find({
        collection: 'broadcast-deliveries',
        where: { ...ofBroadcast(id), batch: { equals: batch } },
        sort: 'recipient',
        limit: 0,
        pagination: false,
        ...base,
      })
      return docs.map((d) => ({
        key: d.recipient,
        email: d.email,
        name: d.name ?? null,
        locale: d.locale ?? null,
        memberId: d.member ?? null,
        leadId: d.lead ?? null,
      }))
    },
    async markSent(id, batch, providerIds, at) {
      const { docs } = await payload.find({
        collection: 'broadcast-deliveries',
        where: { ...ofBroadcast(id), batch: { equals: batch } },
        limit: 0,
        pagination: false,
        ...base,
        select: { recipient: true },
      })
      for (const doc of docs)
        await payload.update({
          collection: 'broadcast-deliveries',
          id: doc.id,
          data: { status: 'sent', providerId: providerIds.get(doc.recipient) ?? null, sentAt: at.toISOString() },
          ...base,
          select: {},
        })
    },
  }
}
