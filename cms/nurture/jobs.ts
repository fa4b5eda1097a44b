import type { TaskConfig } from 'payload'

import { renderBroadcastEmail } from '../../functions/broadcasts/email'
import { hashAddress } from '../../functions/broadcasts/recipients'
import { serialize } from '../../functions/concurrency/serialize'
import { LOCALE_CODES } from '../../functions/content/locales'
import { escapeHtml } from '../../functions/content/rich-text'
import { exitReason, localized, nextStep, stepEmailKey } from '../../functions/nurture/sequences'
import { relation } from '../broadcasts/relation'
import { unsubscribeMailbox } from '../email/unsubscribe-mailbox'
import { payloadSecret, siteUrl } from '../environment'
import { DELIVERY_ATTEMPTS, deliveryRetries, isLastAttempt } from '../jobs/deliveries'
import { inputId } from '../jobs/input-id'
import { sendEmail } from '../jobs/sendEmail'
import { idOf } from '../members/records'
import { readSequences } from './definitions'

/** A plain-text step body as HTML paragraphs, its web addresses as links (tracked when rendered). */
function bodyHtml(body: string): string {
  return body
    .split(/\n{2,}/)
    .map(
      (para) =>
        `<p>${escapeHtml(para)
          .replace(/\n/g, '<br>')
          .replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>')}</p>`,
    )
    .join('')
}

/**
 * Sends one step of a sequence to one enrolled person, then moves them on. Runs under the jobs
 * worker's lease; the email's idempotency key is the enrolment and the step, so a job run twice
 * (a retry after a lost answer, a worker killed mid-send) mails it once. A person who left the
 * sequence meanwhile (contacted, won, lost, unsubscribed) gets nothing. An email that fails after
 * the last retry leaves the enrolment `stuck`, with the step and the provider's answer as its
 * problem, rather than waiting on a step that will never go out.
 */
export const sendSequenceStep: TaskConfig<{ input: { enrolment: string; step: string; dueAt: string }; output: { outcome: string } }> = {
  slug: 'sendSequenceStep',
  inputSchema: [
    { name: 'enrolment', type: 'text', required: true },
    { name: 'step', type: 'text', required: true },
    { name: 'dueAt', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  retries: deliveryRetries,
  handler: async ({ input, req, job }) =>
    serialize(`enrolment:${input.enrolment}`, async () => {
      const payload = req.payload
      const id = inputId(req, input.enrolment)
      const enrolment = await payload.findByID({ collection: 'sequence-enrolments', id, depth: 0, disableErrors: true })
      if (!enrolment || enrolment.status !== 'active') return { output: { outcome: 'not active' } }
      const release = (data: Record<string, unknown>) =>
        payload.update({ collection: 'sequence-enrolments', id, data: { sending: null, ...data }, depth: 0, overrideAccess: true })
      const sentSteps = Array.isArray(enrolment.sentSteps) ? enrolment.sentSteps.map(String) : []
      if (sentSteps.includes(input.step)) return { output: { outcome: 'sent before' } }
      const lead = await payload.findByID({ collection: 'leads', id: idOf(enrolment.lead)!, depth: 0, joins: false, disableErrors: true })
      const suppressed = lead?.email
        ? (
            await payload.count({
              collection: 'suppressions',
              where: { addressHash: { equals: hashAddress(lead.email) } },
              overrideAccess: true,
            })
          ).totalDocs > 0
        : false
      const reason = !lead
        ? 'lead deleted'
        : exitReason({ status: lead.status, unsubscribed: suppressed, erased: Boolean(lead.anonymisedAt) })
      const now = new Date().toISOString()
      if (reason || !lead?.email) {
        await release({ status: 'exited', exitReason: reason ?? 'no email address', endedAt: now, nextDueAt: null })
        return { output: { outcome: `exited: ${reason ?? 'no email address'}` } }
      }
      const sequenceId = idOf(enrolment.sequence)!
      const timing = (await readSequences(payload)).find((s) => String(s.id) === String(sequenceId))
      const locale = LOCALE_CODES.find((l) => l === enrolment.locale) ?? LOCALE_CODES[0]!
      const sequence = await payload.findByID({
        collection: 'sequences',
        id: sequenceId,
        depth: 0,
        locale: 'all',
        disableErrors: true,
      })
      const step = (sequence?.steps ?? []).find((s) => String(s.id) === input.step)
      // The step was deleted (or the sequence) after it was queued: the runner finds the next one.
      if (!timing || !sequence || !step) {
        await release({})
        return { output: { outcome: 'step gone' } }
      }
      // One row per (enrolment, step), written before the email: its id is in the email's links.
      const existing = await payload.find({
        collection: 'sequence-emails',
        where: { enrolment: { equals: id }, step: { equals: input.step } },
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
      const row =
        existing.docs[0] ??
        (await payload.create({
          collection: 'sequence-emails',
          data: {
            enrolment: relation(String(id)),
            sequence: relation(String(sequenceId)),
            lead: relation(String(lead.id)),
            step: input.step,
            to: lead.email,
          },
          depth: 0,
          overrideAccess: true,
        }))
      const settings = await payload.findGlobal({ slug: 'site-settings', locale, depth: 0 })
      // Read with locale 'all', a step's subject and body are objects by locale (the generated types say string); localized takes either.
      const email = renderBroadcastEmail(
        {
          id: `seq-${row.id}`,
          subject: localized(step.subject, locale, LOCALE_CODES[0]!),
          preheader: null,
          bodyHtml: bodyHtml(localized(step.body, locale, LOCALE_CODES[0]!)),
          post: null,
          topic: 'newsletter',
        },
        { key: `l:${lead.id}`, email: lead.email, name: lead.name ?? null, locale, memberId: null, leadId: String(lead.id) },
        {
          brandName: settings.brandName ?? '',
          postalAddress: settings.postalAddress ?? '',
          theme: settings.theme,
          brandColor: settings.brandColor,
        },
        { siteUrl, unsubscribeMailbox: unsubscribeMailbox(), secret: payloadSecret(), locale },
      )
      const providerId = await sendEmail(req, {
        to: lead.email,
        subject: email.subject,
        html: email.html,
        text: email.text,
        // The broadcasts' one-click unsubscribe (RFC 8058): /unsubscribe suppresses the lead, which ends the sequence.
        headers: email.headers,
        idempotencyKey: stepEmailKey(id, input.step),
      }).catch(async (error: unknown) => {
        // Until the last try, `sending` stays set so nothing queues the step again; after it, say so.
        if (isLastAttempt(job)) {
          const number = (sequence.steps ?? []).indexOf(step) + 1
          const reason = error instanceof Error ? error.message : String(error)
          const problem = `Step ${number} (${email.subject}) failed after ${DELIVERY_ATTEMPTS} attempts: ${reason}`.slice(0, 300)
          await release({ status: 'stuck', problem, nextDueAt: null })
        }
        throw error
      })
      await payload.update({ collection: 'sequence-emails', id: row.id, data: { providerId, sentAt: now }, depth: 0, overrideAccess: true })
      // The next step waits its delay from when this one was due, not from when the worker got to it.
      const moved = { lastStepAt: input.dueAt, sentSteps: [...sentSteps, input.step], enrolledAt: enrolment.enrolledAt }
      const next = nextStep(timing, moved)
      await release({
        lastStep: input.step,
        lastStepAt: moved.lastStepAt,
        sentSteps: moved.sentSteps,
        sentCount: moved.sentSteps.length,
        nextDueAt: next?.dueAt ?? null,
        ...(next ? {} : { status: 'completed', endedAt: now }),
      })
      return { output: { outcome: 'sent' } }
    }),
}
