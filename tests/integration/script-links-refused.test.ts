// Issue 11, item 3: no URL an editor enters can be a script link. Social accounts, link fields (the
// footer's and the blocks' buttons) and campaign-link targets are refused on save with a message
// per field; redirects were already. What renders goes through safeHref (functions/content/safe-url.ts).
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../cms/payload-types'
import { hrefOf } from '../../functions/content/links'
import { row } from './fixtures'
import { startPayload } from './payload'

let payload: Payload
let cleanup: () => Promise<void>
let admin: User

const MESSAGE = 'Use a link starting with https://, http://, mailto:, tel:, or a path on this site such as /contact (no spaces).'
const ATTACKS = ['javascript:alert(document.domain)', 'JAVASCRIPT:alert(1)', 'data:text/html,<script>alert(1)</script>', '//evil.example']

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  admin = {
    ...(await payload.create({ collection: 'users', data: { email: 'admin@test.example', password: 'a-Strong-passw0rd', role: 'admin' } })),
    collection: 'users',
  }
})
afterAll(async () => cleanup?.())

const asEditor = () => ({ overrideAccess: false, user: admin })

describe('script links are refused where editors enter URLs', () => {
  it.each(ATTACKS)('site settings → social accounts refuse %j', async (url) => {
    await expect(
      payload.updateGlobal({
        slug: 'site-settings',
        locale: 'en',
        data: { brandName: 'Lantern Tea', socialAccounts: [{ channel: 'weibo', handle: 'brand', url }] },
        ...asEditor(),
      }),
    ).rejects.toMatchObject({
      data: { errors: [{ path: 'socialAccounts.0.url', message: MESSAGE }] },
    })
  })

  it.each(ATTACKS)('the footer’s link fields refuse %j', async (url) => {
    await expect(
      payload.updateGlobal({
        slug: 'footer',
        locale: 'en',
        data: { columns: [{ heading: 'Brand', links: [{ link: { label: 'Click', type: 'url', url } }] }] },
        ...asEditor(),
      }),
    ).rejects.toMatchObject({
      data: { errors: [{ path: 'columns.0.links.0.link.url', message: MESSAGE }] },
    })
  })

  it.each(ATTACKS)('a campaign link’s target refuses %j', async (url) => {
    await expect(
      payload.create({
        collection: 'campaign-links',
        data: row('campaign-links', { title: 'Spring', code: 'spring-js', target: { kind: 'url', url } }),
        ...asEditor(),
      }),
    ).rejects.toMatchObject({
      data: { errors: [{ path: 'target.url' }] },
    })
  })

  it('the fields keep https, mailto, tel and site paths', async () => {
    const saved = await payload.updateGlobal({
      slug: 'site-settings',
      locale: 'en',
      data: {
        brandName: 'Lantern Tea',
        socialAccounts: [
          { channel: 'weibo', handle: 'brand', url: 'https://weibo.com/brand' },
          { channel: 'x', handle: 'brand', url: '/about' },
        ],
      },
      ...asEditor(),
    })
    expect(saved.socialAccounts?.map((a) => a.url)).toEqual(['https://weibo.com/brand', '/about'])
    const footer = await payload.updateGlobal({
      slug: 'footer',
      locale: 'en',
      data: {
        columns: [
          {
            heading: 'Brand',
            links: [
              { link: { label: 'Mail', type: 'url', url: 'mailto:hi@brand.example' } },
              { link: { label: 'Call', type: 'url', url: 'tel:+8613800138000' } },
            ],
          },
        ],
      },
      ...asEditor(),
    })
    expect(footer.columns?.[0]?.links?.map((l) => l.link?.url)).toEqual(['mailto:hi@brand.example', 'tel:+8613800138000'])
  })

  it('a link stored before the rule renders as nothing, not as a script href', () => {
    for (const url of ATTACKS) expect(hrefOf({ type: 'url', url }, 'en', 'zh-CN')).toBeNull()
  })
})
