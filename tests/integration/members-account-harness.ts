// Shared by members-sign-in.test.ts and members-account-pages.test.ts: the account pages in-process against a real
// Payload on its own SQLite file (one per test file, see payload.ts). The bindings below are live: each test file
// calls useMembers() once, and they are set in its beforeAll.
import type { Payload } from 'payload'
import { afterAll, beforeAll } from 'vitest'

import { harness } from './members-harness'
import { startPayload } from './payload'

export let payload: Payload
let cleanup: () => Promise<void>
export let h: ReturnType<typeof harness>

/** Boots Payload for the calling test file with the Retail topic and the brand named Lantern Tea. */
export function useMembers(): void {
  beforeAll(async () => {
    ;({ payload, cleanup } = await startPayload())
    h = harness(payload)
    await payload.create({ collection: 'topics', locale: 'en', data: { name: 'Retail', slug: 'retail' } })
    await payload.updateGlobal({ slug: 'site-settings', locale: 'en', data: { brandName: 'Lantern Tea' } })
  })
  afterAll(async () => cleanup?.())
}
