// Issue 11, item 8: a stolen session cannot move an account to another email. The change needs the
// password (or a fresh code), takes effect only with a code sent to the new address, tells the old
// address, and answers the same whether or not the new address already has an account.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { harness } from './members-harness'
import { startPayload } from './payload'

let payload: Payload
let cleanup: () => Promise<void>
let h: ReturnType<typeof harness>
let owner: { cookie: string; member: { id: number | string } }

const PASSWORD = 'Lantern-garden 42'

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  h = harness(payload)
  await payload.updateGlobal({ slug: 'site-settings', locale: 'en', data: { brandName: 'Lantern Tea' } })
  owner = await h.signUp('owner@example.com', PASSWORD, { ip: '198.51.100.20' })
  await h.signUp('taken@example.com', 'Harbour-lights 77', { ip: '198.51.100.21' })
})
afterAll(async () => cleanup?.())

const mailTo = async (to: string) => {
  await payload.jobs.run({ limit: 50 })
  return (await payload.find({ collection: 'outbox', where: { to: { equals: to } }, sort: 'id', depth: 0 })).docs.map((d) =>
    String(d.subject),
  )
}
const emailOf = async () => (await payload.findByID({ collection: 'members', id: owner.member.id, depth: 0 })).email

describe('changing the email', () => {
  it('a session alone (no password) changes nothing and mails nothing', async () => {
    const res = await h.call('POST', '/en/account/email', {
      body: { email: 'thief@example.com' },
      cookie: owner.cookie,
      ip: '198.51.100.22',
    })
    expect([res.status, res.json?.error.code, Object.keys(res.json?.error.fields ?? {})]).toEqual([422, 'invalid-fields', ['password']])
    const wrong = await h.call('POST', '/en/account/email', {
      body: { email: 'thief@example.com', password: 'Not-it-at-all 1' },
      cookie: owner.cookie,
      ip: '198.51.100.22',
    })
    expect([wrong.status, wrong.json?.error.code]).toEqual([401, 'wrong-credentials'])
    expect(await mailTo('thief@example.com')).toEqual([])
    expect(await emailOf()).toBe('owner@example.com')
  })

  it('answers a taken address exactly as a free one, and mails no code to the taken one', async () => {
    const prober = await h.signUp('prober@example.com', PASSWORD, { ip: '198.51.100.23' })
    const taken = await h.call('POST', '/en/account/email', {
      body: { email: 'taken@example.com', password: PASSWORD },
      cookie: prober.cookie,
      ip: '198.51.100.23',
    })
    const prober2 = await h.signUp('prober2@example.com', PASSWORD, { ip: '198.51.100.25' })
    const free = await h.call('POST', '/en/account/email', {
      body: { email: 'free@example.com', password: PASSWORD },
      cookie: prober2.cookie,
      ip: '198.51.100.25',
    })
    expect([taken.status, taken.json]).toEqual([free.status, free.json])
    expect([taken.status, taken.json]).toEqual([200, { ok: true, sent: true }])
    expect((await mailTo('taken@example.com')).filter((s) => s.includes('new email'))).toEqual([])
    expect((await mailTo('free@example.com')).filter((s) => s.includes('new email'))).toHaveLength(1)
    expect((await payload.findByID({ collection: 'members', id: prober.member.id, depth: 0 })).email).toBe('prober@example.com')
  })

  it('takes effect only with the code sent to the new address, and tells the old address', async () => {
    const asked = await h.call('POST', '/en/account/email', {
      body: { email: 'new-home@example.com', password: PASSWORD },
      cookie: owner.cookie,
      ip: '198.51.100.24',
    })
    expect([asked.status, asked.json]).toEqual([200, { ok: true, sent: true }])
    expect(await emailOf()).toBe('owner@example.com')
    const code = await h.codeFor('new-home@example.com', 'new email')
    const done = await h.call('POST', '/en/account/email', { body: { code }, cookie: owner.cookie, ip: '198.51.100.24' })
    expect([done.status, done.json]).toEqual([200, { ok: true }])
    expect(await emailOf()).toBe('new-home@example.com')
    await payload.jobs.run({ limit: 50 })
    const notice = (
      await payload.find({
        collection: 'outbox',
        where: { and: [{ to: { equals: 'owner@example.com' } }, { subject: { contains: 'was changed' } }] },
        depth: 0,
      })
    ).docs
    expect(notice.map((d) => [d.subject, d.text])).toEqual([
      [
        'The email of your Lantern Tea account was changed',
        'The email of your account is now n*******@example.com. This address no longer signs in. If you did not make this change, ' +
          'reply to this email at once so that we can lock the account.',
      ],
    ])
  })
})
