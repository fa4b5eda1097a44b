import type { Endpoint, Payload, PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startPayload } from './payload'

// The data rights of people who are leads and not members (issue 15): export and erasure by an
// admin or the lead's own sales person, and subscriber lists imported and exported as CSV.
let payload: Payload
let cleanup: () => Promise<void>
let rights: typeof import('../../cms/leads/rights')
let io: typeof import('../../cms/members/subscriber-io')
let hashAddress: typeof import('../../functions/broadcasts/recipients').hashAddress
type User = Record<string, unknown>
let admin: User
let owner: User
let otherSales: User
let editor: User

/** Calls an endpoint's handler as the CMS would: a real Request carrying Payload's additions. */
async function call(endpoint: Endpoint, user: User | null, init: { id?: string | number; body?: BodyInit; query?: object } = {}) {
  const request = new Request('http://cms.test/api/x', {
    method: endpoint.method.toUpperCase(),
    ...(init.body === undefined ? {} : { body: init.body, duplex: 'half' }),
  } as RequestInit)
  Object.assign(request, {
    payload,
    user,
    routeParams: { id: init.id === undefined ? undefined : String(init.id) },
    query: init.query ?? {},
  })
  const response = await endpoint.handler(request as unknown as PayloadRequest)
  const text = await response.text()
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as Record<string, unknown> }
}

const userOf = async (email: string, role: 'sales' | 'editor' | 'admin') => ({
  ...(await payload.create({ collection: 'users', data: { email, password: 'Lantern-garden 42', role, name: role } })),
  collection: 'users',
})
const base = { depth: 0, overrideAccess: true, limit: 0, pagination: false } as const
const find = async <S extends 'outbox' | 'consent-log' | 'lead-activity' | 'audit-log'>(collection: S, where: object) =>
  (await payload.find({ collection, where: where as never, ...base })).docs

async function leadWithHistory(email: string, ownerId: unknown) {
  const form = await payload.create({
    collection: 'forms',
    data: {
      name: `Contact ${email}`,
      defaultRecipient: 'sales@brand.example',
      fields: [{ name: 'email', type: 'email', label: 'Email' }],
    } as never,
  })
  const lead = await payload.create({
    collection: 'leads',
    data: {
      email,
      name: 'Mei',
      phone: '+8613800138000',
      status: 'new',
      owner: ownerId as number,
      firstTouch: { channel: 'wechat', referrer: 'https://mp.weixin.qq.com/s?u=mei' },
    },
  })
  await payload.create({
    collection: 'submissions',
    data: {
      form: form.id,
      lead: lead.id,
      values: { email, message: 'Call me on 138 0013 8000' },
      ipHash: 'abc',
      userAgent: 'Phone',
    } as never,
  })
  await payload.create({
    collection: 'touches',
    data: { visitor: 'vAAAAAAAAAAAAAAAAAAAAAA', at: '2026-03-01T10:00:00.000Z', channel: 'wechat', lead: lead.id },
  })
  await payload.create({
    collection: 'lead-activity',
    data: { lead: lead.id, visitor: 'vAAAAAAAAAAAAAAAAAAAAAA', at: '2026-03-01T10:01:00.000Z', kind: 'page-view', path: '/blog/tea' },
  })
  await payload.create({
    collection: 'consent-log',
    data: { lead: lead.id, topic: 'newsletter', subscribed: true, source: 'newsletter-form', at: '2026-03-01T10:02:00.000Z' },
  })
  await payload.create({
    collection: 'outbox',
    data: { to: 'sales@brand.example', replyTo: email, subject: 'New lead', text: `From ${email}` },
  })
  await payload.create({ collection: 'outbox', data: { to: email, subject: 'Thanks', text: 'We will call.' } })
  return lead
}

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  rights = await import('../../cms/leads/rights')
  io = await import('../../cms/members/subscriber-io')
  ;({ hashAddress } = await import('../../functions/broadcasts/recipients'))
  admin = await userOf('admin.rights@example.com', 'admin')
  owner = await userOf('owner.rights@example.com', 'sales')
  otherSales = await userOf('other.rights@example.com', 'sales')
  editor = await userOf('editor.rights@example.com', 'editor')
})
afterAll(async () => cleanup?.())

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
    const member = await payload.create({ collection: 'members', data: { email: 'mei.member@example.com', lead: lead.id } as never })
    await payload.update({ collection: 'leads', id: lead.id, data: { member: member.id } })
    const response = await call(rights.leadEraseEndpoint, admin, { id: lead.id, body: '{"confirm":"erase"}' })
    expect(response.status).toBe(409)
    expect((await payload.findByID({ collection: 'leads', id: lead.id, depth: 0 })).email).toBe('mei.member@example.com')
  })
})

