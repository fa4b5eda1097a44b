// Shared by the members-data-*.test.ts files: the account pages in-process against a real Payload on its own
// SQLite file (one per test file, see payload.ts), with a browser's visits as the site records them. The bindings
// below are live: each test file calls useMembersData() once, and they are set in its beforeAll.
import type { Payload } from 'payload'
import { afterAll, beforeAll } from 'vitest'

import { harness } from './members-harness'
import { startPayload } from './payload'

export let payload: Payload
let cleanup: () => Promise<void>
export let h: ReturnType<typeof harness>
let arrivals: typeof import('../../site/lib/arrivals')
export let view: typeof import('../../site/lib/view')

const PHONE = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36'

/** A browser's visit: the touch it records, and its visitor cookie. */
export async function visit(path: string, cookie: string | null = null): Promise<{ cookie: string; redirect: string | null }> {
  const outcome = await arrivals.noteArrival(
    { method: 'GET', path, host: 'localhost:4321', userAgent: PHONE, referrer: null, cookie },
    null,
  )
  await arrivals.flushArrivals()
  return { cookie: cookie ?? outcome.setCookie?.split(';')[0] ?? '', redirect: outcome.redirect }
}

/** Boots Payload for the calling test file, with the site's arrivals and views loaded and the brand named Lantern Tea. */
export function useMembersData(): void {
  beforeAll(async () => {
    ;({ payload, cleanup } = await startPayload())
    h = harness(payload)
    arrivals = await import('../../site/lib/arrivals')
    view = await import('../../site/lib/view')
    await payload.updateGlobal({ slug: 'site-settings', locale: 'en', data: { brandName: 'Lantern Tea' } })
  })
  afterAll(async () => cleanup?.())
}
