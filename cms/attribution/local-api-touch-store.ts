import type { Payload } from 'payload'

import type { Touch } from '../../functions/attribution/touch'
import type { TouchStore } from '../../functions/attribution/touch-recorder'

type TouchDoc = Touch & { visitor?: string | null }

const touchOf = (doc: TouchDoc | undefined): Touch | null =>
  doc
    ? {
        channel: doc.channel,
        source: doc.source ?? null,
        medium: doc.medium ?? null,
        campaign: doc.campaign ?? null,
        content: doc.content ?? null,
        term: doc.term ?? null,
        referrer: doc.referrer ?? null,
        landingPage: doc.landingPage ?? null,
        campaignLink: doc.campaignLink ?? null,
        referralCode: doc.referralCode ?? null,
        at: new Date(doc.at).toISOString(),
      }
    : null

/**
 * Touches and clicks through Payload's Local API: every database adapter (MongoDB in production).
 * Slower per write than the SQL store; the recorder's batching keeps that off the visitor's request.
 */
export function localApiTouchStore(payload: Payload): TouchStore {
  return {
    insertTouches: async (rows) => {
      for (const { visitor, touch } of rows)
        await payload.create({ collection: 'touches', data: { visitor, ...touch }, depth: 0, select: {} })
    },
    addClicks: async (rows) => {
      for (const row of rows) {
        const existing = (
          await payload.find({
            collection: 'link-clicks',
            where: { link: { equals: row.link }, day: { equals: row.day } },
            limit: 1,
            depth: 0,
          })
        ).docs[0]
        if (existing)
          await payload.update({
            collection: 'link-clicks',
            id: existing.id,
            data: { count: Number(existing.count) + row.count },
            depth: 0,
          })
        else await payload.create({ collection: 'link-clicks', data: row, depth: 0 })
      }
    },
    touchesOf: async (visitor, before) => {
      const where = { visitor: { equals: visitor } }
      const first = (await payload.find({ collection: 'touches', where, sort: 'at', limit: 1, depth: 0 })).docs[0] as TouchDoc | undefined
      const last = (
        await payload.find({
          collection: 'touches',
          where: { ...where, at: { less_than_equal: before.toISOString() } },
          sort: '-at',
          limit: 1,
          depth: 0,
        })
      ).docs[0] as TouchDoc | undefined
      return { first: touchOf(first), last: touchOf(last) }
    },
    linkVisitor: async (visitor, lead) => {
      await payload.update({
        collection: 'touches',
        where: { visitor: { equals: visitor }, lead: { exists: false } },
        // A lead's id is a string on MongoDB; the generated types, made on SQLite, say number.
        data: { lead: lead as number },
        depth: 0,
      })
    },
  }
}
