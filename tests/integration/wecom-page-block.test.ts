import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startPayload } from './payload'

let payload: Payload
let cleanup: () => Promise<void>
let view: typeof import('../../site/lib/view')
let link: { id: number }

/** The "Add us on WeChat" blocks of the page at `path` as the site hands them to a theme. */
async function wechatBlocks(path: string) {
  const resolved = await view.resolveView(path, null, null, new URLSearchParams(), null)
  if (resolved.view.kind !== 'page') throw new Error(`${path} is a ${resolved.view.kind}`)
  return (resolved.view.page.layout ?? []).filter((block) => block.blockType === 'addOnWechat')
}

async function pageWith(path: string, blocks: { heading: string; show: 'contact' | 'group' | 'both'; campaignLink: number }[]) {
  const layout = blocks.map((block) => ({ blockType: 'addOnWechat' as const, ...block }))
  await payload.create({
    collection: 'pages',
    draft: false,
    data: { title: path, path, _status: 'published', visibility: 'public', layout },
  })
}

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  process.env.WECOM_CORP_ID = 'ww-page-block'
  process.env.WECOM_CONTACT_SECRET = 'contact-secret'
  view = await import('../../site/lib/view')
  const png = await sharp({ create: { width: 200, height: 200, channels: 3, background: '#07c160' } })
    .png()
    .toBuffer()
  const image = await payload.create({
    collection: 'media',
    data: { alt: 'group' },
    file: { data: png, name: 'group.png', mimetype: 'image/png', size: png.length },
  })
  link = await payload.create({
    collection: 'campaign-links',
    data: {
      code: 'tea-advisor',
      title: 'Tea advisor',
      status: 'active',
      target: { kind: 'url', url: '/' },
      liveCodeStaff: 'zhangsan, lisi',
      notes: 'Budget 5,000 RMB, only for the CMS',
      groupCodes: [{ label: '群 1', image: image.id, full: false }],
    },
  })
  await pageWith('add-us', [
    { heading: 'Add our advisor', show: 'contact', campaignLink: link.id },
    { heading: 'Join the group', show: 'group', campaignLink: link.id },
    { heading: 'Both', show: 'both', campaignLink: link.id },
  ])
})
afterAll(async () => {
  delete process.env.WECOM_CORP_ID
  delete process.env.WECOM_CONTACT_SECRET
  await cleanup?.()
})

describe('the "Add us on WeChat" page block', () => {
  it('gives the theme the codes the editor chose as the site’s own addresses, and nothing else of the campaign link', async () => {
    const blocks = await wechatBlocks('/add-us')
    expect(blocks.map((block) => [block.heading, block.codes])).toEqual([
      ['Add our advisor', { contact: '/wecom/live-code/tea-advisor', group: null }],
      ['Join the group', { contact: null, group: '/wecom/group-code/tea-advisor' }],
      ['Both', { contact: '/wecom/live-code/tea-advisor', group: '/wecom/group-code/tea-advisor' }],
    ])
    // The advisors' UserIDs, the notes and the scan counts stay in the CMS.
    expect(JSON.stringify(blocks)).not.toMatch(/zhangsan|Budget|campaignLink/)
  })

  it('shows no contact code without 企业微信 configured or without an advisor, and no group code once every group is full', async () => {
    delete process.env.WECOM_CORP_ID
    expect((await wechatBlocks('/add-us'))[2]!.codes).toEqual({ contact: null, group: '/wecom/group-code/tea-advisor' })
    process.env.WECOM_CORP_ID = 'ww-page-block'
    const doc = await payload.findByID({ collection: 'campaign-links', id: link.id, depth: 0 })
    await payload.update({
      collection: 'campaign-links',
      id: link.id,
      data: { liveCodeStaff: '', groupCodes: (doc.groupCodes ?? []).map((g) => ({ ...g, full: true })) },
    })
    expect((await wechatBlocks('/add-us')).map((block) => block.codes)).toEqual([
      { contact: null, group: null },
      { contact: null, group: null },
      { contact: null, group: null },
    ])
  })

  it('shows nothing for an archived link', async () => {
    await payload.update({ collection: 'campaign-links', id: link.id, data: { status: 'archived', liveCodeStaff: 'zhangsan' } })
    expect((await wechatBlocks('/add-us'))[0]!.codes).toEqual({ contact: null, group: null })
  })
})
