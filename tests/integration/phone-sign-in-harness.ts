// Shared by the phone-sign-in-*.test.ts files: the account pages in-process against a real Payload on its own
// SQLite file (one per test file, see payload.ts), with no SMS credentials, so texts go to the Outbox. The bindings
// below are live: each test file calls usePhoneSignIn() once, and they are set in its beforeAll.
import type { Payload } from 'payload'
import { afterAll, beforeAll } from 'vitest'

import { harness } from './members-harness'
import { startPayload } from './payload'

export let payload: Payload
let cleanup: () => Promise<void>
export let h: ReturnType<typeof harness>

/** Boots Payload for the calling test file, with the brand named in both languages (the texts carry it). */
export function usePhoneSignIn(): void {
  beforeAll(async () => {
    ;({ payload, cleanup } = await startPayload())
    h = harness(payload)
    await payload.updateGlobal({ slug: 'site-settings', locale: 'en', data: { brandName: 'Lantern Tea' } })
    await payload.updateGlobal({ slug: 'site-settings', locale: 'zh-CN', data: { brandName: '灯笼茶' } })
  })
  afterAll(async () => cleanup?.())
}

/** Runs the queued jobs and returns the last code texted to `phone` through the Outbox. */
export async function textedCode(phone: string): Promise<string> {
  await payload.jobs.run({ limit: 50 })
  const { docs } = await payload.find({
    collection: 'outbox',
    where: { and: [{ to: { equals: phone } }, { kind: { equals: 'sms' } }] },
    sort: '-id',
    limit: 1,
    depth: 0,
  })
  const code = String(docs[0]?.text ?? '').match(/\b(\d{6})\b/)?.[1]
  if (!code) throw new Error(`No code texted to ${phone}`)
  return code
}

/** As if the last code to `phone` was sent an hour ago: its record and the one-a-minute counter are forgotten. */
export async function forgetLastCode(phone: string): Promise<void> {
  await payload.update({ collection: 'member-codes', where: { subject: { equals: phone } }, data: { record: null } })
  const client = (await import('../../cms/database')).requireSqliteClient(payload)
  await client.execute({ sql: 'DELETE FROM throttle_counters WHERE counter_key = ?', args: [`code-subject:sign-in:${phone}`] })
}

export const members = async () => (await payload.find({ collection: 'members', depth: 0, limit: 100 })).docs
export const identityOf = async (key: string) =>
  (await payload.find({ collection: 'member-identities', where: { key: { equals: key } }, depth: 0 })).docs[0]
