// Erasure of a phone member: their numbers, codes and texts go with them.
import { describe, expect, it } from 'vitest'

import { h, identityOf, payload, textedCode, usePhoneSignIn } from './phone-sign-in-harness'

usePhoneSignIn()

describe('erasure', () => {
  it('erases a phone member’s numbers, codes and texts with the member', async () => {
    // A member of its own: signed up by phone here, so this test needs no other to run first.
    const ip = '198.51.100.90'
    expect((await h.call('POST', '/en/account/sign-in/phone', { body: { phone: '13500135000' }, ip })).status).toBe(200)
    const signedUp = await h.call('POST', '/en/account/sign-in/phone', {
      body: { phone: '13500135000', code: await textedCode('+8613500135000') },
      ip,
    })
    expect(signedUp.status).toBe(200)
    const member = (await payload.find({ collection: 'members', where: { phone: { equals: '+8613500135000' } }, depth: 0 })).docs[0]!
    const { eraseMember } = await import('../../site/lib/account/data-rights')
    const { membersStore } = await import('../../cms/members/store')
    const plan = await eraseMember((await membersStore(payload).memberById(member.id))!, 'admin')
    expect(plan.delete).toContainEqual({ collection: 'member-identities', id: expect.anything() })
    expect(await identityOf('phone:+8613500135000')).toBeUndefined()
    expect((await payload.find({ collection: 'member-codes', where: { subject: { equals: '+8613500135000' } }, depth: 0 })).totalDocs).toBe(
      0,
    )
    expect((await payload.find({ collection: 'outbox', where: { to: { equals: '+8613500135000' } }, depth: 0 })).totalDocs).toBe(0)
    expect((await payload.find({ collection: 'members', where: { id: { equals: member.id } }, depth: 0 })).totalDocs).toBe(0)
  })
})
