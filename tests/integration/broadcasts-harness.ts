import type { Payload } from 'payload'
import { Webhook } from 'standardwebhooks'
import { vi } from 'vitest'

import { hashAddress } from '../../functions/broadcasts/recipients'
import { startFakeResendBatch } from './fake-resend-batch'
import { startPayload } from './payload'

// The world the broadcast tests share: Payload on a fresh SQLite file, a fake Resend speaking its
// batch API, an editor, the newsletter segment, and five members (alice and erin subscribed, bob
// unsubscribed again, carol never asked, dave subscribed but suppressed after a complaint).

const WEBHOOK_SECRET = `whsec_${Buffer.from('broadcast-webhook-test-secret').toString('base64')}`

let payload: Payload
let editor: { id: number; collection: 'users' } & Record<string, unknown>
let newsletter: number

/** A member with a confirmed email and the given newsletter consents, as the account pages leave one. */
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

/** Every address the fake Resend received mail for, sorted. */
export const addressesOf = (emails: { to: string[] }[]) => emails.flatMap((e) => e.to).sort()
/** The HTTPS address in a List-Unsubscribe header. */
export const unsubscribeUrl = (header: string) => header.match(/<(https?:[^>]+)>/)![1]!

/** Standard Webhooks headers for `body`, signed with the test secret as Resend signs. */
export function signed(id: string, body: string, at = new Date()) {
  const signature = new Webhook(WEBHOOK_SECRET).sign(id, at, body)
  return { id, timestamp: String(Math.floor(at.getTime() / 1000)), signature }
}

/** Starts the world; `stop` closes Payload and the fake Resend. */
export async function startBroadcastWorld() {
  const resend = await startFakeResendBatch()
  process.env.RESEND_API_KEY = 're_test_key'
  process.env.RESEND_BASE_URL = resend.url
  process.env.RESEND_WEBHOOK_SECRET = WEBHOOK_SECRET
  process.env.EMAIL_FROM = 'Brand <news@brand.example>'
  const started = await startPayload()
  payload = started.payload
  editor = {
    ...(await payload.create({
      collection: 'users',
      data: { email: 'editor@brand.example', password: 'a long editor password', role: 'editor' },
      overrideAccess: true,
    })),
    collection: 'users',
  } as typeof editor
  newsletter = (await payload.find({ collection: 'segments', where: { slug: { equals: 'newsletter' } }, overrideAccess: true })).docs[0]!.id
  await payload.updateGlobal({
    slug: 'site-settings',
    locale: 'en',
    data: { brandName: 'Brand', postalAddress: '1 Harbour Road, Shanghai' },
    overrideAccess: true,
  })
  const members: Record<string, number> = {}
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
  const stop = async () => {
    await started.cleanup()
    await resend.close()
  }
  return { payload, resend, editor, newsletter, members, stop }
}
