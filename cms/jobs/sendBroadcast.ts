import type { TaskConfig } from 'payload'

import { renderBroadcastEmail } from '../../functions/broadcasts/email'
import { sendBroadcast } from '../../functions/broadcasts/send'
import { loadBroadcastTexts } from '../broadcasts/content'
import { batchSenderFor } from '../broadcasts/sender'
import { broadcastStoreFor } from '../broadcasts/sqlite-store'
import { payloadSecret, siteUrl } from '../environment'

/** The mailbox of the List-Unsubscribe mailto link: UNSUBSCRIBE_MAILBOX, or unsubscribe@ the sender's domain. */
export function unsubscribeMailbox(): string {
  if (process.env.UNSUBSCRIBE_MAILBOX) return process.env.UNSUBSCRIBE_MAILBOX
  const from = process.env.EMAIL_FROM || 'noreply@example.com'
  return `unsubscribe@${from.match(/@([^>\s]+)/)?.[1] ?? 'example.com'}`
}

/**
 * Sends one broadcast at its `sendAt` (functions/broadcasts/send.ts). Cut short anywhere, a rerun
 * (the job's retry, or the next worker after a stranded job is reclaimed) finishes it without
 * sending anybody the broadcast twice.
 */
export const sendBroadcastTask: TaskConfig<{ input: { broadcastId: string }; output: { outcome: string } }> = {
  slug: 'sendBroadcast',
  inputSchema: [{ name: 'broadcastId', type: 'text', required: true }],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  retries: { attempts: 10, backoff: { type: 'exponential', delay: 5000 } },
  handler: async ({ input, req }) => {
    const payload = req.payload
    const store = broadcastStoreFor(payload)
    const plan = await store.loadBroadcast(input.broadcastId)
    if (!plan) return { output: { outcome: 'missing' } }
    const texts = await loadBroadcastTexts(payload, plan.id, plan.topic, siteUrl)
    const secret = payloadSecret()
    const outcome = await sendBroadcast({
      broadcastId: input.broadcastId,
      store,
      sender: batchSenderFor(payload),
      render: (recipient) => {
        const { locale, content, brand } = texts.contentFor(recipient.locale)
        return renderBroadcastEmail(content, recipient, brand, { siteUrl, unsubscribeMailbox: unsubscribeMailbox(), secret, locale })
      },
      clock: { now: () => new Date(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
    })
    return { output: { outcome } }
  },
}
