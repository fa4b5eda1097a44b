// Erasure plans for particular cases: phone and WeChat identities, a member with nothing else, a record found twice, unknown fields.
import { describe, expect, it } from 'vitest'

import { erasurePlan } from './erasure-plan'
import { lead, member, now, sources } from './erasure-plan.test-helper'

describe('erasurePlan', () => {
  it('deletes the member’s phone numbers and WeChat accounts before the member', () => {
    const withIdentities = erasurePlan(member, { ...sources, identityIds: [91, 92] }, { actor: 'member', now })
    const order = withIdentities.delete.map((d) => `${d.collection}:${d.id}`)
    expect(order.filter((d) => d.startsWith('member-identities:'))).toEqual(['member-identities:91', 'member-identities:92'])
    expect(order.indexOf('member-identities:92')).toBeLessThan(order.indexOf('members:7'))
    expect(withIdentities.audit.details).toMatchObject({ deleted: expect.objectContaining({ 'member-identities': 2 }) })
  })

  it('erases a member with nothing else', () => {
    const empty = erasurePlan(
      member,
      { leads: [], submissions: [], touches: [], consentIds: [], pointsIds: [], codeIds: [], outboxIds: [], referredMemberIds: [] },
      { actor: 'admin', now },
    )
    expect(empty).toEqual({
      anonymise: [],
      delete: [{ collection: 'members', id: 7 }],
      audit: {
        action: 'member-erased',
        memberId: '7',
        actor: 'admin',
        at: '2026-03-03T10:00:00.000Z',
        details: { anonymised: {}, deleted: { members: 1 } },
      },
    })
  })

  it('lists a record once even when it is found twice', () => {
    const twice = erasurePlan(member, { ...sources, leads: [lead, lead], consentIds: [51, 51, '51'] }, { actor: 'member', now })
    expect(twice.anonymise.filter((a) => a.collection === 'leads')).toHaveLength(1)
    expect(twice.delete.filter((d) => d.collection === 'consent-log')).toEqual([{ collection: 'consent-log', id: 51 }])
  })

  it('clears touch fields it does not know, but never prototype keys', () => {
    const odd = JSON.parse(
      '{"id": 1, "channel": "x", "deviceId": "d-1", "__proto__": {"polluted": true}, "at": "2026-01-01T00:00:00.000Z"}',
    )
    const [write] = erasurePlan(
      member,
      { ...sources, leads: [], deliveryIds: [], submissions: [], referredMemberIds: [], touches: [odd] },
      { actor: 'member', now },
    ).anonymise
    expect(write).toEqual({ collection: 'touches', id: 1, data: { deviceId: null, landingPage: null } })
    expect(Object.getPrototypeOf(write!.data)).toBe(Object.prototype)
  })
})
