// Shared by the broadcasts-*.test.ts files: a real Payload on its own SQLite file (one per test file,
// see payload.ts), Resend's batch API on a local port, the newsletter's members, and the helpers that
// schedule and send a broadcast. The bindings below are live: each test file calls useBroadcasts()
// once, and they are set in its beforeAll.
import type { Payload } from 'payload'
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, vi } from 'vitest'

import type { User } from '../../cms/payload-types'
import { hashAddress } from '../../functions/broadcasts/recipients'
import { startFakeResendBatch } from './fake-resend-batch'
import { startPayload } from './payload'

const WEBHOOK_SECRET = `whsec_${Buffer.from('broadcast-webhook-test-secret').toString('base64')}`

export let payload: Payload
let cleanup: () => Promise<void>
export let resend: Awaited<ReturnType<typeof startFakeResendBatch>>
export let editor: User
export let newsletter: number
export const members: Record<string, number> = {}

export async function addMember(email: string, name: string | null, consents: { subscribed: boolean; at: string }[] = []) {
  const member = await payload.create({
    collection: 'members',
    data: { email, name, emailVerifiedAt: '2026-01-01T00:00:00.000Z' },
    overrideAccess: true,
  })
  for (const c of consents)
    await payload.create({
      collection: 'consent-log',
      data: { member: member.id, topic: 'newsletter', subscribed: c.subscribed, source: 'account-page', at: c.at },
      overrideAccess: true,
    })
  return member.id
}

/** Runs the queue as the worker does, with the clock at `at` (only Date is moved; timers run as usual). */
export async function runJobsAt(at: Date) {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(at)
  try {
    await payload.jobs.run({ queue: 'default' })
  } finally {
    vi.useRealTimers()
  }
}

/** A broadcast as an editor creates it through the API (access enforced): scheduled at `sendAt`. */
export async function scheduleBroadcast(subject: string, sendAt: Date) {
  const post = await payload.create({
    collection: 'posts',
    locale: 'en',
    data: {
      title: 'Spring launch',
      slug: `spring-${sendAt.getTime()}`,
      excerpt: 'What is new this spring.',
      _status: 'published',
      visibility: 'public',
    },
    draft: false,
    overrideAccess: true,
  })
  return payload.create({
    collection: 'broadcasts',
    locale: 'en',
    data: { subject, segment: newsletter, post: post.id, sendAt: sendAt.toISOString(), status: 'scheduled' },
    overrideAccess: false,
    user: editor,
  })
}

export const addressesOf = (emails: { to: string[] }[]) => emails.flatMap((e) => e.to).sort()
export const unsubscribeUrl = (header: string) => header.match(/<(https?:[^>]+)>/)![1]!

export function signed(id: string, body: string, at = new Date()) {
  const signature = new Webhook(WEBHOOK_SECRET).sign(id, at, body)
  return { id, timestamp: String(Math.floor(at.getTime() / 1000)), signature }
}

/**
 * Boots Payload for the calling test file with an editor, the newsletter segment, five members (Alice and
 * Erin subscribed, Bob unsubscribed, Carol never asked, Dave suppressed) and a lead without a member.
 */
export function useBroadcasts(): void {
  beforeAll(async () => {
    resend = await startFakeResendBatch()
    process.env.RESEND_API_KEY = 're_test_key'
    process.env.RESEND_BASE_URL = resend.url
    process.env.RESEND_WEBHOOK_SECRET = WEBHOOK_SECRET
    process.env.EMAIL_FROM = 'Brand <news@brand.example>'
    ;({ payload, cleanup } = await startPayload())
    editor = {
      ...(await payload.create({
        collection: 'users',
        data: { email: 'editor@brand.example', password: 'a long editor password', role: 'editor' },
        overrideAccess: true,
      })),
      collection: 'users',
    }
    newsletter = (await payload.find({ collection: 'segments', where: { slug: { equals: 'newsletter' } }, overrideAccess: true })).docs[0]!
      .id
    await payload.updateGlobal({
      slug: 'site-settings',
      locale: 'en',
      data: { brandName: 'Brand', postalAddress: '1 Harbour Road, Shanghai' },
      overrideAccess: true,
    })
    members.alice = await addMember('alice@people.example', 'Alice', [{ subscribed: true, at: '2026-01-02T00:00:00.000Z' }])
    members.bob = await addMember('bob@people.example', 'Bob', [
      { subscribed: true, at: '2026-01-02T00:00:00.000Z' },
      { subscribed: false, at: '2026-01-03T00:00:00.000Z' },
    ])
    members.carol = await addMember('carol@people.example', 'Carol')
    members.dave = await addMember('dave@people.example', 'Dave', [{ subscribed: true, at: '2026-01-02T00:00:00.000Z' }])
    members.erin = await addMember('erin@people.example', null, [{ subscribed: true, at: '2026-01-02T00:00:00.000Z' }])
    await payload.create({
      collection: 'suppressions',
      data: { addressHash: hashAddress('Dave@People.example'), reason: 'complaint', at: '2026-01-04T00:00:00.000Z' },
      overrideAccess: true,
    })
    await payload.create({
      collection: 'leads',
      data: { email: 'lead-only@people.example', name: 'Lead Only', status: 'new' },
      draft: false,
      overrideAccess: true,
    })
  })

  afterAll(async () => {
    await cleanup?.()
    await resend?.close()
  })
}

/** The consent-log entry a one-click unsubscribe from a broadcast's List-Unsubscribe URL leaves (broadcasts-send.test.ts). */
export async function unsubscribedByEmailLink(member: number) {
  await payload.create({
    collection: 'consent-log',
    data: { member, topic: 'newsletter', subscribed: false, source: 'email-link', at: new Date().toISOString() },
    overrideAccess: true,
  })
}
