import type { Payload, Where } from 'payload'

import { hashAddress } from '../../functions/broadcasts/recipients'
import type { Id } from '../../functions/nurture/activity'
import type { LeadState, NurtureStore } from '../../functions/nurture/runner'
import type { Enrolment } from '../../functions/nurture/sequences'
import { relation } from '../broadcasts/relation'
import type { SequenceEnrolment } from '../payload-types'
import { readRules, readSequences, readThreshold } from './definitions'
import { activityOf, idOf, localApiInsertActivity } from './local-api-activity'

const base = { depth: 0, overrideAccess: true } as const
const rel = (id: Id) => relation(String(id))

function enrolmentOf(d: SequenceEnrolment): Enrolment {
  return {
    id: d.id,
    sequence: idOf(d.sequence)!,
    lead: idOf(d.lead)!,
    status: d.status as Enrolment['status'],
    lastStep: d.lastStep ?? null,
    lastStepAt: d.lastStepAt ?? null,
    sentSteps: Array.isArray(d.sentSteps) ? d.sentSteps.map(String) : [],
    enrolledAt: String(d.enrolledAt),
    nextDueAt: d.nextDueAt ?? null,
    locale: d.locale ?? null,
  }
}

/**
 * The nurture runner's store through the Local API: the same decisions as on SQLite, one write a
 * row. Only the jobs worker writes these rows, one batch at a time, so no two writers race.
 */
