import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../cms/payload-types'
import { startPayload } from './payload'
import { endpointRequest } from './route-context'

let payload: Payload
let cleanup: () => Promise<void>
let endpoint: typeof import('../../cms/nurture/timeline').leadTimelineEndpoint
let lead: { id: number }

/** GET /api/leads/:id/timeline as `user` (null: nobody signed in). */
async function timeline(id: string | number, user: User | null) {
  const response = await endpoint.handler(endpointRequest({ payload, user, routeParams: { id } }))
  return { status: response.status, body: (await response.json()) as { entries?: { at: string; kind: string; text: string }[] } }
}

const userOf = async (email: string, role: 'sales' | 'editor' | 'admin') => ({
  ...(await payload.create({ collection: 'users', data: { email, password: 'Lantern-garden 42', role, name: role } })),
  collection: 'users' as const,
})

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  ;({ leadTimelineEndpoint: endpoint } = await import('../../cms/nurture/timeline'))
  lead = await payload.create({ collection: 'leads', data: { email: 'mei@example.com', name: 'Mei', status: 'new', score: 10 } })
  await payload.create({
    collection: 'touches',
    data: { visitor: 'v1', at: '2026-03-01T10:00:00.000Z', channel: 'wechat', campaign: 'spring', landingPage: '/', lead: lead.id },
  })
  for (const [at, kind, extra] of [
    ['2026-03-01T10:01:00.000Z', 'page-view', { path: '/blog/tea' }],
    ['2026-03-01T10:05:00.000Z', 'form-submitted', { form: '3' }],
  ] as const)
    await payload.create({ collection: 'lead-activity', data: { lead: lead.id, visitor: 'v1', at, kind, ...extra } })
  await payload.create({
    collection: 'score-changes',
    data: { lead: lead.id, points: 10, reason: 'Contact form', at: '2026-03-01T10:05:00.000Z' },
  })
})
afterAll(async () => cleanup?.())

describe('GET /api/leads/:id/timeline', () => {
  it('tells sales the lead’s touches, activity and score changes as one story, newest first', async () => {
    const { status, body } = await timeline(lead.id, await userOf('sales.timeline@example.com', 'sales'))
    expect(status).toBe(200)
    expect(body.entries).toEqual([
      { at: '2026-03-01T10:05:00.000Z', kind: 'score', text: 'Score +10: Contact form' },
      { at: '2026-03-01T10:05:00.000Z', kind: 'form-submitted', text: 'Submitted form 3' },
      { at: '2026-03-01T10:01:00.000Z', kind: 'page-view', text: 'Read /blog/tea' },
      { at: '2026-03-01T10:00:00.000Z', kind: 'touch', text: 'Arrived from wechat campaign spring at /' },
    ])
  })

  it('refuses whoever may not read leads (403 signed out, 404 for an editor) and answers 404 for a lead that does not exist', async () => {
    expect((await timeline(lead.id, null)).status).toBe(403)
    expect((await timeline(lead.id, await userOf('editor.timeline@example.com', 'editor'))).status).toBe(404)
    const admin = await userOf('admin.timeline@example.com', 'admin')
    expect((await timeline(999_999, admin)).status).toBe(404)
    expect((await timeline('../1', admin)).status).toBe(404)
  })
})
