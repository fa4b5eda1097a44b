import type { Endpoint, Payload, PayloadRequest, RequiredDataFromCollectionSlug, Where } from 'payload'

import { hashAddress } from '../../functions/broadcasts/recipients'
import { readWithin } from '../../functions/http/body-limit'
import { toCsv } from '../../functions/lead-intake/csv'
import { NEWSLETTER } from '../../functions/members/consent-log'
import { importEntries, type ImportProblem, readImportRows } from '../../functions/members/subscriber-import'
import { roleOf } from '../access/roles'
import { broadcastStoreFor } from '../broadcasts/sqlite-store'
import { leadStoreFor } from '../intake/lead-store'

/** The largest CSV one import reads: 50,000 lines of address, name, language and topics fit. */
const MAX_IMPORT_BYTES = 5 * 1024 * 1024
/** Addresses looked up per query. */
const CHUNK = 500

const base = { depth: 0, overrideAccess: true } as const
const refuse = (status: number, errors: { field?: string; message: string }[]) => Response.json({ errors }, { status })
const adminsOnly = (req: PayloadRequest) =>
  roleOf(req) === 'admin' ? null : refuse(403, [{ message: 'Only admins import and export subscribers.' }])

/** What an import did: people newly subscribed, people already subscribed, topics left as the person left them, and refused lines. */
export interface ImportOutcome {
  subscribed: number
  unchanged: number
  kept: { line: number; topics: string[] }[]
  skipped: ImportProblem[]
}

async function inChunks<T>(values: string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = []
  for (let i = 0; i < values.length; i += CHUNK) out.push(...(await read(values.slice(i, i + CHUNK))))
  return out
}

/**
 * Imports subscribers: each address's member when it has an account, else its lead (found or made
 * by the lead store, the one way to a lead), gets consent entries with source `import` and the
 * admin's note of where consent was given. Suppressed addresses (bounced, complained, erased) are
 * skipped, and a topic the person left stays left.
 */
export async function importSubscribers(payload: Payload, csv: string, note: string, now = new Date()): Promise<ImportOutcome | string> {
  const topics = await payload.find({ collection: 'topics', ...base, limit: 0, pagination: false, select: { slug: true } })
  const read = readImportRows(csv, new Set([NEWSLETTER, ...topics.docs.map((t) => String(t.slug))]))
  if ('refused' in read) return read.refused
  const emails = read.rows.map((r) => r.email)
  const [members, suppressed] = await Promise.all([
    inChunks(
      emails,
      async (chunk) => (await payload.find({ collection: 'members', where: { email: { in: chunk } }, ...base, limit: 0 })).docs,
    ),
    inChunks(emails.map(hashAddress), async (chunk) =>
      (await payload.find({ collection: 'suppressions', where: { addressHash: { in: chunk } }, ...base, limit: 0 })).docs.map(
        (d) => d.addressHash,
      ),
    ),
  ])
  const memberOf = new Map(members.filter((m) => !m.erasedAt).map((m) => [m.email, m]))
  const suppressedSet = new Set(suppressed)
  const leads = leadStoreFor(payload)
  const outcome: ImportOutcome = { subscribed: 0, unchanged: 0, kept: [], skipped: [...read.problems] }
  for (const row of read.rows) {
    if (suppressedSet.has(hashAddress(row.email))) {
      outcome.skipped.push({
        line: row.line,
        field: 'email',
        message: 'This address bounced, complained or was erased: it is never mailed.',
      })
      continue
    }
    const member = memberOf.get(row.email)
    const who = member
      ? { member: member.id }
      : { lead: (await leads.findOrCreateLead({ email: row.email, phone: null, name: row.name, firstTouch: null, lastTouch: null })).id }
    const where: Where = 'member' in who ? { member: { equals: who.member } } : { lead: { equals: who.lead } }
    const log = (await payload.find({ collection: 'consent-log', where, sort: 'at', ...base, limit: 0, pagination: false })).docs
    const { entries, kept } = importEntries(log, row.topics, { now, note })
    for (const entry of entries)
      // A lead's id is a string on MongoDB; the generated types, made on SQLite, say number.
      await payload.create({
        collection: 'consent-log',
        data: { ...who, ...entry } as RequiredDataFromCollectionSlug<'consent-log'>,
        ...base,
        select: {},
      })
    if (kept.length) outcome.kept.push({ line: row.line, topics: kept })
    if (entries.length) outcome.subscribed++
    else if (!kept.length) outcome.unchanged++
  }
  return outcome
}

/** POST /api/members/import?note=…: a CSV body (admins only); the answer says what each line did. */
export const importSubscribersEndpoint: Endpoint = {
  path: '/import',
  method: 'post',
  handler: async (req) => {
    const denied = adminsOnly(req)
    if (denied) return denied
    const note = String((req.query as { note?: unknown })?.note ?? '').trim()
    if (note.length < 3 || note.length > 300)
      return refuse(400, [
        { field: 'note', message: 'Say where these people gave their consent (3 to 300 characters), e.g. "Expo sign-up sheet, Oct 2026".' },
      ])
    const body = await readWithin(req.body ?? null, MAX_IMPORT_BYTES)
    if ('refused' in body)
      return body.refused === 'too-large'
        ? refuse(413, [{ field: 'file', message: `The file is over ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it.` }])
        : refuse(400, [{ field: 'file', message: 'The file could not be read.' }])
    let csv: string
    try {
      csv = new TextDecoder('utf-8', { fatal: true }).decode(body.bytes)
    } catch {
      return refuse(400, [{ field: 'file', message: 'The file is not UTF-8 text; save it as "CSV UTF-8".' }])
    }
    const outcome = await importSubscribers(req.payload, csv, note)
    if (typeof outcome === 'string') return refuse(400, [{ field: 'file', message: outcome }])
    return Response.json(outcome)
  },
}

/** GET /api/members/subscribers.csv: every member, and every lead with a subscription choice, with their topics (admins only). */
export const exportSubscribersEndpoint: Endpoint = {
  path: '/subscribers.csv',
  method: 'get',
  handler: async (req) => {
    const denied = adminsOnly(req)
    if (denied) return denied
    const store = broadcastStoreFor(req.payload)
    const [people, suppressed] = await Promise.all([store.people(), store.suppressedHashes()])
    const rows = people
      .filter((p) => p.memberId || p.subscribed.length || p.unsubscribed.length)
      .map((p) => ({
        kind: p.memberId ? 'member' : 'lead',
        email: p.email,
        name: p.name,
        language: p.locale,
        topics: p.subscribed.join(';'),
        unsubscribed: p.unsubscribed.join(';'),
        since: p.since,
        suppressed: suppressed.has(hashAddress(p.email)) ? 'yes' : 'no',
      }))
    // `topics` as the import reads it, so an export is a file another site can import.
    const columns = ['kind', 'email', 'name', 'language', 'topics', 'unsubscribed', 'since', 'suppressed'].map((key) => ({
      key,
      header: key,
    }))
    return new Response(toCsv(rows, columns), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="subscribers.csv"',
        'cache-control': 'private, no-store',
      },
    })
  },
}
