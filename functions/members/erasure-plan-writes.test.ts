// The writes of a member's erasure: what is anonymised and what deleted, in order, and the audit entry, by id and counts only.
import { describe, expect, it } from 'vitest'

import { erasurePlan } from './erasure-plan'
import { anonymousTouch, member, now, sources } from './erasure-plan.test-helper'

describe('erasurePlan', () => {
  const plan = erasurePlan(member, sources, { actor: 'member', now, pseudonym: 'vERASEDERASEDERASEDERAS' })

  it('anonymises leads, submissions and touches, keeping what the funnel counts', () => {
    expect(plan.anonymise).toEqual([
      { collection: 'members', id: 9, data: { referredBy: null } },
      {
        collection: 'leads',
        id: 12,
        data: {
          email: null,
          phone: null,
          name: null,
          notes: null,
          deliveryProblem: null,
          firstTouch: anonymousTouch,
          lastTouch: { ...anonymousTouch, channel: 'direct' },
          member: null,
          anonymisedAt: '2026-03-03T10:00:00.000Z',
        },
      },
      { collection: 'lead-deliveries', id: 15, data: { to: null, providerId: null, reason: null } },
      {
        collection: 'submissions',
        id: 21,
        data: {
          values: {},
          consents: [],
          attachments: [],
          pageUrl: '/zh/contact',
          userAgent: null,
          ipHash: null,
          visitor: null,
          conflict: null,
          firstTouch: anonymousTouch,
          lastTouch: null,
          anonymisedAt: '2026-03-03T10:00:00.000Z',
        },
      },
      {
        collection: 'submissions',
        id: 22,
        data: {
          values: {},
          consents: [],
          attachments: [],
          pageUrl: '/zh/contact',
          userAgent: null,
          ipHash: null,
          visitor: null,
          conflict: null,
          firstTouch: anonymousTouch,
          lastTouch: null,
          anonymisedAt: '2026-03-03T10:00:00.000Z',
        },
      },
      {
        collection: 'touches',
        id: 41,
        data: {
          referrer: null,
          visitor: 'vERASEDERASEDERASEDERAS',
          member: null,
          ipHash: null,
          userAgent: null,
          landingPage: '/zh/spring',
        },
      },
    ])
  })

  it('deletes the member last, after their files, consents, points, codes and mail', () => {
    expect(plan.delete).toEqual([
      { collection: 'lead-files', id: 31 },
      { collection: 'lead-files', id: 32 },
      { collection: 'consent-log', id: 51 },
      { collection: 'consent-log', id: 52 },
      { collection: 'points-ledger', id: 61 },
      { collection: 'member-codes', id: 71 },
      { collection: 'member-sessions', id: 81 },
      { collection: 'outbox', id: 81 },
      { collection: 'members', id: 7 },
    ])
  })

  it('leaves no personal value anywhere in the writes', () => {
    const written = JSON.stringify(plan.anonymise)
    for (const personal of [
      'li.lei@example.com',
      '李雷',
      '+8613800138000',
      'abc123',
      'Mozilla',
      'Han Meimei',
      'openid=me',
      'visitor-uuid',
      're_1',
      'sales@brand.example',
      'Call me',
    ])
      expect(written).not.toContain(personal)
  })

  it('records the erasure by id and counts only', () => {
    expect(plan.audit).toEqual({
      action: 'member-erased',
      memberId: '7',
      actor: 'member',
      at: '2026-03-03T10:00:00.000Z',
      details: {
        anonymised: { members: 1, leads: 1, 'lead-deliveries': 1, submissions: 2, touches: 1 },
        deleted: { 'lead-files': 2, 'consent-log': 2, 'points-ledger': 1, 'member-codes': 1, 'member-sessions': 1, outbox: 1, members: 1 },
      },
    })
    expect(JSON.stringify(plan.audit)).not.toContain('example.com')
  })
})
