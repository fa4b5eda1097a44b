import type { Payload } from 'payload'

import type { PersonFacts, TouchFacts } from '../../functions/broadcasts/segment'
import { currentConsents } from '../../functions/members/consent-log'
import { type Tier, tierFor, tierPointsOf } from '../../functions/members/points'

type Ref = string | number | { id: string | number } | null | undefined
const idOf = (value: Ref): string | null =>
  value === null || value === undefined ? null : typeof value === 'object' ? String(value.id) : String(value)

const touchOf = (value: unknown): TouchFacts | null => {
  const t = value as { channel?: unknown; campaign?: unknown } | null
  return t && typeof t === 'object'
    ? { channel: typeof t.channel === 'string' ? t.channel : null, campaign: typeof t.campaign === 'string' ? t.campaign : null }
    : null
}

function groupBy<T>(rows: T[], key: (row: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const row of rows) {
    const k = key(row)
    if (k === null) continue
    const list = groups.get(k)
    if (list) list.push(row)
    else groups.set(k, [row])
  }
  return groups
}

/** A member as segments look at them, whichever database it was read from. */
export interface MemberRow {
  id: string
  email: string
  name: string | null
  locale: string | null
  leadId: string | null
  firstTouch: TouchFacts | null
  lastTouch: TouchFacts | null
  createdAt: string
}

/** A lead as segments look at it. */
export interface LeadRow {
  id: string
  email: string | null
  name: string | null
  status: string | null
  owner: string | null
  firstTouch: TouchFacts | null
  lastTouch: TouchFacts | null
  createdAt: string
}

/** Everything segments look at, already grouped per member and per lead. */
export interface PeopleRows {
  members: MemberRow[]
  leads: LeadRow[]
  /** Per member id: topic → subscribed now (the latest consent entry of each topic). */
  consents: Map<string, Map<string, boolean>>
  /** Per lead id: the same for the lead's own entries (a visitor who confirmed the newsletter without an account). */
  leadConsents: Map<string, Map<string, boolean>>
  /** Per member id: the points that count toward a tier. */
  tierPoints: Map<string, number>
  tiers: (Tier & { id: string })[]
  /** Per lead id: the ids of the forms it submitted. */
  forms: Map<string, string[]>
}

/**
 * The facts of every member (with their lead) and of every lead that is not a member, from rows
 * read by either store: one place decides what a person is, so SQLite and MongoDB agree.
 */
export function assemblePeople(rows: PeopleRows): PersonFacts[] {
  const leadById = new Map(rows.leads.map((l) => [l.id, l]))
  const people: PersonFacts[] = []
  const leadsOfMembers = new Set<string>()
  for (const m of rows.members) {
    const lead = m.leadId ? leadById.get(m.leadId) : undefined
    if (m.leadId) leadsOfMembers.add(m.leadId)
    // The member's own entries win over what their lead chose before the account existed.
    const states = new Map([...((m.leadId && rows.leadConsents.get(m.leadId)) || []), ...(rows.consents.get(m.id) ?? [])])
    const points = rows.tierPoints.get(m.id) ?? 0
    people.push({
      key: `m:${m.id}`,
      email: m.email,
      name: m.name ?? lead?.name ?? null,
      locale: m.locale,
      memberId: m.id,
      leadId: m.leadId,
      subscribed: [...states].filter(([, s]) => s).map(([topic]) => topic),
      unsubscribed: [...states].filter(([, s]) => !s).map(([topic]) => topic),
      tier: (tierFor(points, rows.tiers) as (Tier & { id: string }) | null)?.id ?? null,
      points,
      firstTouch: m.firstTouch ?? lead?.firstTouch ?? null,
      lastTouch: m.lastTouch ?? lead?.lastTouch ?? null,
      leadStatus: lead?.status ?? null,
      leadOwner: lead?.owner ?? null,
      forms: m.leadId ? (rows.forms.get(m.leadId) ?? []) : [],
      since: m.createdAt,
    })
  }
  for (const lead of rows.leads) {
    if (leadsOfMembers.has(lead.id) || !lead.email) continue
    const states = rows.leadConsents.get(lead.id) ?? new Map<string, boolean>()
    people.push({
      key: `l:${lead.id}`,
      email: lead.email,
      name: lead.name,
      locale: null,
      memberId: null,
      leadId: lead.id,
      subscribed: [...states].filter(([, s]) => s).map(([topic]) => topic),
      unsubscribed: [...states].filter(([, s]) => !s).map(([topic]) => topic),
      tier: null,
      points: 0,
      firstTouch: lead.firstTouch,
      lastTouch: lead.lastTouch,
      leadStatus: lead.status,
      leadOwner: lead.owner,
      forms: rows.forms.get(lead.id) ?? [],
      since: lead.createdAt,
    })
  }
  return people
}

