// A lead's erasure: confirmed, everything personal removed, the address suppressed, audited once; not for a member's lead.
import { describe, expect, it } from 'vitest'

import {
  admin,
  base,
  call,
  find,
  hashAddress,
  leadWithHistory,
  otherSales,
  owner,
  payload,
  rights,
  useLeadRights,
} from './lead-rights-harness'

useLeadRights()

describe('a lead’s erasure', () => {
  it('needs the confirmation, then removes everything personal, suppresses the address and audits it once', async () => {
    const lead = await leadWithHistory('mei.erase@example.com', owner.id)
    expect((await call(rights.leadEraseEndpoint, otherSales, { id: lead.id, body: '{"confirm":"erase"}' })).status).toBe(403)
    const unconfirmed = await call(rights.leadEraseEndpoint, admin, { id: lead.id, body: '{}' })
    expect(unconfirmed.status).toBe(400)
    expect(unconfirmed.json()).toEqual({
      errors: [{ field: 'confirm', message: 'Send "confirm": "erase" to erase this person; it cannot be undone.' }],
    })

    const erased = await call(rights.leadEraseEndpoint, admin, { id: lead.id, body: '{"confirm":"erase"}' })
    expect(erased.status).toBe(200)
    const stored = await payload.findByID({ collection: 'leads', id: lead.id, depth: 0 })
    expect(stored).toMatchObject({ email: null, phone: null, name: null, status: 'new' })
    expect(stored.anonymisedAt).toEqual(expect.any(String))
    expect(stored.firstTouch).toMatchObject({ channel: 'wechat', referrer: null })
    const submissions = (await payload.find({ collection: 'submissions', where: { lead: { equals: lead.id } }, ...base })).docs
    expect(submissions.map((s) => [s.values, s.ipHash, s.userAgent])).toEqual([[{}, null, null]])
    expect(await find('outbox', { or: [{ to: { contains: 'mei.erase' } }, { replyTo: { contains: 'mei.erase' } }] })).toEqual([])
    expect(await find('consent-log', { lead: { equals: lead.id } })).toEqual([])
    expect(await find('lead-activity', { lead: { equals: lead.id } })).toEqual([])
    const suppressions = await payload.find({
      collection: 'suppressions',
      where: { addressHash: { equals: hashAddress('mei.erase@example.com') } },
      ...base,
    })
    expect(suppressions.docs.map((s) => s.reason)).toEqual(['erasure'])
    const audit = await find('audit-log', { leadId: { equals: String(lead.id) } })
    expect(audit).toMatchObject([{ action: 'lead-erased', actor: 'admin', details: { suppressed: true } }])
    expect(JSON.stringify(audit)).not.toContain('mei.erase')

    // A second request (a double click) changes nothing and says so; the export has nothing left to give.
    expect((await call(rights.leadEraseEndpoint, owner, { id: lead.id, body: '{"confirm":"erase"}' })).json()).toEqual({
      erased: true,
      already: true,
    })
    expect((await call(rights.leadExportEndpoint, admin, { id: lead.id })).status).toBe(410)
    expect(await find('audit-log', { leadId: { equals: String(lead.id) }, action: { equals: 'lead-erased' } })).toHaveLength(1)
  })

  it('refuses a member’s lead: the member’s own erasure covers it', async () => {
    const lead = await leadWithHistory('mei.member@example.com', owner.id)
    const member = await payload.create({ collection: 'members', data: { email: 'mei.member@example.com', lead: lead.id } })
    await payload.update({ collection: 'leads', id: lead.id, data: { member: member.id } })
    const response = await call(rights.leadEraseEndpoint, admin, { id: lead.id, body: '{"confirm":"erase"}' })
    expect(response.status).toBe(409)
    expect((await payload.findByID({ collection: 'leads', id: lead.id, depth: 0 })).email).toBe('mei.member@example.com')
  })
})
