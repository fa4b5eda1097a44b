// The records erasure-plan-*.test.ts plan an erasure for: a member, their lead, two submissions and a touch
// carrying personal values in every field that can hold one, and the touch as it must be left.
import type { ErasureSources } from './erasure-plan'
import type { LeadRecord, MemberRecord, SubmissionRecord } from './records'

export const now = new Date('2026-03-03T10:00:00.000Z')
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
export const anonymousTouch = {
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
export const member: MemberRecord = { id: 7, email: 'li.lei@example.com', name: '李雷', lead: 12, createdAt: '2026-01-02T00:00:00.000Z' }
export const lead: LeadRecord = {
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
export const sources: ErasureSources = {
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
