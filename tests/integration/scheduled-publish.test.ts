import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { startPayload } from './payload'

let payload: Payload
let cleanup: () => Promise<void>

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
})
afterAll(async () => cleanup?.())

it('publishes a draft when its scheduled time has come, as the jobs worker does', async () => {
  const editor = await payload.create({
    collection: 'users',
    data: { email: 'ed@test.example', password: 'a-Strong-passw0rd', role: 'editor' },
  })
  const draft = await payload.create({
    collection: 'posts',
    data: { title: 'Scheduled', slug: 'scheduled', _status: 'draft' },
    draft: true,
  })
  const stampBefore = ((await payload.findGlobal({ slug: 'content-version' })) as { stamp?: string }).stamp

  // What the admin's schedule drawer queues (on the default queue the CMS's autoRun works).
  const inOneHour = new Date(Date.now() + 60 * 60 * 1000)
  await payload.jobs.queue({
    task: 'schedulePublish',
    input: { type: 'publish', doc: { relationTo: 'posts', value: draft.id }, user: { relationTo: 'users', value: editor.id } },
    waitUntil: inOneHour,
  })
  await payload.jobs.run({ queue: 'default' })
  const early = await payload.find({ collection: 'posts', where: { slug: { equals: 'scheduled' } }, overrideAccess: false, user: null })
  expect(early.totalDocs).toBe(0)

  await payload.jobs.queue({
    task: 'schedulePublish',
    input: { type: 'publish', doc: { relationTo: 'posts', value: draft.id }, user: { relationTo: 'users', value: editor.id } },
    waitUntil: new Date(Date.now() - 1000),
  })
  await payload.jobs.run({ queue: 'default' })
  const live = await payload.find({ collection: 'posts', where: { slug: { equals: 'scheduled' } }, overrideAccess: false, user: null })
  expect(live.docs.map((d) => [d.slug, d._status])).toEqual([['scheduled', 'published']])
  const stampAfter = ((await payload.findGlobal({ slug: 'content-version' })) as { stamp?: string }).stamp
  expect(stampAfter).not.toBe(stampBefore)
})
