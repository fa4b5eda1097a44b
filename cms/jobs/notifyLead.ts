import type { PayloadRequest, TaskConfig } from 'payload'

import { cmsUrl } from '../environment'
import { routeLead, type RoutingRule } from '../../functions/lead-intake/routing'
import { renderSalesEmail } from '../../functions/notifications/sales-email'

/** How often the sales email is tried before it is left failed for an admin to see. */
export const NOTIFY_ATTEMPTS = 5

type Delivery = { kind: string; status: 'queued' | 'sent' | 'failed'; to?: string; providerId?: string; reason?: string; at: string }

/** Appends one delivery attempt to the lead's log, which sales and admins read in the CMS. */
export async function logDelivery(req: PayloadRequest, leadId: string | number, delivery: Omit<Delivery, 'at'>): Promise<void> {
  const lead = await req.payload.findByID({ collection: 'leads', id: leadId, depth: 0 })
  const deliveries = [...((lead.deliveries as Delivery[] | null | undefined) ?? []), { ...delivery, at: new Date().toISOString() }]
  await req.payload.update({ collection: 'leads', id: leadId, data: { deliveries }, depth: 0 })
}

function display(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ')
  if (value === true) return '✓'
  return String(value ?? '')
}

/** The job that emails a new lead to the sales person the form's rules pick; retried with backoff. */
export const notifyLead: TaskConfig<{ input: { submissionId: string }; output: { providerId: string } }> = {
  slug: 'notifyLead',
  inputSchema: [{ name: 'submissionId', type: 'text', required: true }],
  outputSchema: [{ name: 'providerId', type: 'text' }],
  retries: { attempts: NOTIFY_ATTEMPTS, backoff: { type: 'exponential', delay: 2000 } },
  handler: async ({ input, req, job }) => {
    const id = /^[0-9]+$/.test(input.submissionId) ? Number(input.submissionId) : input.submissionId
    const submission = await req.payload.findByID({ collection: 'submissions', id, depth: 0 })
    const locale = (submission.locale as 'zh-CN' | 'en' | null) ?? 'zh-CN'
    const form = await req.payload.findByID({ collection: 'forms', id: submission.form as number, depth: 0, locale })
    const lead = await req.payload.findByID({ collection: 'leads', id: submission.lead as number, depth: 0 })
    const values = (submission.values ?? {}) as Record<string, unknown>
    const lastTouch = (submission.lastTouch ?? null) as { channel?: string; campaign?: string; landingPage?: string; referrer?: string } | null
    const to = routeLead((form.routing ?? []) as RoutingRule[], form.defaultRecipient, values, lastTouch?.channel ?? null)
    const recipient = await req.payload.find({ collection: 'users', where: { email: { equals: to } }, limit: 1, depth: 0 })
    const email = renderSalesEmail({
      formName: form.name,
      person: { name: lead.name, email: lead.email, phone: lead.phone },
      fields: (form.fields ?? []).filter((f) => values[f.name] !== undefined).map((f) => ({ label: f.label || f.name, value: display(values[f.name]) })),
      touch: lastTouch,
      score: Number(submission.spamScore ?? 0),
      adminUrl: `${cmsUrl}/admin/collections/leads/${lead.id}`,
      locale: (recipient.docs[0]?.language as string | undefined) ?? locale,
    })
    try {
      const sent = (await req.payload.sendEmail({
        to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        replyTo: email.replyTo,
        // Resend drops a second send with the same key, so a retry after a lost answer sends once.
        idempotencyKey: `notify-lead-${submission.id}`,
      } as Parameters<typeof req.payload.sendEmail>[0])) as { id: string }
      await logDelivery(req, lead.id, { kind: 'sales email', status: 'sent', to, providerId: sent.id })
      return { output: { providerId: sent.id } }
    } catch (error) {
      const tried = ((job as { totalTried?: number } | undefined)?.totalTried ?? 0) + 1
      const final = tried >= NOTIFY_ATTEMPTS ? ' (last attempt: not retried)' : ''
      await logDelivery(req, lead.id, { kind: 'sales email', status: 'failed', to, reason: `${error instanceof Error ? error.message : String(error)}${final}`.slice(0, 500) })
      throw error
    }
  },
}
