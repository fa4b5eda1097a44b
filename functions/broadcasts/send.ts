import { createHash } from 'node:crypto'

import type { BroadcastEmail } from './email'
import type { Recipient } from './recipients'
import type { PersonFacts, Segment } from './segment'

export const BROADCAST_STATUSES = ['draft', 'scheduled', 'sending', 'sent', 'paused', 'cancelled'] as const
export type BroadcastStatus = (typeof BROADCAST_STATUSES)[number]

/** Resend takes at most 100 emails per batch request. */
export const BATCH_SIZE = 100

/** A broadcast as the sender reads it. */
export interface BroadcastPlan {
  id: string
  status: BroadcastStatus
  sendAt: string | null
  /** Set once every delivery row is written: from then on the batches never change. */
  plannedAt: string | null
  segment: Segment
  topic: string
}

/**
 * Where broadcasts and their deliveries are kept (cms/broadcasts). A delivery row per recipient is
 * written, with its batch number, before any batch is sent: that row is what makes a rerun send the
 * same batch with the same key instead of a second copy.
 */
export interface BroadcastStore {
  loadBroadcast(id: string): Promise<BroadcastPlan | null>
  setStatus(id: string, status: BroadcastStatus, at: Date): Promise<void>
  people(): Promise<PersonFacts[]>
  suppressedHashes(): Promise<Set<string>>
  /** Who a broadcast to `segment` about `topic` goes to now, as pickRecipients decides (recipients.ts). */
  recipients(segment: Segment, topic: string): Promise<Recipient[]>
  /** How many recipients(segment, topic) would give, and its first ten: the segment editor's live count. */
  countRecipients(segment: Segment, topic: string): Promise<{ count: number; first: Recipient[] }>
  /** Removes the rows of a plan that was cut short before it was complete (nothing of it was sent). */
  clearPlan(id: string): Promise<void>
  insertDeliveries(id: string, rows: { recipient: Recipient; batch: number }[]): Promise<void>
  markPlanned(id: string, recipients: number, at: Date): Promise<void>
  /** Batch numbers with at least one delivery not yet accepted by the provider, ascending. */
  openBatches(id: string): Promise<number[]>
  /** Every recipient of the batch, accepted or not, in key order: a rerun sends exactly what the first try sent. */
  batchRecipients(id: string, batch: number): Promise<Recipient[]>
  markSent(id: string, batch: number, providerIds: Map<string, string>, at: Date): Promise<void>
}

/** The provider's answer to one batch: the id of each email, or why not (`status` 0: no answer at all). */
export type BatchResult = { ok: true; ids: string[] } | { ok: false; status: number; retryAfterSeconds: number | null; message: string }

/** Hands a batch to the provider (Resend's POST /emails/batch, or the outbox). */
export interface BatchSender {
  send(emails: BroadcastEmail[], idempotencyKey: string): Promise<BatchResult>
}

export interface Clock {
  now(): Date
  sleep(ms: number): Promise<void>
}

