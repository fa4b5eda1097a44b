import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../cms/payload-types'
import { row } from './fixtures'
import { startPayload } from './payload'

let payload: Payload
let cleanup: () => Promise<void>
const users: Partial<Record<'admin' | 'editor' | 'sales', User>> = {}

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  for (const role of ['admin', 'editor', 'sales'] as const) {
    const user = await payload.create({ collection: 'users', data: { email: `${role}@test.example`, password: 'a-Strong-passw0rd', role } })
    users[role] = { ...user, collection: 'users' }
  }
})
afterAll(async () => cleanup?.())

// The minimum a post needs; the generated create type also lists every field with a default.
const post = (slug: string, status: 'draft' | 'published') => row('posts', { title: `Post ${slug}`, slug, _status: status })

describe('access to content', () => {
  it('refuses an anonymous create of a post', async () => {
    await expect(
      payload.create({ collection: 'posts', data: post('anon', 'published'), overrideAccess: false, user: null }),
    ).rejects.toMatchObject({ status: 403, message: 'You are not allowed to perform this action.' })
    const { totalDocs } = await payload.count({ collection: 'posts', where: { slug: { equals: 'anon' } } })
    expect(totalDocs).toBe(0)
  })

  it('lets an editor create and publish a post', async () => {
    const created = await payload.create({
      collection: 'posts',
      data: post('by-editor', 'published'),
      overrideAccess: false,
      user: users.editor,
    })
    expect(created).toMatchObject({ slug: 'by-editor', _status: 'published' })
  })

  it('hides a draft from anonymous readers and shows it to an editor', async () => {
    await payload.create({ collection: 'posts', data: post('a-draft', 'draft'), draft: true })
    const anonymous = await payload.find({ collection: 'posts', where: { slug: { equals: 'a-draft' } }, overrideAccess: false, user: null })
    expect(anonymous.totalDocs).toBe(0)
    const anonymousDraft = await payload.find({
      collection: 'posts',
      where: { slug: { equals: 'a-draft' } },
      overrideAccess: false,
      user: null,
      draft: true,
    })
    expect(anonymousDraft.totalDocs).toBe(0)
    const editor = await payload.find({
      collection: 'posts',
      where: { slug: { equals: 'a-draft' } },
      overrideAccess: false,
      user: users.editor,
      draft: true,
    })
    expect(editor.docs.map((d) => d.slug)).toEqual(['a-draft'])
  })

  it('refuses a sales user updating a page', async () => {
    const page = await payload.create({ collection: 'pages', data: row('pages', { title: 'About', path: 'about', _status: 'published' }) })
    await expect(
      payload.update({ collection: 'pages', id: page.id, data: { title: 'Changed by sales' }, overrideAccess: false, user: users.sales }),
    ).rejects.toMatchObject({ status: 403 })
    const stored = await payload.findByID({ collection: 'pages', id: page.id })
    expect(stored.title).toBe('About')
  })

  it('refuses a sales user changing site settings', async () => {
    await expect(
      payload.updateGlobal({ slug: 'site-settings', data: { brandColor: '#000000' }, overrideAccess: false, user: users.sales }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('lets only admins manage users, and nobody promote themselves', async () => {
    await expect(
      payload.create({
        collection: 'users',
        data: { email: 'x@test.example', password: 'a-Strong-passw0rd', role: 'admin' },
        overrideAccess: false,
        user: users.editor,
      }),
    ).rejects.toMatchObject({ status: 403 })
    const self = await payload.update({
      collection: 'users',
      id: users.editor!.id,
      data: { role: 'admin', name: 'Ed' },
      overrideAccess: false,
      user: users.editor,
    })
    expect(self).toMatchObject({ role: 'editor', name: 'Ed' })
    const seen = await payload.find({ collection: 'users', overrideAccess: false, user: users.sales })
    expect(seen.docs.map((u) => u.email)).toEqual(['sales@test.example'])
  })

  it('rejects invalid slugs and paths with a per-field message', async () => {
    await expect(payload.create({ collection: 'posts', data: post('Bad Slug', 'published') })).rejects.toMatchObject({
      status: 400,
      data: { errors: [{ path: 'slug', message: 'Use lower-case letters, digits and dashes, e.g. brand-strategy' }] },
    })
    await expect(
      payload.create({ collection: 'pages', data: row('pages', { title: 'x', path: '../etc', _status: 'published' }) }),
    ).rejects.toMatchObject({
      status: 400,
      data: { errors: [{ path: 'path' }] },
    })
  })

  it('changes the content stamp on publish but not on a draft save', async () => {
    const stamp = async () => ((await payload.findGlobal({ slug: 'content-version' })) as { stamp?: string }).stamp
    const before = await stamp()
    await payload.create({ collection: 'posts', data: post('another-draft', 'draft'), draft: true })
    expect(await stamp()).toBe(before)
    await payload.create({ collection: 'posts', data: post('published-now', 'published') })
    expect(await stamp()).not.toBe(before)
  })
})
