// Issue 11, item 2: pre-hijacking. Someone signs up with another person's email and keeps the
// session (and the password). When that email is first confirmed, every other session of the
// member ends and a password set before confirmation no longer signs in.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { harness } from './members-harness'
import { startPayload } from './payload'

let payload: Payload
let cleanup: () => Promise<void>
let h: ReturnType<typeof harness>

const ATTACKER_PASSWORD = 'Mallory-owns 4242'
const WRONG = { error: { code: 'wrong-credentials', message: expect.any(String) } }

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  h = harness(payload)
})
afterAll(async () => cleanup?.())

async function attackerSignsUp(email: string, ip: string) {
  const res = await h.call('POST', '/en/account/sign-up', { body: { email, password: ATTACKER_PASSWORD, name: 'Mallory' }, ip })
  expect(res.status).toBe(201)
  return h.sessionOf(res)
}

/** Where a request with this cookie lands: 200 signed in, 303 to the sign-in page when the session is gone. */
const statusOf = async (cookie: string) => (await h.call('GET', '/en/account/requests', { cookie })).status

describe('the first confirmation of an email ends the sessions and the password set before it', () => {
  it('the owner signs in by code: the attacker’s session is revoked and their password no longer works', async () => {
    const email = 'owner-code@example.com'
    const attacker = await attackerSignsUp(email, '198.51.100.70')
    expect(await statusOf(attacker)).toBe(200)
    expect((await h.call('POST', '/en/account/sign-in/code', { body: { email }, ip: '198.51.100.71' })).status).toBe(200)
    const signedIn = await h.call('POST', '/en/account/sign-in/code', {
      body: { email, code: await h.codeFor(email, 'sign-in') },
      ip: '198.51.100.71',
    })
    expect([signedIn.status, signedIn.json]).toEqual([200, { ok: true, verified: true }])
    expect(await statusOf(attacker)).toBe(303)
    expect(await statusOf(h.sessionOf(signedIn))).toBe(200)
    const again = await h.call('POST', '/en/account/sign-in', { body: { email, password: ATTACKER_PASSWORD }, ip: '198.51.100.70' })
    expect([again.status, again.json]).toEqual([401, WRONG])
    const member = (await payload.find({ collection: 'members', where: { email: { equals: email } }, depth: 0, showHiddenFields: true }))
      .docs[0]!
    expect([typeof member.emailVerifiedAt, member.passwordHash ?? null]).toEqual(['string', null])
  })

  it('the owner resets the password by code: the attacker’s session is revoked, only the new password works', async () => {
    const email = 'owner-reset@example.com'
    const attacker = await attackerSignsUp(email, '198.51.100.72')
    expect((await h.call('POST', '/en/account/forgot', { body: { email }, ip: '198.51.100.73' })).status).toBe(200)
    const reset = await h.call('POST', '/en/account/reset', {
      body: { email, code: await h.codeFor(email, ''), password: 'Harbour-lights 2026 back' },
      ip: '198.51.100.73',
    })
    expect([reset.status, reset.json]).toEqual([200, { ok: true, verified: true }])
    expect(await statusOf(attacker)).toBe(303)
    expect(
      (await h.call('POST', '/en/account/sign-in', { body: { email, password: ATTACKER_PASSWORD }, ip: '198.51.100.72' })).status,
    ).toBe(401)
    expect(
      (await h.call('POST', '/en/account/sign-in', { body: { email, password: 'Harbour-lights 2026 back' }, ip: '198.51.100.73' })).status,
    ).toBe(200)
  })

  it('confirming in the session that signed up keeps its password but ends every other session', async () => {
    const email = 'own-signup@example.com'
    const first = await attackerSignsUp(email, '198.51.100.74')
    const other = h.sessionOf(
      await h.call('POST', '/en/account/sign-in', { body: { email, password: ATTACKER_PASSWORD }, ip: '198.51.100.75' }),
    )
    expect(await statusOf(other)).toBe(200)
    const verified = await h.call('POST', '/en/account/verify', {
      body: { code: await h.codeFor(email) },
      cookie: first,
      ip: '198.51.100.74',
    })
    expect(verified.status).toBe(200)
    expect([await statusOf(first), await statusOf(other)]).toEqual([200, 303])
    expect(
      (await h.call('POST', '/en/account/sign-in', { body: { email, password: ATTACKER_PASSWORD }, ip: '198.51.100.74' })).status,
    ).toBe(200)
  })

  it('an unconfirmed account cannot add a phone number, which would outlive the owner’s confirmation', async () => {
    const email = 'owner-phone@example.com'
    const attacker = await attackerSignsUp(email, '198.51.100.76')
    const added = await h.call('POST', '/en/account/sign-in/phone', {
      body: { phone: '13700137000' },
      cookie: attacker,
      ip: '198.51.100.76',
    })
    expect([added.status, added.json]).toEqual([
      403,
      { error: { code: 'email-unconfirmed', message: 'Confirm your email first, then add a phone number.' } },
    ])
    expect(
      (await payload.find({ collection: 'member-identities', where: { key: { equals: 'phone:+8613700137000' } }, depth: 0 })).totalDocs,
    ).toBe(0)
    expect((await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'sendPhoneCode' } }, depth: 0 })).totalDocs).toBe(
      0,
    )
  })
})
