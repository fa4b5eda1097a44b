// A member's data rights: everything held about them as one JSON download, and erasure across
// members, leads, submissions and touches (functions/members data-export and erasure-plan).
import { buildMemberExport, exportAuditEntry, exportFilename } from '../../../functions/members/data-export'
import { type ErasurePlan, erasurePlan } from '../../../functions/members/erasure-plan'
import type { LeadRecord, MemberRecord, SubmissionRecord, TouchRecord } from '../../../functions/members/records'
import { requestStatus } from '../../../functions/members/request-status'
import type { StoredMember } from '../../../functions/members/store'
import { identities, membersStore } from '../stores'

async function memberRecord(member: StoredMember): Promise<MemberRecord> {
  const store = await membersStore()
  const topics = await store.topics('en')
  return {
    ...member,
    _verified: Boolean(member.emailVerifiedAt),
    interests: topics.filter((t) => member.interests.some((id) => String(id) === String(t.id))).map((t) => t.slug),
  }
}

async function holdings(member: StoredMember) {
  const store = await membersStore()
  // The members store hands rows on as plain records (functions/members/store.ts); these are its leads, submissions and touches documents.
  const leads = (await store.leadsOf(member)) as LeadRecord[]
  const leadIds = leads.map((l) => l.id as string | number)
  const statusOf = new Map(leads.map((l) => [String(l.id), requestStatus(l.status as string)]))
  const submissions = (await store.submissionsOfLeads(leadIds)).map((s) => ({
    ...s,
    status: statusOf.get(String((s.lead as { id?: unknown })?.id ?? s.lead)) ?? null,
  })) as SubmissionRecord[]
  const touches = (await store.touchesOf(leadIds, member.visitor)) as (TouchRecord & { id: string | number })[]
  return { store, leads, leadIds, submissions, touches }
}

/** The export document and its file name; the download is written to the audit log. */
export async function exportMemberData(member: StoredMember): Promise<{ body: string; filename: string }> {
  const { store, submissions, touches } = await holdings(member)
  const now = new Date()
  const record = await memberRecord(member)
  const document = buildMemberExport(
    {
      member: record,
      submissions,
      touches,
      consents: await store.consentsOf(member.id),
      points: await store.ledgerOf(member.id),
      tiers: await store.tiers(member.preferredLanguage ?? 'en'),
    },
    { now },
  )
  await store.audit(exportAuditEntry(record, { actor: 'member', now }))
  return { body: JSON.stringify(document, null, 2), filename: exportFilename(member.id, now) }
}

/**
 * Erases a member: first marked (no sign-in from then on) and signed out everywhere, then the
 * plan is carried out and audited. An interruption leaves a marked member whose erasure can run again.
 */
export async function eraseMember(member: StoredMember, actor: 'member' | 'admin' = 'member'): Promise<ErasurePlan> {
  const store = await membersStore()
  const now = new Date()
  await store.updateMember(member.id, { erasedAt: now.toISOString() })
  await store.revokeSessions(member.id, { except: null }, now)
  const { leads, submissions, touches } = await holdings(member)
  const owned = await (await identities()).identitiesOf(member.id)
  const phones = owned.filter((i) => i.kind === 'phone').map((i) => i.key.slice('phone:'.length))
  const plan = erasurePlan(
    await memberRecord(member),
    {
      leads,
      submissions,
      touches,
      consentIds: await store.idsOf('consent-log', { member: { equals: member.id } }),
      pointsIds: await store.idsOf('points-ledger', { member: { equals: member.id } }),
      codeIds: await store.idsOf('member-codes', { subject: { in: [member.email, ...phones] } }),
      // Mail to the member, and the copies of mail about them (a sales email names them in its Reply-To and text); texts to their numbers.
      deliveryIds: leads.length ? await store.idsOf('lead-deliveries', { lead: { in: leads.map((lead) => lead.id) } }) : [],
      outboxIds: await store.idsOf('outbox', {
        or: [
          { to: { contains: member.email } },
          { replyTo: { contains: member.email } },
          { text: { contains: member.email } },
          ...(phones.length ? [{ to: { in: phones } }] : []),
        ],
      }),
      identityIds: owned.map((i) => i.id),
      sessionIds: await store.idsOf('member-sessions', { member: { equals: member.id } }),
      referredMemberIds: await store.idsOf('members', { referredBy: { equals: member.id } }),
    },
    { actor, now },
  )
  await store.applyErasure(plan)
  return plan
}
