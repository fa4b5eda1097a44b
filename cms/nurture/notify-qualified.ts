import type { PayloadRequest, TaskConfig } from 'payload'

import { escapeHtml } from '../../functions/content/rich-text'
import { routeLead, type RoutingRule } from '../../functions/lead-intake/routing'
import { cmsUrl } from '../environment'
import { deliveryRetries } from '../jobs/deliveries'
import { inputId } from '../jobs/input-id'
import { sendEmail } from '../jobs/sendEmail'
import { assignTeamMember } from '../jobs/teamRouting'
import { idOf } from '../members/records'

/** The owner of a qualified lead: the one it has, or the one its latest form's routing picks. */
async function ownerOf(
  req: PayloadRequest,
  leadId: string | number,
  owner: unknown,
): Promise<{ id: string | number; email: string; language: string | null } | null> {
  const current = idOf(owner)
  if (current) {
    const user = await req.payload.findByID({ collection: 'users', id: current, depth: 0, disableErrors: true })
    if (user) return { id: user.id, email: user.email, language: user.language ?? null }
  }
  const { docs } = await req.payload.find({
    collection: 'submissions',
    where: { lead: { equals: leadId }, isSpam: { not_equals: true } },
    sort: '-createdAt',
    limit: 1,
    depth: 1,
  })
  const submission = docs[0]
  const form = submission && typeof submission.form === 'object' ? submission.form : null
  if (!submission || !form) return null
  const values = (submission.values ?? {}) as Record<string, unknown>
  const channel = (submission.lastTouch as { channel?: string } | null)?.channel ?? null
  const route = routeLead((form.routing ?? []) as RoutingRule[], form.defaultRecipient, values, channel)
  // A team's turn is taken inside assignTeamMember, which also makes that member the owner.
  if ('team' in route) return assignTeamMember(req, route.team, leadId)
  const { docs: users } = await req.payload.find({ collection: 'users', where: { email: { equals: route.recipient } }, limit: 1, depth: 0 })
  const user = users[0]
  if (!user) return { id: '', email: route.recipient, language: null }
  await req.payload.update({
    collection: 'leads',
    id: leadId,
    data: { owner: user.id },
    depth: 0,
    overrideAccess: true,
    context: { nurture: true },
  })
  return { id: user.id, email: user.email, language: user.language ?? null }
}

/**
 * Tells a lead's owner that it crossed the scoring threshold: assigns the owner by the form's
 * routing when it has none, then one email (queued once, with the qualification, and keyed by the
 * lead so a retry sends nothing twice).
 */
export const notifyQualified: TaskConfig<{ input: { leadId: string }; output: { providerId?: string; skipped?: string } }> = {
  slug: 'notifyQualified',
  inputSchema: [{ name: 'leadId', type: 'text', required: true }],
  outputSchema: [
    { name: 'providerId', type: 'text' },
    { name: 'skipped', type: 'text' },
  ],
  retries: deliveryRetries,
  handler: async ({ input, req, inlineTask }) => {
    const leadId = inputId(req, input.leadId)
    const lead = await req.payload.findByID({ collection: 'leads', id: leadId, depth: 0, joins: false, disableErrors: true })
    if (!lead || lead.anonymisedAt) return { output: { skipped: 'no lead' } }
    // Kept with the job: a retry mails the owner chosen the first time, not the team's next member.
    const owner = await inlineTask('assign-owner', { task: async () => ({ output: { owner: await ownerOf(req, leadId, lead.owner) } }) })
    const to = (owner as { owner: { email: string; language: string | null } | null }).owner
    if (!to) return { output: { skipped: 'no owner' } }
    const { docs: changes } = await req.payload.find({
      collection: 'score-changes',
      where: { lead: { equals: leadId } },
      sort: '-at',
      limit: 10,
      depth: 0,
    })
    const zh = to.language !== 'en'
    const who = lead.name || lead.email || lead.phone || `#${lead.id}`
    const subject = zh ? `线索已达标：${who}（${lead.score ?? 0} 分）` : `Lead qualified: ${who} (score ${lead.score ?? 0})`
    const link = `${cmsUrl}/admin/collections/leads/${lead.id}`
    const lines = changes.map((c) => `${c.points > 0 ? '+' : ''}${c.points}  ${c.reason}`)
    const text = [subject, '', ...(lead.email ? [lead.email] : []), ...(lead.phone ? [lead.phone] : []), '', ...lines, '', link].join('\n')
    const html =
      `<p><strong>${escapeHtml(subject)}</strong></p><p>${escapeHtml([lead.email, lead.phone].filter(Boolean).join(' · '))}</p><ul>` +
      `${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul><p><a href="${escapeHtml(link)}">` +
      `${zh ? '打开线索' : 'Open the lead'}</a></p>`
    const providerId = await sendEmail(req, { to: to.email, subject, html, text, idempotencyKey: `lead-qualified/${lead.id}` })
    return { output: { providerId } }
  },
}
