import { describe, expect, it } from 'vitest'

import { anonymiseTouch, erasurePlan, type ErasureSources } from './erasure-plan'
import type { LeadRecord, MemberRecord, SubmissionRecord } from './records'

const now = new Date('2026-03-03T10:00:00.000Z')
const touch = {
  channel: 'wechat',
  source: 'wechat',
  medium: 'moments',
  campaign: '春季发布',
  content: 'poster-a',
  term: null,
  referrer: 'https://mp.weixin.qq.com/s/abc?openid=me',
  landingPage: '/zh/spring?email=li@example.com#top',
  campaignLink: 'spring',
  referralCode: 'K7MQ2WXA',
  at: '2026-01-01T08:00:00.000Z',
}
const anonymousTouch = {
  channel: 'wechat',
  source: 'wechat',
  medium: 'moments',
  campaign: '春季发布',
  content: 'poster-a',
  term: null,
  referrer: null,
  landingPage: '/zh/spring',
  campaignLink: 'spring',
  referralCode: 'K7MQ2WXA',
  at: '2026-01-01T08:00:00.000Z',
}
const member: MemberRecord = { id: 7, email: 'li.lei@example.com', name: '李雷', lead: 12, createdAt: '2026-01-02T00:00:00.000Z' }
const lead: LeadRecord = {
  id: 12,
  email: 'li.lei@example.com',
  phone: '+8613800138000',
  name: '李雷',
  status: 'qualified',
  owner: 4,
  score: 30,
  notes: 'Called; wife is Han Meimei.',
  deliveryProblem: 'bounced: li.lei@example.com',
  firstTouch: touch,
  lastTouch: { ...touch, channel: 'direct' },
}
const submission: SubmissionRecord = {
  id: 21,
  form: 2,
  lead: 12,
  values: { name: '李雷', email: 'li.lei@example.com', message: 'Call me at 138…', size: 'm' },
  consents: [{ field: 'ok', text: 'I agree.', at: '2026-02-01T00:00:00.000Z' }],
  attachments: [{ id: 31 }, 32],
  locale: 'zh-CN',
  pageUrl: 'https://brand.example/zh/contact?email=li.lei@example.com',
  userAgent: 'Mozilla/5.0',
  ipHash: 'abc123',
  visitor: 'visitor-uuid',
  firstTouch: touch,
  lastTouch: null,
  spamScore: 0,
  isSpam: false,
  conflict: 'phone also matches lead 13',
  createdAt: '2026-02-01T00:00:00.000Z',
}
const sources: ErasureSources = {
  leads: [lead],
  submissions: [submission, { ...submission, id: 22, attachments: [32] }],
  touches: [
    {
      id: 41,
      ...touch,
      lead: 12,
      visitor: 'visitor-uuid',
      member: 7,
      ipHash: 'abc123',
      userAgent: 'Mozilla/5.0',
      createdAt: '2026-01-01T08:00:00.000Z',
    },
  ],
  consentIds: [51, 52],
  pointsIds: [61],
  codeIds: [71],
  sessionIds: [81],
  outboxIds: [81],
  referredMemberIds: [9],
  deliveryIds: [15],
}

describe('erasurePlan', () => {
  it('deletes the member’s phone numbers and WeChat accounts before the member', () => {
    const withIdentities = erasurePlan(member, { ...sources, identityIds: [91, 92] }, { actor: 'member', now })
    const order = withIdentities.delete.map((d) => `${d.collection}:${d.id}`)
    expect(order.filter((d) => d.startsWith('member-identities:'))).toEqual(['member-identities:91', 'member-identities:92'])
    expect(order.indexOf('member-identities:92')).toBeLessThan(order.indexOf('members:7'))
    expect(withIdentities.audit.details).toMatchObject({ deleted: expect.objectContaining({ 'member-identities': 2 }) })
  })

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

describe('anonymiseTouch', () => {
  it.each<[unknown, unknown]>([
    [null, null],
    ['wechat', null],
    [
      { channel: 'direct', landingPage: 'not a url at all %%', at: '2026-01-01T00:00:00.000Z' },
      {
        channel: 'direct',
        source: null,
        medium: null,
        campaign: null,
        content: null,
        term: null,
        referrer: null,
        landingPage: '/not%20a%20url%20at%20all%20%%',
        campaignLink: null,
        referralCode: null,
        at: '2026-01-01T00:00:00.000Z',
      },
    ],
    [
      { channel: 'direct', landingPage: 'https://brand.example/a/b?x=1', ipHash: 'h', email: 'a@b.c' },
      {
        channel: 'direct',
        source: null,
        medium: null,
        campaign: null,
        content: null,
        term: null,
        referrer: null,
        landingPage: '/a/b',
        campaignLink: null,
        referralCode: null,
        at: null,
      },
    ],
  ])('anonymises %j', (input, expected) => {
    expect(anonymiseTouch(input as never)).toEqual(expected)
  })
})
