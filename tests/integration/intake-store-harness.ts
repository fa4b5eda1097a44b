// Shared by the intake-store-*.test.ts files: a real Payload on its own SQLite file (one per test file, see
// payload.ts) with one form, an email and an optional PDF. The bindings below are live: each test file calls
// useIntakeStore() once, and they are set in its beforeAll.
import type { Payload } from 'payload'
import { afterAll, beforeAll } from 'vitest'

import { startPayload } from './payload'

export let payload: Payload
let cleanup: () => Promise<void>
export let formId: number
export let submitForm: typeof import('../../site/lib/form-submit').submitForm
export let flushRefusals: typeof import('../../site/lib/refusals').flushRefusals

/** The form every submission here is made on: an email and an optional PDF. */
export const createForm = async (on: Payload) =>
  (
    await on.create({
      collection: 'forms',
      locale: 'en',
      data: {
        name: 'Brief',
        defaultRecipient: 'sales@test.example',
        minSecondsToSubmit: 0,
        fields: [
          { name: 'email', type: 'email', label: 'Email', required: true },
          { name: 'brief', type: 'file', label: 'Brief', maxSizeMB: 1, accept: ['pdf'] },
        ],
      },
    })
  ).id

/** Boots Payload for the calling test file on SQLite, with the site's form submission loaded and the Brief form. */
export function useIntakeStore(): void {
  // The site's own tests below run on SQLite, the database site/lib opens in a test.
  beforeAll(async () => {
    ;({ payload, cleanup } = await startPayload())
    ;({ submitForm } = await import('../../site/lib/form-submit'))
    ;({ flushRefusals } = await import('../../site/lib/refusals'))
    formId = (await createForm(payload)) as number
  })
  afterAll(async () => cleanup?.())
}
