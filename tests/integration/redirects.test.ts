import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../cms/payload-types'
import { startPayload } from './payload'

let payload: Payload
let cleanup: () => Promise<void>
const users: Partial<Record<'editor' | 'sales', User>> = {}

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  for (const role of ['editor', 'sales'] as const) {
    const user = await payload.create({ collection: 'users', data: { email: `${role}@test.example`, password: 'a-Strong-passw0rd', role } })
    users[role] = { ...user, collection: 'users' }
  }
})
afterAll(async () => cleanup?.())

const stamp = async () => ((await payload.findGlobal({ slug: 'content-version' })) as { stamp?: string | null }).stamp

describe('the redirects collection', () => {
  it('stores `from` in the form requests are matched in, and bumps the content stamp', async () => {
    const before = await stamp()
    const created = await payload.create({
      collection: 'redirects',
      data: { from: 'https://brand.example/Old-Page/?utm_source=x', to: ' /new-page ', status: '302' },
      overrideAccess: false,
      user: users.editor,
    })
    expect(created).toMatchObject({ from: '/old-page', to: '/new-page', status: '302' })
    expect(await stamp()).not.toBe(before)
  })

  it('refuses a second redirect for the same path, however it is written', async () => {
    await expect(
      payload.create({
        collection: 'redirects',
        data: { from: '/OLD-PAGE', to: '/other', status: '301' },
        overrideAccess: false,
        user: users.editor,
      }),
    ).rejects.toMatchObject({ status: 400 })
    expect((await payload.count({ collection: 'redirects', where: { from: { equals: '/old-page' } } })).totalDocs).toBe(1)
  })

  it.each<[{ from: string; to: string; status: '301' }, string, string]>([
    [
      { from: 'no-slash', to: '/x', status: '301' },
      'from',
      'Give a path on this site starting with a single /, such as /old-page (or paste its full URL).',
    ],
    [{ from: '/a', to: 'javascript:alert(1)', status: '301' }, 'to', 'Only http and https URLs can be redirect targets.'],
    [
      { from: '/a', to: '//evil.example', status: '301' },
      'to',
      'A target starting with // names another site; write it as a full URL (https://…) instead.',
    ],
    [{ from: '/Loop/', to: '/loop', status: '301' }, 'to', 'This redirect points to its own path and would loop; choose another target.'],
  ])('refuses %j with a message on %s', async (data, path, message) => {
    await expect(payload.create({ collection: 'redirects', data, overrideAccess: false, user: users.editor })).rejects.toMatchObject({
      status: 400,
      data: { errors: [{ path, message }] },
    })
  })

  it('is not readable by visitors, nor writable by sales; the site reads it as itself', async () => {
    await expect(payload.find({ collection: 'redirects', overrideAccess: false, user: null })).rejects.toMatchObject({ status: 403 })
    await expect(
      payload.create({ collection: 'redirects', data: { from: '/s', to: '/t', status: '301' }, overrideAccess: false, user: users.sales }),
    ).rejects.toMatchObject({ status: 403 })
    expect((await payload.find({ collection: 'redirects' })).docs.map((d) => d.from)).toEqual(['/old-page'])
  })
})
