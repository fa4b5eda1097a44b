import { describe, expect, it } from 'vitest'

import type { ConsentEntry } from './consent-log'
import { buildMemberExport, EXPORT_SCHEMA, exportAuditEntry, exportFilename, exportTouch } from './data-export'
import type { PointsEntry } from './points'
import type { MemberRecord, SubmissionRecord } from './records'

const now = new Date('2026-03-03T10:00:00.000Z')
const touch = {
  channel: 'wechat',
  source: 'wechat',
  medium: 'moments',
  campaign: '春季发布',
  content: null,
  term: null,
  referrer: 'https://mp.weixin.qq.com/s/abc',
  landingPage: '/zh/spring',
  campaignLink: 'spring',
  at: '2026-01-01T08:00:00.000Z',
}
const member: MemberRecord = {
  id: 7,
  email: 'li.lei@example.com',
  _verified: true,
  name: '李雷',
  company: 'Acme',
  jobTitle: null,
  phone: '+8613800138000',
  preferredLanguage: 'zh-CN',
  interests: ['ai'],
  referralCode: 'K7MQ2WXA',
  referredBy: { id: 3 },
  lead: 12,
  createdAt: '2026-01-02T00:00:00.000Z',
  // Secrets an auth collection holds: never exported.
  hash: 'pbkdf2-hash',
  salt: 'salt-value',
  sessions: [{ id: 'session-1', expiresAt: '2026-04-01T00:00:00.000Z' }],
  resetPasswordToken: 'reset-token',
  _verificationToken: 'verify-token',
  signInCode: { hash: 'code-hash' },
}
const submissions: SubmissionRecord[] = [
  {
    id: 21,
    form: { id: 2, title: 'Contact us' },
    lead: 12,
    values: { name: '李雷', message: '<script>alert(1)</script>', upload: { filename: 'cv.pdf' } },
    consents: [{ field: 'ok', text: 'I agree.', at: '2026-02-01T00:00:00.000Z' }],
    locale: 'zh-CN',
    pageUrl: 'https://brand.example/zh/contact?email=li.lei@example.com',
    userAgent: 'Mozilla/5.0',
    ipHash: 'abc123',
    firstTouch: touch,
    lastTouch: { ...touch, channel: 'direct' },
    status: 'In progress',
    createdAt: '2026-02-01T00:00:00.000Z',
  },
  { id: 20, form: 1, values: {}, createdAt: '2026-01-15T00:00:00.000Z' },
]
const consents: ConsentEntry[] = [
  { topic: 'newsletter', subscribed: false, at: '2026-02-10T00:00:00.000Z', source: 'email-link' },
  { topic: 'newsletter', subscribed: true, at: '2026-01-02T00:00:00.000Z', source: 'sign-up' },
]
const points: PointsEntry[] = [
  { kind: 'spend', reason: 'reward', points: -50, at: '2026-02-20T00:00:00.000Z', ref: 'redemption:1' },
  { kind: 'earn', reason: 'sign-up', points: 100, at: '2026-01-02T00:00:00.000Z', ref: 'member:7' },
]
const tiers = [
  { name: 'Member', minPoints: 0, benefits: [] },
  { name: 'Silver', minPoints: 100, benefits: ['Free shipping'] },
]