const all = { limit: 0, pagination: false, depth: 0, overrideAccess: true } as const

/**
 * The facts segments look at, read through the Local API so that it works on every database
 * (cms/broadcasts/sqlite-store.ts reads the same in a few SQL statements). Erased members and
 * anonymised leads are left out: they have no address to mail.
 */
export async function loadPeople(payload: Payload): Promise<PersonFacts[]> {
  const [members, leads, consents, ledger, tiers, submissions] = await Promise.all([
    // In id order, as SQLite reads them: of two leads with one address, the later one is the recipient on every store.
    payload.find({ collection: 'members', ...all, where: { erasedAt: { exists: false } }, sort: 'id' }),
    payload.find({ collection: 'leads', ...all, where: { anonymisedAt: { exists: false } }, sort: 'id' }),
    // Ties broken by id, as SQLite breaks them: the entry appended later is the choice that stands.
    payload.find({ collection: 'consent-log', ...all, sort: ['at', 'id'] }),
    payload.find({ collection: 'points-ledger', ...all }),
    payload.find({ collection: 'tiers', ...all, sort: 'id' }),
    payload.find({ collection: 'submissions', ...all, select: { lead: true, form: true } }),
  ])
  const consentsOf = groupBy(
    consents.docs.filter((d) => d.member),
    (d) => idOf(d.member),
  )
  const leadConsentsOf = groupBy(
    consents.docs.filter((d) => !d.member && d.lead),
    (d) => idOf(d.lead),
  )
  const statesOf = (grouped: typeof consentsOf) =>
    new Map(
      [...grouped].map(([person, entries]) => [person, new Map([...currentConsents(entries)].map(([topic, s]) => [topic, s.subscribed]))]),
    )
  const ledgerOf = groupBy(ledger.docs, (d) => idOf(d.member))
  const formsOf = groupBy(submissions.docs, (d) => idOf(d.lead))
  return assemblePeople({
    members: members.docs.map((m) => ({
      id: String(m.id),
      email: m.email,
      name: m.name ?? null,
      locale: m.preferredLanguage ?? null,
      leadId: idOf(m.lead),
      firstTouch: touchOf(m.firstTouch),
      lastTouch: touchOf(m.lastTouch),
      createdAt: m.createdAt,
    })),
    leads: leads.docs.map((l) => ({
      id: String(l.id),
      email: l.email ?? null,
      name: l.name ?? null,
      status: l.status ?? null,
      owner: idOf(l.owner),
      firstTouch: touchOf(l.firstTouch),
      lastTouch: touchOf(l.lastTouch),
      createdAt: l.createdAt,
    })),
    consents: statesOf(consentsOf),
    leadConsents: statesOf(leadConsentsOf),
    tierPoints: new Map([...ledgerOf].map(([member, entries]) => [member, tierPointsOf(entries)])),
    tiers: tiers.docs.map((t) => ({ id: String(t.id), name: String(t.name ?? t.id), minPoints: t.minPoints, benefits: [] })),
    forms: new Map([...formsOf].map(([lead, subs]) => [lead, subs.map((s) => idOf(s.form)).filter((f): f is string => f !== null)])),
  })
}
