import type { Endpoint, Payload, PayloadRequest, Where } from 'payload'

import type { AuditActor } from '../../functions/members/audit'
import { leadAuditEntry } from '../../functions/members/audit'
import { buildLeadExport, LEAD_EXPORT_SCHEMA, leadErasurePlan, leadExportFilename } from '../../functions/members/lead-rights'
import { idOf, type LeadRecord, type SubmissionRecord, type TouchRecord } from '../../functions/members/records'
import { roleOf } from '../access/roles'
import { suppressAddress } from '../broadcasts/suppress'
import type { Lead } from '../payload-types'

const base = { depth: 0, overrideAccess: true } as const
const all = { ...base, limit: 0, pagination: false } as const
const forbidden = () => Response.json({ errors: [{ message: 'You are not allowed to perform this action.' }] }, { status: 403 })
const notFound = () => Response.json({ errors: [{ message: 'Not found.' }] }, { status: 404 })

/**
 * Who may export or erase this lead's data: admins for any lead, sales (and sales managers) for the
 * leads they own. Everyone else, null.
 */
export function rightsActor(req: Pick<PayloadRequest, 'user'>, lead: Pick<Lead, 'owner'>): AuditActor | null {
  const role = roleOf(req)
  if (role === 'admin') return 'admin'
  const owner = idOf(lead.owner)
  if ((role === 'sales' || role === 'sales-manager') && owner !== null && String(owner) === String(req.user?.id)) return 'sales'
  return null
}

/** The lead of the route, or the answer to give instead: 403 before anything is read, 404 for an unknown id. */
async function leadOfRoute(req: PayloadRequest): Promise<{ lead: Lead; actor: AuditActor } | Response> {
  if (roleOf(req) === null) return forbidden()
  const id = String(req.routeParams?.id ?? '')
  if (!/^[0-9a-f]{1,24}$/i.test(id)) return notFound()
  const lead = await req.payload.findByID({ collection: 'leads', id: /^[0-9]+$/.test(id) ? Number(id) : id, ...base }).catch(() => null)
  if (!lead) return notFound()
  const actor = rightsActor(req, lead)
  return actor ? { lead, actor } : forbidden()
}

/** Outbox copies that name the person: mail to them, mail about them (a sales email's Reply-To and text), texts to their number. */
function outboxOf(lead: Lead): Where | null {
  const or: Where[] = []
  if (lead.email) or.push({ to: { contains: lead.email } }, { replyTo: { contains: lead.email } }, { text: { contains: lead.email } })
  if (lead.phone) or.push({ to: { equals: lead.phone } })
  return or.length ? { or } : null
}

/** Everything held about the lead, read once for the export or the erasure. */
async function holdings(payload: Payload, lead: Lead) {
  const ofLead = { lead: { equals: lead.id } }
  const outbox = outboxOf(lead)
  const [submissions, touches, consents, activity, deliveries, mail, broadcastRows] = await Promise.all([
    payload.find({ collection: 'submissions', where: ofLead, ...all, depth: 1 }),
    payload.find({ collection: 'touches', where: ofLead, ...all }),
    payload.find({ collection: 'consent-log', where: ofLead, ...all, sort: 'at' }),
    payload.find({ collection: 'lead-activity', where: ofLead, ...all, sort: 'at' }),
    payload.find({ collection: 'lead-deliveries', where: ofLead, ...all, select: {} }),
    outbox ? payload.find({ collection: 'outbox', where: outbox, ...all, select: {} }) : Promise.resolve({ docs: [] }),
    payload.find({
      collection: 'broadcast-deliveries',
      where: { or: [{ lead: { equals: String(lead.id) } }, { recipient: { equals: `l:${lead.id}` } }] },
      ...all,
      select: {},
    }),
  ])
  return {
    // The members records have an index signature and object-typed JSON fields, which generated interfaces cannot meet.
    submissions: submissions.docs as unknown as SubmissionRecord[],
    touches: touches.docs as unknown as (TouchRecord & { id: number | string })[],
    consents: consents.docs,
    activity: activity.docs,
    deliveryIds: deliveries.docs.map((d) => d.id),
    outboxIds: mail.docs.map((d) => d.id),
    broadcastDeliveryIds: broadcastRows.docs.map((d) => d.id),
  }
}

