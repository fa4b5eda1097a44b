import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../cms/payload-types'
import { startPayload } from './payload'

let payload: Payload
let cleanup: () => Promise<void>
let handle: typeof import('../../site/lib/wecom/group-code').handleGroupCode
let link: { id: number }
const images: { id: number; filename: string }[] = []

const PHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47 NetType/WIFI Language/zh_CN'

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  ;({ handleGroupCode: handle } = await import('../../site/lib/wecom/group-code'))
  for (const [i, colour] of ['#07c160', '#1aad19', '#2aae67'].entries()) {
    const png = await sharp({ create: { width: 300, height: 300, channels: 3, background: colour } })
      .png()
      .toBuffer()
    const media = await payload.create({
      collection: 'media',
      data: { alt: `group ${i + 1}` },
      file: { data: png, name: `group-${i + 1}.png`, mimetype: 'image/png', size: png.length },
    })
    images.push({ id: media.id, filename: media.filename! })
  }
  link = await payload.create({
    collection: 'campaign-links',
    data: {
      code: 'tea-club',
      title: 'Tea club',
      status: 'active',
      target: { kind: 'url', url: '/' },
      groupCodes: images.map((image, i) => ({ label: `群 ${i + 1}`, image: image.id, full: false })),
    },
  })
})
afterAll(async () => cleanup?.())

const scan = (ua = PHONE) =>
  handle(new Request('http://localhost:4321/wecom/group-code/tea-club', { headers: { 'user-agent': ua } }), 'tea-club')
const scans = async () =>
  ((await payload.findByID({ collection: 'campaign-links', id: link.id, depth: 0 })).groupCodes ?? []).map((g) => g.scans ?? 0)
let editor: User
/** An editor ticks "Full" in the admin: the form sends back every group as it loaded them, scans included (zeroed here, as if stale). */
const markFull = async (index: number) => {
  editor ??= {
    ...(await payload.create({
      collection: 'users',
      data: { email: 'editor.groups@example.com', password: 'Lantern-garden 42', role: 'editor' },
    })),
    collection: 'users',
  }
  const doc = await payload.findByID({ collection: 'campaign-links', id: link.id, depth: 0 })
  await payload.update({
    collection: 'campaign-links',
    id: link.id,
    data: { groupCodes: (doc.groupCodes ?? []).map((g, i) => ({ ...g, scans: 0, full: i === index ? true : g.full })) },
    overrideAccess: false,
    user: editor,
  })
}

describe('WeChat group codes', () => {
  it('shows the first group, counting each scan (bots left out), never cached', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await scan()
      expect(res.status).toBe(302)
      expect(res.headers.get('location')).toBe(`/media/${images[0]!.filename}`)
      expect(res.headers.get('cache-control')).toBe('private, no-store')
    }
    expect((await scan('Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)')).status).toBe(302)
    expect(await scans()).toEqual([3, 0, 0])
  })

  it('counts scans that arrive at once without losing one', async () => {
    await Promise.all(Array.from({ length: 10 }, () => scan()))
    expect(await scans()).toEqual([13, 0, 0])
  })

  it('moves to the next group when an editor marks one full, keeping the counts', async () => {
    await markFull(0)
    expect((await scan()).headers.get('location')).toBe(`/media/${images[1]!.filename}`)
    await markFull(1)
    expect((await scan()).headers.get('location')).toBe(`/media/${images[2]!.filename}`)
    expect(await scans()).toEqual([13, 1, 1])
  })

  it('answers 404 when every group is full, for an unknown link, and for a code that is not one', async () => {
    await markFull(2)
    expect((await scan()).status).toBe(404)
    expect((await handle(new Request('http://localhost:4321/wecom/group-code/nope'), 'nope')).status).toBe(404)
    expect((await handle(new Request('http://localhost:4321/wecom/group-code/x'), '../x')).status).toBe(404)
  })
})