describe('buildMemberExport', () => {
  const exported = buildMemberExport(
    {
      member,
      submissions,
      touches: [
        { ...touch, id: 5, visitor: 'v-1', ipHash: 'x' },
        { channel: 'direct', at: '2025-12-31T00:00:00.000Z' },
      ],
      consents,
      points,
      tiers,
    },
    { now },
  )

  it('holds every part, in a stable shape, in time order', () => {
    expect(exported).toEqual({
      schema: 'brand-site/member-data',
      version: 1,
      exportedAt: '2026-03-03T10:00:00.000Z',
      account: {
        id: '7',
        email: 'li.lei@example.com',
        emailVerified: true,
        createdAt: '2026-01-02T00:00:00.000Z',
        referralCode: 'K7MQ2WXA',
        referredBy: '3',
      },
      profile: { name: '李雷', company: 'Acme', jobTitle: null, phone: '+8613800138000', preferredLanguage: 'zh-CN', interests: ['ai'] },
      submissions: [
        {
          id: '20',
          form: { id: '1', title: null },
          submittedAt: '2026-01-15T00:00:00.000Z',
          status: null,
          locale: null,
          pageUrl: null,
          values: {},
          consents: null,
          userAgent: null,
          ipHash: null,
          firstTouch: null,
          lastTouch: null,
        },
        {
          id: '21',
          form: { id: '2', title: 'Contact us' },
          submittedAt: '2026-02-01T00:00:00.000Z',
          status: 'In progress',
          locale: 'zh-CN',
          pageUrl: 'https://brand.example/zh/contact?email=li.lei@example.com',
          values: { name: '李雷', message: '<script>alert(1)</script>', upload: { filename: 'cv.pdf' } },
          consents: [{ field: 'ok', text: 'I agree.', at: '2026-02-01T00:00:00.000Z' }],
          userAgent: 'Mozilla/5.0',
          ipHash: 'abc123',
          firstTouch: { ...touch, referralCode: null },
          lastTouch: { ...touch, channel: 'direct', referralCode: null },
        },
      ],
      touches: [
        {
          channel: 'direct',
          source: null,
          medium: null,
          campaign: null,
          content: null,
          term: null,
          referrer: null,
          landingPage: null,
          campaignLink: null,
          referralCode: null,
          at: '2025-12-31T00:00:00.000Z',
        },
        { ...touch, referralCode: null },
      ],
      consents: {
        current: { newsletter: { subscribed: false, at: '2026-02-10T00:00:00.000Z', source: 'email-link' } },
        log: [consents[1], consents[0]],
      },
      points: { balance: 50, tier: 'Silver', entries: [points[1], points[0]] },
    })
  })

  it('never carries secrets from the member record', () => {
    const json = JSON.stringify(exported)
    for (const secret of ['pbkdf2-hash', 'salt-value', 'session-1', 'reset-token', 'verify-token', 'code-hash'])
      expect(json).not.toContain(secret)
  })

  it('copies values instead of sharing them', () => {
    expect(exported.submissions[1]!.values).not.toBe(submissions[0]!.values)
  })

  it('survives a bare member and hostile fields', () => {
    const bare = buildMemberExport(
      {
        member: {
          id: 'abc',
          email: 'x@example.com',
          createdAt: '2026-01-01T00:00:00.000Z',
          // Deliberately malformed stored values (name, interests, and the null touch below): the export must not trust them.
          name: 42 as unknown as string,
          interests: 'ai' as unknown as string[],
          ...JSON.parse('{"__proto__": {"polluted": true}}'),
        },
        submissions: [{ id: 1, form: 1, values: JSON.parse('{"__proto__": {"polluted": true}, "note": "x"}'), createdAt: 'not a date' }],
        touches: [null as never],
        consents: [],
        points: [],
        tiers: [],
      },
      { now },
    )
    expect(bare.account).toEqual({
      id: 'abc',
      email: 'x@example.com',
      emailVerified: false,
      createdAt: '2026-01-01T00:00:00.000Z',
      referralCode: null,
      referredBy: null,
    })
    expect(bare.profile).toEqual({ name: null, company: null, jobTitle: null, phone: null, preferredLanguage: null, interests: [] })
    expect(bare.touches).toEqual([])
    expect(bare.points).toEqual({ balance: 0, tier: null, entries: [] })
    expect(JSON.parse(JSON.stringify(bare)).schema).toBe(EXPORT_SCHEMA)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('exportTouch', () => {
  it('keeps only the touch fields', () => {
    // Deliberately a number where a date string belongs.
    expect(exportTouch({ channel: 'x', visitor: 'v-1', ipHash: 'h', at: 5 as unknown as string })).toEqual({
      channel: 'x',
      source: null,
      medium: null,
      campaign: null,
      content: null,
      term: null,
      referrer: null,
      landingPage: null,
      campaignLink: null,
      referralCode: null,
      at: null,
    })
    expect(exportTouch(null)).toBeNull()
  })
})

describe('exportFilename and audit', () => {
  it('names the file by member and day', () => {
    expect(exportFilename(7, now)).toBe('member-data-7-2026-03-03.json')
    expect(exportFilename('../../etc/passwd', now)).toBe('member-data-etcpasswd-2026-03-03.json')
  })

  it('records the export without personal data', () => {
    expect(exportAuditEntry(member, { actor: 'member', now })).toEqual({
      action: 'member-data-exported',
      memberId: '7',
      actor: 'member',
      at: '2026-03-03T10:00:00.000Z',
      details: { schema: 'brand-site/member-data', version: 1 },
    })
  })
})
