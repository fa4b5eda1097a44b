// A lead's data export: everything held about the person, for the lead's owner and admins only, audited.
import { describe, expect, it } from 'vitest'

import { admin, call, editor, find, leadWithHistory, otherSales, owner, rights, useLeadRights } from './lead-rights-harness'

useLeadRights()

describe('a lead’s data export', () => {
  it('gives the lead’s owner and admins everything held about the person, audited; others get 403', async () => {
    const lead = await leadWithHistory('mei.export@example.com', owner.id)
    for (const user of [null, editor, otherSales]) expect((await call(rights.leadExportEndpoint, user, { id: lead.id })).status).toBe(403)
    const response = await call(rights.leadExportEndpoint, owner, { id: lead.id })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="lead-data-\d+-\d{4}-\d{2}-\d{2}\.json"$/)
    const document = response.json() as Record<string, never>
    expect(document).toMatchObject({
      schema: 'brand-site/lead-data',
      lead: { email: 'mei.export@example.com', phone: '+8613800138000', name: 'Mei', status: 'new' },
      submissions: [{ values: { email: 'mei.export@example.com', message: 'Call me on 138 0013 8000' }, ipHash: 'abc' }],
      touches: [{ channel: 'wechat', at: '2026-03-01T10:00:00.000Z' }],
      consents: { current: { newsletter: { subscribed: true, source: 'newsletter-form' } } },
      activity: [{ kind: 'page-view', path: '/blog/tea', at: '2026-03-01T10:01:00.000Z' }],
    })
    expect(await find('audit-log', { leadId: { equals: String(lead.id) } })).toMatchObject([
      { action: 'lead-data-exported', actor: 'sales', memberId: null },
    ])
    expect((await call(rights.leadExportEndpoint, admin, { id: 999_999 })).status).toBe(404)
  })
})