/** The lead's data as one JSON document, written to the audit log. */
export async function exportLead(payload: Payload, lead: Lead, actor: AuditActor, now = new Date()) {
  const held = await holdings(payload, lead)
  // The members records have an index signature and object-typed JSON fields, which generated interfaces cannot meet.
  const document = buildLeadExport({ lead: lead as unknown as LeadRecord, ...held }, { now })
  await payload.create({
    collection: 'audit-log',
    data: leadAuditEntry('lead-data-exported', lead.id, { actor, now, details: { schema: LEAD_EXPORT_SCHEMA } }),
    ...base,
    select: {},
  })
  return { body: JSON.stringify(document, null, 2), filename: leadExportFilename(lead.id, now) }
}

/**
 * Erases a lead's person: the address is suppressed first (kept only as a hash, so it is never
 * mailed again even if the rest is interrupted), then what hangs off the lead is deleted or
 * anonymised, the lead itself last (its address is what finds the outbox copies, so an interrupted
 * erasure can run again), then the audit entry.
 */
export async function eraseLead(payload: Payload, lead: Lead, actor: AuditActor, now = new Date()) {
  if (lead.email) await suppressAddress(payload, lead.email, 'erasure', now)
  const held = await holdings(payload, lead)
  // The members records have an index signature and object-typed JSON fields, which generated interfaces cannot meet.
  const plan = leadErasurePlan(lead as unknown as LeadRecord, { ...held, consentIds: held.consents.map((c) => c.id) }, { actor, now })
  for (const step of plan.delete)
    await payload.delete({ collection: step.collection as 'outbox', id: step.id, ...base, select: {} }).catch((error: unknown) => {
      // Already gone (an earlier, interrupted erasure): the plan's end state holds.
      if ((error as { status?: number })?.status !== 404) throw error
    })
  const leadLast = [...plan.anonymise.filter((s) => s.collection !== 'leads'), ...plan.anonymise.filter((s) => s.collection === 'leads')]
  for (const step of leadLast)
    await payload.update({ collection: step.collection as 'leads', id: step.id, data: step.data, ...base, select: {} })
  await payload.create({ collection: 'audit-log', data: plan.audit, ...base, select: {} })
  return plan
}

/** GET /api/leads/:id/export: the person's data as a JSON download, for an admin or the lead's owner. */
export const leadExportEndpoint: Endpoint = {
  path: '/:id/export',
  method: 'get',
  handler: async (req) => {
    const found = await leadOfRoute(req)
    if (found instanceof Response) return found
    if (found.lead.anonymisedAt)
      return Response.json({ errors: [{ message: 'This lead was erased: nothing about the person is held.' }] }, { status: 410 })
    const { body, filename } = await exportLead(req.payload, found.lead, found.actor)
    return new Response(body, {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${filename}"`,
        'cache-control': 'private, no-store',
      },
    })
  },
}

/**
 * POST /api/leads/:id/erase with `{ "confirm": "erase" }`: the person's erasure, for an admin or the
 * lead's owner. A member's lead is refused: the member's own erasure covers it, with their account.
 */
export const leadEraseEndpoint: Endpoint = {
  path: '/:id/erase',
  method: 'post',
  handler: async (req) => {
    const found = await leadOfRoute(req)
    if (found instanceof Response) return found
    const body = (await req.json?.().catch(() => null)) as { confirm?: unknown } | null
    if (body?.confirm !== 'erase')
      return Response.json(
        { errors: [{ field: 'confirm', message: 'Send "confirm": "erase" to erase this person; it cannot be undone.' }] },
        { status: 400 },
      )
    const { lead, actor } = found
    if (lead.member)
      return Response.json(
        { errors: [{ message: 'This lead belongs to a member: the erasure of their account covers it, with everything else of theirs.' }] },
        { status: 409 },
      )
    if (lead.anonymisedAt) return Response.json({ erased: true, already: true })
    const plan = await eraseLead(req.payload, lead, actor)
    return Response.json({ erased: true, ...plan.audit.details })
  },
}
