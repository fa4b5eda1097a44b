// The one way to find or create a lead (functions/lead-intake/lead-store.ts), as intake and members
// use it: one lead per person, whoever asks and from however many processes.
import path from 'node:path'

import { createClient } from '@libsql/client'
import type { Payload, Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { LeadStore } from '../../functions/lead-intake/lead-store'
import { startPayload } from './payload'

let payload: Payload
let cleanup: () => Promise<void>
let stores: Record<string, LeadStore>

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  const { localApiLeadStore, sqliteLeadStore } = await import('../../cms/intake/lead-store')
  const { requireSqliteClient } = await import('../../cms/database')
  stores = {
    'Local API (any database)': localApiLeadStore(payload),
    'SQL (embedded SQLite)': sqliteLeadStore(requireSqliteClient(payload)),
  }
})
afterAll(async () => cleanup?.())

const person = (email: string | null, phone: string | null = null) => ({ email, phone, name: 'Lin', firstTouch: null, lastTouch: null })
const leadsWith = async (where: Where) => (await payload.find({ collection: 'leads', where, depth: 0, limit: 100 })).docs

describe.each(['Local API (any database)', 'SQL (embedded SQLite)'])('findOrCreateLead through the %s store', (name) => {
  it('creates the lead once for twenty simultaneous calls of one new person, and says which call made it', async () => {
    const email = `${name.length}-burst@example.com`
    const found = await Promise.all(Array.from({ length: 20 }, () => stores[name]!.findOrCreateLead(person(email))))
    const leads = await leadsWith({ email: { equals: email } })
    expect(leads).toHaveLength(1)
    expect(new Set(found.map((f) => f.id))).toEqual(new Set([leads[0]!.id]))
    expect(found.filter((f) => f.created)).toHaveLength(1)
  })

  it('finds a person by phone when they have no email, and links a new lead to the member who asked', async () => {
    const member = await payload.create({
      collection: 'members',
      data: { email: `${name.length}-m@example.com`, referralCode: `R${name.length}PHONE1` },
      depth: 0,
    })
    const first = await stores[name]!.findOrCreateLead({
      ...person(null, `+86139${name.length}0000000`.slice(0, 14)),
      member: member.id,
      becameMemberAt: '2026-12-01T10:00:00.000Z',
    })
    const again = await stores[name]!.findOrCreateLead(person(null, `+86139${name.length}0000000`.slice(0, 14)))
    expect([first.created, again.created, again.id, again.member]).toEqual([true, false, first.id, member.id])
    const [lead] = await leadsWith({ id: { equals: first.id } })
    expect([lead!.member, lead!.becameMemberAt, lead!.status]).toEqual([member.id, '2026-12-01T10:00:00.000Z', 'new'])
  })
})

it('makes one lead when a second process on the same database file asks for the same person at the same moment', async () => {
  const { sqliteLeadStore } = await import('../../cms/intake/lead-store')
  // A second connection to the file, as a second site process holds.
  const other = createClient({ url: `file:${path.join(process.env.DATA_DIR!, 'site.db')}` })
  try {
    const email = 'two-processes@example.com'
    const here = stores['SQL (embedded SQLite)']!
    const there = sqliteLeadStore(other)
    const found = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? here : there).findOrCreateLead(person(email))))
    expect(await leadsWith({ email: { equals: email } })).toHaveLength(1)
    expect(found.filter((f) => f.created)).toHaveLength(1)
  } finally {
    other.close()
  }
})
