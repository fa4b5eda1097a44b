import type { TaskConfig } from 'payload'

import { renderBroadcastEmail } from '../../functions/broadcasts/email'
import { sendBroadcast } from '../../functions/broadcasts/send'
import { loadBroadcastTexts } from '../broadcasts/content'
import { batchSenderFor } from '../broadcasts/sender'
import { broadcastStoreFor } from '../broadcasts/sqlite-store'
import { unsubscribeMailbox } from '../email/unsubscribe-mailbox'
import { payloadSecret, siteUrl } from '../environment'

/**
 * Batch requests in flight per broadcast: enough to reach Resend's rate (its 429 and retry-after
 * slow a lane down when the account's limit is lower), few enough to leave the site its CPU.
 * BROADCAST_BATCHES_IN_FLIGHT changes it.
 */
const BATCHES_IN_FLIGHT = Math.max(1, Math.min(20, Number(process.env.BROADCAST_BATCHES_IN_FLIGHT) || 4))

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
      concurrency: BATCHES_IN_FLIGHT,
    })
    return { output: { outcome } }
  },
}
