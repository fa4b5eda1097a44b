import type { PayloadRequest, TaskConfig } from 'payload'

import { describeTouches } from '../../functions/attribution/describe-touch'
import type { Touch } from '../../functions/attribution/touch'
import { routeLead, type RoutingRule } from '../../functions/lead-intake/routing'
import { salesEmailKey } from '../../functions/notifications/idempotency-key'
import { renderSalesEmail } from '../../functions/notifications/sales-email'
import { cmsUrl } from '../environment'
import { attemptDelivery, deliveryRetries, submissionInputSchema } from './deliveries'
import { loadSubmission } from './loadSubmission'
import { sendEmail } from './sendEmail'
import { assignTeamMember, type TeamMember } from './teamRouting'

function display(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ')
  if (value === true) return '✓'
  return String(value ?? '')
}

async function userLanguage(req: PayloadRequest, email: string): Promise<string | null> {
  const { docs } = await req.payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, depth: 0 })
  return docs[0]?.language ?? null
}

/** The job that emails a new lead to the sales person the form's rules pick; retried with backoff. */
export const notifyLead: TaskConfig<{ input: { submissionId: string }; output: { providerId?: string; skipped?: string } }> = {
  slug: 'notifyLead',
  inputSchema: submissionInputSchema,
  outputSchema: [
    { name: 'providerId', type: 'text' },
    { name: 'skipped', type: 'text' },
  ],
  retries: deliveryRetries,
  handler: async ({ input, req, job, inlineTask }) => {
    const { submission, form, lead, locale, values } = await loadSubmission(req, input.submissionId)
    if (submission.isSpam) return { output: { skipped: 'spam' } }
    const lastTouch = (submission.lastTouch ?? null) as {
      channel?: string
      campaign?: string
      landingPage?: string
      referrer?: string
    } | null
    const route = routeLead((form.routing ?? []) as RoutingRule[], form.defaultRecipient, values, lastTouch?.channel ?? null)
    let recipient: Pick<TeamMember, 'email' | 'language'>
    if ('team' in route) {
      const team = route.team
      // An inline task's output is kept with the job: a retry sends to the member chosen the first
      // time instead of taking the team's next turn (and Resend's idempotency key stays truthful).
      // A team left without members falls back to the default recipient, so the lead still reaches someone.
      recipient = await inlineTask('assign-team-member', {
        task: async () => ({
          output: (await assignTeamMember(req, team, lead.id)) ?? {
            email: form.defaultRecipient,
            language: await userLanguage(req, form.defaultRecipient),
          },
        }),
      })
    } else {
      recipient = { email: route.recipient, language: await userLanguage(req, route.recipient) }
    }
    const email = renderSalesEmail({
      formName: form.name,
      person: { name: lead.name, email: lead.email, phone: lead.phone },
      fields: (form.fields ?? [])
        .filter((f) => values[f.name] !== undefined)
        .map((f) => ({ label: f.label || f.name, value: display(values[f.name]) })),
      touch: lastTouch,
      journey: describeTouches(
        (submission.firstTouch ?? null) as Touch | null,
        (submission.lastTouch ?? null) as Touch | null,
        (recipient.language ?? locale) === 'en' ? 'en' : 'zh-CN',
      ),
      score: Number(submission.spamScore ?? 0),
      adminUrl: `${cmsUrl}/admin/collections/leads/${lead.id}`,
      locale: recipient.language ?? locale,
    })
    const providerId = await attemptDelivery({ req, job, leadId: lead.id, kind: 'sales email', to: recipient.email }, () =>
      sendEmail(req, {
        to: recipient.email,
        subject: email.subject,
        html: email.html,
        text: email.text,
        replyTo: email.replyTo,
        idempotencyKey: salesEmailKey(submission.id, recipient.email),
      }),
    )
    return { output: { providerId } }
  },
}
