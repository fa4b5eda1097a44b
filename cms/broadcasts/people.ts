import type { Payload } from 'payload'

import type { PersonFacts, TouchFacts } from '../../functions/broadcasts/segment'
import { type ConsentEntry,currentConsents } from '../../functions/members/consent-log'
import { type PointsEntry, type Tier, tierFor, tierPointsOf } from '../../functions/members/points'

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

const all = { limit: 0, pagination: false, depth: 0, overrideAccess: true } as const

/**
 * The facts segments look at, for every member (with their lead) and every lead that is not a
 * member, read through the Local API so that it works on every database. Erased members and
 * anonymised leads are left out: they have no address to mail.
 */
export async function loadPeople(payload: Payload): Promise<PersonFacts[]> {
  const [members, leads, consents, ledger, tiers, submissions] = await Promise.all([
    payload.find({ collection: 'members', ...all, where: { erasedAt: { exists: false } } }),
    payload.find({ collection: 'leads', ...all, where: { anonymisedAt: { exists: false } } }),
    payload.find({ collection: 'consent-log', ...all, sort: 'at' }),
    payload.find({ collection: 'points-ledger', ...all }),
    payload.find({ collection: 'tiers', ...all }),
    payload.find({ collection: 'submissions', ...all, select: { lead: true, form: true } }),
  ])
  const consentsOf = groupBy(consents.docs, (d) => idOf(d.member))
  const ledgerOf = groupBy(ledger.docs, (d) => idOf(d.member))
  const formsOf = groupBy(submissions.docs, (d) => idOf(d.lead))
  const leadById = new Map(leads.docs.map((l) => [String(l.id), l]))
  const tierList: (Tier & { id: string })[] = tiers.docs.map((t) => ({
    id: String(t.id),
    name: String(t.name ?? t.id),
    minPoints: t.minPoints,
    benefits: [],
  }))
  const people: PersonFacts[] = []
  const leadsOfMembers = new Set<string>()
  for (const m of members.docs) {
    const leadId = idOf(m.lead)
    const lead = leadId ? leadById.get(leadId) : undefined
    if (leadId) leadsOfMembers.add(leadId)
    const states = currentConsents((consentsOf.get(String(m.id)) ?? []) as unknown as ConsentEntry[])
    const entries = (ledgerOf.get(String(m.id)) ?? []) as unknown as PointsEntry[]
    const points = tierPointsOf(entries)
    people.push({
      key: `m:${m.id}`,
      email: m.email,
      name: m.name ?? lead?.name ?? null,
      locale: m.preferredLanguage ?? null,
      memberId: String(m.id),
      leadId,
      subscribed: [...states].filter(([, s]) => s.subscribed).map(([topic]) => topic),
      unsubscribed: [...states].filter(([, s]) => !s.subscribed).map(([topic]) => topic),
      tier: (tierFor(points, tierList) as (Tier & { id: string }) | null)?.id ?? null,
      points,
      firstTouch: touchOf(m.firstTouch ?? lead?.firstTouch),
      lastTouch: touchOf(m.lastTouch ?? lead?.lastTouch),
      leadStatus: lead?.status ?? null,
      leadOwner: idOf(lead?.owner),
      forms: leadId ? (formsOf.get(leadId) ?? []).map((s) => idOf(s.form)).filter((f): f is string => f !== null) : [],
      since: m.createdAt,
    })
  }
  for (const lead of leads.docs) {
    if (leadsOfMembers.has(String(lead.id)) || !lead.email) continue
    people.push({
      key: `l:${lead.id}`,
      email: lead.email,
      name: lead.name ?? null,
      locale: null,
      memberId: null,
      leadId: String(lead.id),
      subscribed: [],
      unsubscribed: [],
      tier: null,
      points: 0,
      firstTouch: touchOf(lead.firstTouch),
      lastTouch: touchOf(lead.lastTouch),
      leadStatus: lead.status ?? null,
      leadOwner: idOf(lead.owner),
      forms: (formsOf.get(String(lead.id)) ?? []).map((s) => idOf(s.form)).filter((f): f is string => f !== null),
      since: lead.createdAt,
    })
  }
  return people
}
