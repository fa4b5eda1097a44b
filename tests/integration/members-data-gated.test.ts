// Gated content: visitors see the title and excerpt, members the body, tiers by points; the body is in no API answer.
import { describe, expect, it } from 'vitest'

import type { RichText } from './fixtures'
import { h, payload, useMembersData, view } from './members-data-harness'

useMembersData()

describe('gated content', () => {
  it('gives visitors the title and excerpt only, members the body; tiers by points; the body is in no API answer', async () => {
    const gold = await payload.create({ collection: 'tiers', locale: 'zh-CN', data: { name: '白金', minPoints: 5000 } })
    const body: RichText = {
      root: {
        type: 'root',
        version: 1,
        direction: 'ltr',
        format: '',
        indent: 0,
        children: [
          {
            type: 'paragraph',
            version: 1,
            direction: 'ltr',
            format: '',
            indent: 0,
            children: [{ type: 'text', version: 1, text: 'zebracorn secret', format: 0, detail: 0, mode: 'normal', style: '' }],
          },
        ],
      },
    }
    await payload.create({
      collection: 'posts',
      locale: 'zh-CN',
      data: { title: '会员', slug: 'members-only', excerpt: 'Teaser', body, visibility: 'members', _status: 'published' },
    })
    await payload.create({
      collection: 'posts',
      locale: 'zh-CN',
      data: {
        title: '白金',
        slug: 'platinum-only',
        excerpt: 'For platinum',
        body,
        visibility: 'tier',
        minTier: gold.id,
        _status: 'published',
      },
    })
    const anonymous = await view.resolveView('/blog/members-only', null, null, new URLSearchParams(), null)
    expect(anonymous.gated).toBe(true)
    expect(anonymous.view).toMatchObject({ kind: 'gated', title: '会员', excerpt: 'Teaser', need: 'sign-in', tierName: null })
    expect(JSON.stringify(anonymous)).not.toContain('zebracorn')
    const unconfirmed = await h.call('POST', '/en/account/sign-up', {
      body: { email: 'unconfirmed@example.com', password: 'Lantern-garden 42' },
      ip: '198.51.100.99',
    })
    const notYet = await view.resolveView('/blog/members-only', null, null, new URLSearchParams(), h.sessionOf(unconfirmed))
    expect(notYet.view).toMatchObject({ kind: 'gated', need: 'sign-in' })
    const { cookie } = await h.signUp('reader@example.com')
    const member = await view.resolveView('/blog/members-only', null, null, new URLSearchParams(), cookie)
    expect(member.view.kind).toBe('post')
    expect(JSON.stringify(member.view)).toContain('zebracorn')
    const low = await view.resolveView('/blog/platinum-only', null, null, new URLSearchParams(), cookie)
    expect(low.view).toMatchObject({ kind: 'gated', need: 'upgrade', tierName: '白金' })
    expect(JSON.stringify(low)).not.toContain('zebracorn')
    // What the REST API and GraphQL answer anonymous readers: the same field access.
    const rest = await payload.find({
      collection: 'posts',
      where: { slug: { in: ['members-only', 'platinum-only'] } },
      overrideAccess: false,
      user: null,
      locale: 'zh-CN',
    })
    expect(rest.docs.map((d) => [d.slug, d.body ?? null, d.excerpt])).toEqual(
      expect.arrayContaining([
        ['members-only', null, 'Teaser'],
        ['platinum-only', null, 'For platinum'],
      ]),
    )
    await expect(
      payload.find({ collection: 'posts', where: { body: { like: 'zebracorn' } }, overrideAccess: false, user: null }),
    ).rejects.toThrow()
  })
})
