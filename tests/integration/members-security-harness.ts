// Shared by the members-security-*.test.ts files: the account pages in-process against a real Payload on its own
// SQLite file (one per test file, see payload.ts), with two members and the answers the pages give in English.
// The bindings below are live: each test file calls useMembersSecurity() once, and they are set in its beforeAll.
import type { Payload } from 'payload'
import { afterAll, beforeAll } from 'vitest'

import { harness } from './members-harness'
import { startPayload } from './payload'

export let payload: Payload
let cleanup: () => Promise<void>
export let h: ReturnType<typeof harness>
export let a: { cookie: string; member: { id: number | string } }
export let b: { cookie: string; member: { id: number | string } }

export const EN = {
  malformed: { error: { code: 'malformed', message: 'The request could not be read: send the fields as form data or JSON.' } },
  signedOut: { error: { code: 'signed-out', message: 'Sign in to continue.' } },
  crossOrigin: {
    error: { code: 'cross-origin', message: 'This request came from another site and was refused. Reload the page and try again.' },
  },
  tooLarge: { error: { code: 'too-large', message: 'The request is too large.' } },
  fields: (fields: Record<string, string>) => ({ error: { code: 'invalid-fields', message: 'Some fields need attention.', fields } }),
}

/** Boots Payload for the calling test file with a topic, a reward and two verified members, A and B, each signed in. */
export function useMembersSecurity(): void {
  beforeAll(async () => {
    ;({ payload, cleanup } = await startPayload())
    h = harness(payload)
    await payload.create({ collection: 'topics', locale: 'en', data: { name: 'Retail', slug: 'retail' } })
    await payload.create({ collection: 'rewards', locale: 'en', data: { name: 'Tea set', cost: 50, active: true } })
    a = await h.signUp('a@example.com', 'Lantern-garden 42', { ip: '198.51.100.1' })
    b = await h.signUp('b@example.com', 'Harbour-lights 77', { ip: '198.51.100.2' })
  })
  afterAll(async () => cleanup?.())
}