export function localApiNurtureStore(payload: Payload): NurtureStore {
  const all = { limit: 0, pagination: false, ...base } as const
  return {
    pendingActivity: async (limit) =>
      (
        await payload.find({
          collection: 'lead-activity',
          where: { processedAt: { exists: false }, lead: { exists: true } },
          sort: 'id',
          limit,
          ...base,
        })
      ).docs.map((d) => activityOf(d)),
    rules: () => readRules(payload),
    threshold: () => readThreshold(payload),
    sequences: () => readSequences(payload),
    async leads(ids) {
      if (!ids.length) return []
      const { docs } = await payload.find({ collection: 'leads', where: { id: { in: ids.map(rel) } }, ...all, joins: false })
      const hashes = docs.filter((d) => d.email).map((d) => hashAddress(d.email!))
      const suppressed = new Set(
        hashes.length
          ? (await payload.find({ collection: 'suppressions', where: { addressHash: { in: hashes } }, ...all })).docs.map(
              (d) => d.addressHash,
            )
          : [],
      )
      return docs.map((d): LeadState => ({
        id: d.id,
        score: Number(d.score ?? 0),
        status: d.status,
        qualifiedAt: d.qualifiedAt ?? null,
        unsubscribed: Boolean(d.email && suppressed.has(hashAddress(d.email))),
        erased: Boolean(d.anonymisedAt),
      }))
    },
    async viewTimes(leads, since) {
      const map = new Map<string, number[]>()
      const { docs } = await payload.find({
        collection: 'lead-activity',
        where: { kind: { equals: 'page-view' }, at: { greater_than_equal: since }, lead: { in: leads.map(rel) } },
        ...all,
        select: { lead: true, at: true },
      })
      for (const d of docs) map.set(String(idOf(d.lead)), [...(map.get(String(idOf(d.lead))) ?? []), Date.parse(d.at)])
      return map
    },
    async lastFired(leads, rules) {
      const map = new Map<string, number>()
      const { docs } = await payload.find({
        collection: 'score-changes',
        where: { points: { greater_than: 0 }, lead: { in: leads.map(rel) }, rule: { in: rules.map(rel) } },
        ...all,
        select: { lead: true, rule: true, at: true },
      })
      for (const d of docs) {
        const key = `${idOf(d.lead)}/${idOf(d.rule)}`
        map.set(key, Math.max(map.get(key) ?? 0, Date.parse(d.at)))
      }
      return map
    },
    enrolmentsOf: async (leads) =>
      (await payload.find({ collection: 'sequence-enrolments', where: { lead: { in: leads.map(rel) } }, ...all })).docs.map((d) =>
        enrolmentOf(d),
      ),
    async commit(batch) {
      const now = new Date().toISOString()
      for (const c of batch.changes)
        await payload.create({
          collection: 'score-changes',
          data: {
            lead: rel(c.lead),
            rule: c.rule === null ? null : rel(c.rule),
            points: c.points,
            reason: c.reason,
            activity: c.activity === null ? null : Number(c.activity),
            at: c.at,
            expiresAt: c.expiresAt,
          },
          ...base,
          select: {},
        })
      for (const l of batch.leads) {
        const lead = await payload.findByID({ collection: 'leads', id: rel(l.lead), ...base, joins: false })
        const data: Record<string, unknown> = { score: Number(lead.score ?? 0) + l.scoreDelta }
        if (l.lastActivityAt && (!lead.lastActivityAt || lead.lastActivityAt < l.lastActivityAt)) data.lastActivityAt = l.lastActivityAt
        if (l.crossedAt && !lead.qualifiedAt) data.qualifiedAt = l.crossedAt
        if (l.qualify) data.status = 'qualified'
        await payload.update({ collection: 'leads', id: lead.id, data, ...base, select: {}, context: { nurture: true } })
        if (l.crossedAt) await payload.jobs.queue({ task: 'notifyQualified', input: { leadId: String(l.lead) } })
      }
      await localApiInsertActivity(payload, batch.activities)
      for (const e of batch.enrolments)
        await payload.create({
          collection: 'sequence-enrolments',
          data: { ...e, sequence: rel(e.sequence), lead: rel(e.lead) },
          ...base,
          select: {},
        })
      if (batch.processed.length)
        await payload.update({
          collection: 'lead-activity',
          where: { id: { in: batch.processed.map(rel) } },
          data: { processedAt: now },
          ...base,
          select: {},
        })
    },
    expiredChanges: async (now, limit) =>
      (
        await payload.find({
          collection: 'score-changes',
          where: { expired: { not_equals: true }, expiresAt: { less_than_equal: now.toISOString() } },
          sort: 'expiresAt',
          limit,
          ...base,
        })
      ).docs.map((d) => ({
        id: d.id,
        lead: idOf(d.lead)!,
        rule: idOf(d.rule),
        points: d.points,
        reason: d.reason,
        activity: d.activity ?? null,
        at: d.at,
        expiresAt: d.expiresAt ?? null,
      })),
    async commitDecay(reversals, expired) {
      await payload.update({
        collection: 'score-changes',
        where: { id: { in: expired.map(rel) } },
        data: { expired: true },
        ...base,
        select: {},
      })
      for (const c of reversals) {
        await payload.create({
          collection: 'score-changes',
          data: { lead: rel(c.lead), rule: c.rule === null ? null : rel(c.rule), points: c.points, reason: c.reason, at: c.at },
          ...base,
          select: {},
        })
        const lead = await payload.findByID({ collection: 'leads', id: rel(c.lead), ...base, joins: false })
        await payload.update({
          collection: 'leads',
          id: lead.id,
          data: { score: Number(lead.score ?? 0) + c.points },
          ...base,
          select: {},
          context: { nurture: true },
        })
      }
    },
    dueEnrolments: async (now, limit) => {
      const where: Where = { status: { equals: 'active' }, sending: { exists: false }, nextDueAt: { less_than_equal: now.toISOString() } }
      return (await payload.find({ collection: 'sequence-enrolments', where, sort: 'nextDueAt', limit, ...base })).docs.map((d) =>
        enrolmentOf(d),
      )
    },
    async queueSteps(steps) {
      // Queued first, marked second: a stop between the two queues the step again, and the job
      // finds it sent (or its email's idempotency key does).
      for (const s of steps) {
        await payload.jobs.queue({
          task: 'sendSequenceStep',
          input: { enrolment: String(s.enrolment), step: s.step, dueAt: s.dueAt },
        })
        await payload.update({ collection: 'sequence-enrolments', id: rel(s.enrolment), data: { sending: s.step }, ...base, select: {} })
      }
    },
    async reschedule(moves) {
      for (const m of moves)
        await payload.update({
          collection: 'sequence-enrolments',
          id: rel(m.enrolment),
          data: { nextDueAt: m.nextDueAt },
          ...base,
          select: {},
        })
    },
    async endEnrolments(ends) {
      for (const e of ends)
        await payload.update({
          collection: 'sequence-enrolments',
          where: { id: { equals: rel(e.enrolment) }, status: { equals: 'active' } },
          data: { status: e.status, exitReason: e.reason, endedAt: e.at, nextDueAt: null },
          ...base,
          select: {},
        })
    },
  }
}
