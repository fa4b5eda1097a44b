// A site process readies the form submissions before it takes visitors (site/server.mjs warmUp →
// readySubmissions): afterwards, a submission's form costs no query.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { startPayload } from './payload'

let payload: Payload
let cleanup: () => Promise<void>

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
})
afterAll(async () => cleanup?.())

describe('readySubmissions', () => {
  it('reads every form in every locale for the content stamp, so that the first submissions do not', async () => {
    const { readySubmissions } = await import('../../site/lib/form-submit')
    const { findForm } = await import('../../site/lib/forms')
    const { cms } = await import('../../site/lib/cms')
    const form = await payload.create({
      collection: 'forms',
      locale: 'en',
      data: {
        name: 'Ready',
        defaultRecipient: 'sales@test.example',
        fields: [{ name: 'email', type: 'email', label: 'Email', required: true }],
      },
    })
    await readySubmissions('stamp-1')
    const reads = vi.spyOn(await cms(), 'findByID')
    expect(await findForm(form.id, 'en', 'stamp-1')).toMatchObject({ id: form.id, name: 'Ready' })
    expect(await findForm(form.id, 'zh-CN', 'stamp-1')).toMatchObject({ id: form.id })
    expect(reads).not.toHaveBeenCalled()
    // Another stamp (an editor saved something) is read again, at its first submission.
    expect(await findForm(form.id, 'en', 'stamp-2')).toMatchObject({ name: 'Ready' })
    expect(reads).toHaveBeenCalledTimes(1)
  })
})
