// Shared by the lead-rights-*.test.ts files. The data rights of people who are leads and not members (issue 15):
// export and erasure by an admin or the lead's own sales person, and subscriber lists imported and exported as CSV,
// against a real Payload on its own SQLite file (one per test file, see payload.ts). The bindings below are live:
// each test file calls useLeadRights() once, and they are set in its beforeAll.
import type { Endpoint, Payload, Where } from 'payload'
import { afterAll, beforeAll } from 'vitest'

import type { User } from '../../cms/payload-types'
import { startPayload } from './payload'
import { endpointRequest } from './route-context'

export let payload: Payload
let cleanup: () => Promise<void>
export let rights: typeof import('../../cms/leads/rights')
export let io: typeof import('../../cms/members/subscriber-io')
export let hashAddress: typeof import('../../functions/broadcasts/recipients').hashAddress
export let admin: User
export let owner: User
export let otherSales: User
export let editor: User

/** Calls an endpoint's handler as the CMS would: a real Request carrying Payload's additions. */
export async function call(
  endpoint: Endpoint,
  user: User | null,
  init: { id?: string | number; body?: BodyInit; query?: Record<string, unknown> } = {},
) {
  const request = new Request('http://cms.test/api/x', {
    method: endpoint.method.toUpperCase(),
    ...(init.body === undefined ? {} : { body: init.body, duplex: 'half' }),
  } as RequestInit)
  const withAdditions = Object.assign(request, {
    payload,
    user,
    routeParams: { id: init.id === undefined ? undefined : String(init.id) },
    query: init.query ?? {},
  })
  const response = await endpoint.handler(endpointRequest(withAdditions))
  const text = await response.text()
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as Record<string, unknown> }
}

const userOf = async (email: string, role: 'sales' | 'editor' | 'admin') => ({
  ...(await payload.create({ collection: 'users', data: { email, password: 'Lantern-garden 42', role, name: role } })),
  collection: 'users' as const,
})
export const base = { depth: 0, overrideAccess: true, limit: 0, pagination: false } as const
export const find = async <S extends 'outbox' | 'consent-log' | 'lead-activity' | 'audit-log'>(collection: S, where: Where) =>
  (await payload.find({ collection, where, ...base })).docs

export async function leadWithHistory(email: string, ownerId: number) {
  const form = await payload.create({
    collection: 'forms',
    data: {
      name: `Contact ${email}`,
      defaultRecipient: 'sales@brand.example',
      fields: [{ name: 'email', type: 'email', label: 'Email' }],
    },
  })
  const lead = await payload.create({
    collection: 'leads',
    data: {
      email,
      name: 'Mei',
      phone: '+8613800138000',
      status: 'new',
      owner: ownerId,
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
    },
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

/** Boots Payload for the calling test file with an admin, the lead's owner (sales), another sales person and an editor. */
export function useLeadRights(): void {
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
}