describe('subscribers as CSV', () => {
  const csv = (lines: string[]) => `\uFEFFemail,name,language,topics\r\n${lines.join('\r\n')}\r\n`

  it('imports each address once with the source and the admin’s note, keeps a person’s unsubscribe and skips suppressed addresses', async () => {
    const member = await payload.create({ collection: 'members', data: { email: 'member.import@example.com' } as never })
    const left = await payload.create({ collection: 'leads', data: { email: 'left.import@example.com', status: 'new' } })
    await payload.create({
      collection: 'consent-log',
      data: { lead: left.id, topic: 'newsletter', subscribed: false, source: 'email-link', at: '2026-02-01T00:00:00.000Z' },
    })
    await payload.create({
      collection: 'suppressions',
      data: { addressHash: hashAddress('bounced.import@example.com'), reason: 'bounce', at: '2026-02-01T00:00:00.000Z' },
    })
    const body = csv([
      'member.import@example.com,,,',
      '"New, Person",zh-CN,newsletter',
      '"new.import@example.com","Li, Lei",zh-CN,newsletter',
      'left.import@example.com,,,newsletter',
      'bounced.import@example.com,,,',
      'NEW.import@example.com,,,',
      'other.import@example.com,,fr,',
      'topic.import@example.com,,,no-such-topic',
    ])
    expect((await call(io.importSubscribersEndpoint, owner, { body, query: { note: 'Expo sheet' } })).status).toBe(403)
    const noNote = await call(io.importSubscribersEndpoint, admin, { body })
    expect(noNote.status).toBe(400)
    expect((noNote.json().errors as { field: string }[])[0]!.field).toBe('note')

    const imported = await call(io.importSubscribersEndpoint, admin, { body, query: { note: 'Expo sign-up sheet, Oct 2026' } })
    expect(imported.status).toBe(200)
    expect(imported.json()).toEqual({
      subscribed: 2,
      unchanged: 0,
      kept: [{ line: 5, topics: ['newsletter'] }],
      skipped: [
        { line: 3, field: 'email', message: 'Not an email address.' },
        { line: 7, field: 'email', message: 'This address is on an earlier line.' },
        { line: 8, field: 'language', message: 'Use zh-CN or en, or leave it empty.' },
        { line: 9, field: 'topics', message: 'There is no topic "no-such-topic"; add it under Topics first.' },
        { line: 6, field: 'email', message: 'This address bounced, complained or was erased: it is never mailed.' },
      ],
    })
    expect(await find('consent-log', { member: { equals: member.id } })).toMatchObject([
      { topic: 'newsletter', subscribed: true, source: 'import', note: 'Expo sign-up sheet, Oct 2026' },
    ])
    const lead = (await payload.find({ collection: 'leads', where: { email: { equals: 'new.import@example.com' } }, ...base })).docs
    expect(lead.map((l) => l.name)).toEqual(['Li, Lei'])
    expect(await find('consent-log', { lead: { equals: lead[0]!.id } })).toMatchObject([
      { topic: 'newsletter', subscribed: true, source: 'import' },
    ])
    expect((await find('consent-log', { lead: { equals: left.id } })).map((c) => c.subscribed)).toEqual([false])

    // The same file again subscribes nobody twice.
    const again = await call(io.importSubscribersEndpoint, admin, { body, query: { note: 'Expo sign-up sheet, Oct 2026' } })
    expect(again.json()).toMatchObject({ subscribed: 0, unchanged: 2 })
  })

  it('refuses a file over 5 MB with 413 without reading it all, and a file without an email column with 400', async () => {
    const huge = new ReadableStream<Uint8Array>({
      start(controller) {
        const chunk = new TextEncoder().encode(`email\r\n${'a@example.com\r\n'.repeat(4096)}`)
        for (let i = 0; i < 200; i++) controller.enqueue(chunk)
        controller.close()
      },
    })
    const tooLarge = await call(io.importSubscribersEndpoint, admin, { body: huge, query: { note: 'Old tool' } })
    expect(tooLarge.status).toBe(413)
    const noEmail = await call(io.importSubscribersEndpoint, admin, { body: 'name\r\nMei\r\n', query: { note: 'Old tool' } })
    expect(noEmail.json()).toEqual({
      errors: [{ field: 'file', message: 'The first line must name the columns, with one called "email".' }],
    })
  })

  it('exports members and subscribers with their topics, in the columns the import reads, for admins only', async () => {
    expect((await call(io.exportSubscribersEndpoint, owner)).status).toBe(403)
    const response = await call(io.exportSubscribersEndpoint, admin)
    expect(response.status).toBe(200)
    const lines = response.text.replace(/^\uFEFF/, '').split('\r\n')
    expect(lines[0]).toBe('kind,email,name,language,topics,unsubscribed,since,suppressed')
    expect(lines).toContainEqual(expect.stringMatching(/^lead,new\.import@example\.com,"Li, Lei",,newsletter,,[^,]+,no$/))
    expect(lines).toContainEqual(expect.stringMatching(/^member,member\.import@example\.com,,[^,]*,newsletter,,[^,]+,no$/))
    expect(lines).toContainEqual(expect.stringMatching(/^lead,left\.import@example\.com,,,,newsletter,[^,]+,no$/))
  })
})
