import { describe, expect, it } from 'vitest'

import { ERASED_ADDRESS } from './erasure-plan'
import { buildLeadExport, leadErasurePlan, leadExportFilename } from './lead-rights'
import type { LeadRecord } from './records'

const now = new Date('2026-03-03T10:00:00.000Z')
const lead: LeadRecord = {
  id: 12,
  email: 'mei@example.com',
  phone: '+8613800138000',
  name: 'Mei',
  notes: 'Wants a quote',
  status: 'qualified',
  score: 40,
  owner: 4,
  createdAt: '2026-01-01T00:00:00.000Z',
  firstTouch: {
    channel: 'wechat',
    referrer: 'https://mp.weixin.qq.com/s?u=mei',
    landingPage: '/zh/spring?email=mei@example.com',
    at: '2026-01-01T00:00:00.000Z',
  },
}

describe('buildLeadExport', () => {
  it('holds the person’s own data in time order, and not the brand’s notes or owner', () => {
    const document = buildLeadExport(
      {
        lead,
        submissions: [{ id: 3, form: { id: 1, title: 'Contact' }, values: { message: 'Hi' }, createdAt: '2026-01-01T00:01:00.000Z' }],
        touches: [
          { channel: 'search', at: '2026-01-03T00:00:00.000Z' },
          { channel: 'wechat', at: '2026-01-01T00:00:00.000Z' },
        ],
        consents: [{ topic: 'newsletter', subscribed: true, at: '2026-01-02T00:00:00.000Z', source: 'newsletter-form' }],
        activity: [
          { kind: 'page-view', at: '2026-01-05T00:00:00.000Z', path: '/blog/b' },
          { kind: 'download', at: '2026-01-04T00:00:00.000Z', ref: '9' },
        ],
      },
      { now },
    )
    expect(document).toMatchObject({
      schema: 'brand-site/lead-data',
      version: 1,
      exportedAt: now.toISOString(),
      lead: { id: '12', email: 'mei@example.com', phone: '+8613800138000', name: 'Mei', status: 'qualified', score: 40 },
      submissions: [{ id: '3', form: { id: '1', title: 'Contact' }, values: { message: 'Hi' } }],
      consents: { current: { newsletter: { subscribed: true } } },
      activity: [
        { kind: 'download', at: '2026-01-04T00:00:00.000Z', path: null },
        { kind: 'page-view', at: '2026-01-05T00:00:00.000Z', path: '/blog/b' },
      ],
    })
    expect(document.touches.map((t) => t.channel)).toEqual(['wechat', 'search'])
    expect(JSON.stringify(document)).not.toContain('Wants a quote')
    expect(leadExportFilename('12/../x', now)).toBe('lead-data-12x-2026-03-03.json')
  })
})

describe('leadErasurePlan', () => {
  const plan = leadErasurePlan(
    lead,
    {
      submissions: [{ id: 3, form: 1, values: { message: 'Hi' }, attachments: [21], createdAt: '2026-01-01T00:01:00.000Z' }],
      touches: [
        {
          id: 5,
          visitor: 'vAAAAAAAAAAAAAAAAAAAAAA',
          channel: 'wechat',
          referrer: 'https://x.example/?u=mei',
          at: '2026-01-01T00:00:00.000Z',
        },
      ],
      consentIds: [31],
      deliveryIds: [41],
      outboxIds: [51, 52],
      broadcastDeliveryIds: [61],
    },
    { actor: 'sales', now, pseudonym: 'vBBBBBBBBBBBBBBBBBBBBBB' },
  )

  it('anonymises the lead and what must stay for the counts, and deletes files, consents and mail', () => {
    expect(plan.anonymise.map((s) => `${s.collection}:${s.id}`)).toEqual([
      'leads:12',
      'lead-deliveries:41',
      'submissions:3',
      'touches:5',
      'broadcast-deliveries:61',
    ])
    expect(plan.anonymise[0]!.data).toMatchObject({
      email: null,
      phone: null,
      name: null,
      notes: null,
      anonymisedAt: now.toISOString(),
      firstTouch: { channel: 'wechat', referrer: null, landingPage: '/zh/spring' },
    })
    expect(plan.anonymise[3]!.data).toMatchObject({ visitor: 'vBBBBBBBBBBBBBBBBBBBBBB', referrer: null })
    expect(plan.anonymise[4]!.data).toEqual({ email: ERASED_ADDRESS, name: null })
    expect(plan.delete.map((s) => `${s.collection}:${s.id}`)).toEqual(['lead-files:21', 'consent-log:31', 'outbox:51', 'outbox:52'])
  })

  it('audits by lead id only, with the counts and the suppression', () => {
    expect(plan.audit).toEqual({
      action: 'lead-erased',
      leadId: '12',
      actor: 'sales',
      at: now.toISOString(),
      details: {
        anonymised: { leads: 1, 'lead-deliveries': 1, submissions: 1, touches: 1, 'broadcast-deliveries': 1 },
        deleted: { 'lead-files': 1, 'consent-log': 1, outbox: 2 },
        suppressed: true,
      },
    })
  })
})