/** A batch the provider refused: the job fails and Payload retries it with backoff, with the same keys. */
export class BroadcastSendError extends Error {
  override readonly name = 'BroadcastSendError'
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/**
 * The Idempotency-Key of one batch: the broadcast, the batch number and its recipients, so a rerun
 * of the same batch is recognised by Resend (kept 24 hours) and a different batch never is.
 * @example batchKey('3', 0, ['l:1', 'm:2']) // 'broadcast-3-0-…'
 */
export function batchKey(broadcastId: string, batch: number, recipientKeys: readonly string[]): string {
  return `broadcast-${broadcastId}-${batch}-${createHash('sha256').update(recipientKeys.join('\n')).digest('hex').slice(0, 32)}`
}

/** Longest wait on a 429 inside one run; beyond it the job ends and its retry waits instead. */
const MAX_RATE_WAIT_MS = 60_000
const MAX_RATE_RETRIES = 5

export interface SendInput {
  broadcastId: string
  store: BroadcastStore
  sender: BatchSender
  render: (recipient: Recipient) => BroadcastEmail
  clock: Clock
  /**
   * Batches in flight at once. One request at a time is bound by the provider's answer time (about
   * three batches a second), far below the ten a second Resend can take; each batch keeps its own
   * key and its own 429 waits, so nothing about exactly-once changes. Default 1.
   */
  concurrency?: number
}

export type SendOutcome = 'missing' | 'not-due' | 'stopped' | 'sent'

async function plan(store: BroadcastStore, broadcast: BroadcastPlan, now: Date): Promise<void> {
  await store.clearPlan(broadcast.id)
  const recipients = await store.recipients(broadcast.segment, broadcast.topic)
  const rows = recipients.map((recipient, i) => ({ recipient, batch: Math.floor(i / BATCH_SIZE) }))
  for (let i = 0; i < rows.length; i += 1000) await store.insertDeliveries(broadcast.id, rows.slice(i, i + 1000))
  await store.markPlanned(broadcast.id, recipients.length, now)
}

async function sendBatch(input: SendInput, batch: number): Promise<void> {
  const { broadcastId, store, sender, render, clock } = input
  const recipients = await store.batchRecipients(broadcastId, batch)
  const emails = recipients.map(render)
  const key = batchKey(
    broadcastId,
    batch,
    recipients.map((r) => r.key),
  )
  for (let attempt = 0; ; attempt += 1) {
    const result = await sender.send(emails, key)
    if (result.ok) {
      await store.markSent(broadcastId, batch, new Map(recipients.map((r, i) => [r.key, result.ids[i] ?? ''])), clock.now())
      return
    }
    // 429: slow down as told. 0: no answer (a connection dropped, a timeout): whether the provider took
    // the batch is unknown, and sending it again under its key is exactly what the key is for.
    const wait = (result.retryAfterSeconds ?? 1) * 1000
    if ((result.status !== 429 && result.status !== 0) || attempt >= MAX_RATE_RETRIES || wait > MAX_RATE_WAIT_MS)
      throw new BroadcastSendError(result.status, `The provider refused batch ${batch}: ${result.message}`)
    await clock.sleep(wait)
  }
}

/**
 * Sends a broadcast that is due: plans its recipients once (segment less suppressions less
 * unsubscribed, written as delivery rows in batches of 100), then hands each open batch to the
 * provider with its key (several at once when `concurrency` says so), checking before each batch
 * whether an editor paused or cancelled it.
 * Safe to run again after any stop: accepted batches are skipped, an unanswered one is re-sent
 * with the same key, so nobody gets the broadcast twice.
 */
export async function sendBroadcast(input: SendInput): Promise<SendOutcome> {
  const { broadcastId, store, clock } = input
  const broadcast = await store.loadBroadcast(broadcastId)
  if (!broadcast) return 'missing'
  if (broadcast.status !== 'scheduled' && broadcast.status !== 'sending') return 'stopped'
  if (broadcast.status === 'scheduled' && broadcast.sendAt && Date.parse(broadcast.sendAt) > clock.now().getTime()) return 'not-due'
  if (broadcast.status === 'scheduled') await store.setStatus(broadcastId, 'sending', clock.now())
  if (!broadcast.plannedAt) await plan(store, broadcast, clock.now())
  const open = await store.openBatches(broadcastId)
  let next = 0
  let stopped = false
  // Each lane takes the next open batch, checking first that nobody paused or cancelled the send;
  // a lane that fails stops the others from taking more, and the job's retry resumes the rest.
  const lane = async () => {
    while (!stopped && next < open.length) {
      const batch = open[next++]!
      if ((await store.loadBroadcast(broadcastId))?.status !== 'sending') {
        stopped = true
        return
      }
      try {
        await sendBatch(input, batch)
      } catch (error) {
        stopped = true
        throw error
      }
    }
  }
  const lanes = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(input.concurrency ?? 1, open.length)) }, lane))
  const failed = lanes.find((l): l is PromiseRejectedResult => l.status === 'rejected')
  if (failed) throw failed.reason
  if (stopped) return 'stopped'
  await store.setStatus(broadcastId, 'sent', clock.now())
  return 'sent'
}
