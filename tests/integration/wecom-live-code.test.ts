import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startFakeWecom } from './fake-wecom'
import { startPayload } from './payload'

const CORP = { corpId: 'wwcorp0002', secret: 'contact-secret-9f8e7d' }

let payload: Payload
let cleanup: () => Promise<void>
let wecom: Awaited<ReturnType<typeof startFakeWecom>>
let handle: typeof import('../../site/lib/wecom/live-code').handleLiveCode

beforeAll(async () => {
  wecom = await startFakeWecom({ ...CORP, staff: ['zhangsan', 'lisi', 'wangwu'] })
  Object.assign(process.env, { WECOM_CORP_ID: CORP.corpId, WECOM_CONTACT_SECRET: CORP.secret, WECOM_API_BASE_URL: wecom.url })
  ;({ payload, cleanup } = await startPayload())
  ;({ handleLiveCode: handle } = await import('../../site/lib/wecom/live-code'))
  await payload.create({
    collection: 'campaign-links',
    data: {
      code: 'spring',
      title: '春季新品',
      status: 'active',
      target: { kind: 'url', url: '/spring' },
      utm: { campaign: 'spring-launch' },
      channel: 'wechat',
      liveCodeStaff: 'zhangsan',
    },
  })
  await payload.create({
    collection: 'campaign-links',
    data: { code: 'team', title: 'Sales team', status: 'active', target: { kind: 'url', url: '/team' }, liveCodeStaff: 'lisi, wangwu' },
  })
  await payload.create({
    collection: 'campaign-links',
    data: { code: 'plain', title: 'No live code', status: 'active', target: { kind: 'url', url: '/plain' } },
  })
})
afterAll(async () => {
  await cleanup?.()
  await wecom?.close()
})

const get = (code: string, cookie?: string) =>
  handle(new Request(`http://localhost:4321/wecom/live-code/${code}`, { headers: cookie ? { cookie } : {} }), code)

describe('企业微信 "联系我" live codes', () => {
  it(
    'makes one staff member’s code for a campaign link once (add_contact_way, type 1, ' +
      'the link’s code as state) and answers its image, never cached',
    async () => {
      const res = await get('spring')
      expect(res.status).toBe(302)
      expect(res.headers.get('cache-control')).toBe('private, no-store')
      const [call] = wecom.contactWays
      expect(call!.body).toEqual({ type: 1, scene: 2, remark: '春季新品', skip_verify: true, state: 'spring', user: ['zhangsan'] })
      expect(res.headers.get('location')).toBe(call!.answer.qr_code)
      const stored = (await payload.find({ collection: 'live-codes', where: { state: { equals: 'spring' } }, depth: 0 })).docs
      expect(stored).toEqual([
        expect.objectContaining({
          campaignLink: 'spring',
          lead: null,
          staff: ['zhangsan'],
          configId: call!.answer.config_id,
          qrCode: call!.answer.qr_code,
        }),
      ])

      const again = await get('spring')
      expect(again.headers.get('location')).toBe(res.headers.get('location'))
      expect(wecom.contactWays).toHaveLength(1)
      expect(wecom.tokenCalls()).toBe(1)
    },
  )

  it('rotates across a team (type 2, every UserID)', async () => {
    const res = await get('team')
    expect(res.status).toBe(302)
    expect(wecom.contactWays.at(-1)!.body).toMatchObject({ type: 2, state: 'team', user: ['lisi', 'wangwu'] })
  })

  it('answers 404 for a link without staff, an unknown or archived link, and a code that is not one', async () => {
    const calls = wecom.contactWays.length
    for (const code of ['plain', 'nope', '../etc', 'A'.repeat(40)]) expect((await get(code)).status).toBe(404)
    expect(wecom.contactWays).toHaveLength(calls)
  })

  it(
    'gives a known lead a code of their own (state <link>.l<lead>), and the add it reports lands on that lead, credited to the staff ' +
      'member',
    async () => {
      const lead = await payload.create({ collection: 'leads', data: { email: 'mei@example.com', status: 'new' } })
      const visitor = 'vAbCdEfGhIjKlMnOpQrStUv'
      await payload.create({ collection: 'touches', data: { at: new Date().toISOString(), visitor, channel: 'wechat', lead: lead.id } })
      const res = await get('spring', `bs_visitor=${visitor}`)
      expect(res.status).toBe(302)
      const call = wecom.contactWays.at(-1)!
      expect(call.body.state).toBe(`spring.l${lead.id}`)
      expect(res.headers.get('location')).toBe(call.answer.qr_code)

      const { recordWechatAdd } = await import('../../cms/wecom/record-add')
      expect(
        await recordWechatAdd(
          payload,
          {
            event: 'change_external_contact',
            changeType: 'add_external_contact',
            userId: 'zhangsan',
            externalUserId: 'wmEXTERNAL0001',
            state: `spring.l${lead.id}`,
            createTime: Math.floor(Date.now() / 1000),
          },
          new Date(),
        ),
      ).toBe('recorded')
      const add = (await payload.find({ collection: 'wechat-adds', where: { externalUserId: { equals: 'wmEXTERNAL0001' } }, depth: 0 }))
        .docs[0]!
      expect(add).toMatchObject({ staffUserId: 'zhangsan', campaignLink: 'spring', lead: lead.id })
      const touch = await payload.findByID({ collection: 'touches', id: add.touch as number, depth: 0 })
      expect(touch).toMatchObject({
        channel: 'wechat',
        medium: 'added-on-wechat',
        campaign: 'spring-launch',
        campaignLink: 'spring',
        lead: lead.id,
      })
    },
  )

  it('fetches a new token once when 企业微信 says it expired (42001), and the call goes through', async () => {
    wecom.expireTokens()
    const before = wecom.tokenCalls()
    await payload.create({
      collection: 'campaign-links',
      data: { code: 'autumn', title: 'Autumn', status: 'active', target: { kind: 'url', url: '/autumn' }, liveCodeStaff: 'lisi' },
    })
    const res = await get('autumn')
    expect(res.status).toBe(302)
    expect(wecom.contactWays.slice(-2).map((c) => c.answer.errcode)).toEqual([42001, 0])
    expect(wecom.tokenCalls()).toBe(before + 1)
  })

  it('answers 503 when 企业微信 refuses (an unknown UserID), and stores nothing', async () => {
    await payload.create({
      collection: 'campaign-links',
      data: { code: 'ghost', title: 'Ghost', status: 'active', target: { kind: 'url', url: '/ghost' }, liveCodeStaff: 'nobody-here' },
    })
    const res = await get('ghost')
    expect(res.status).toBe(503)
    expect(wecom.contactWays.at(-1)!.answer.errcode).toBe(60111)
    expect((await payload.find({ collection: 'live-codes', where: { campaignLink: { equals: 'ghost' } }, depth: 0 })).totalDocs).toBe(0)
  })
})

describe('the access token, shared by every process', () => {
  it('is fetched once when two processes need it at the same moment: one holds the lock, the other waits for the row', async () => {
    const { createTokenCache, getToken } = await import('../../functions/wecom')
    const { sqliteThrottleStore } = await import('../../cms/members/throttle-store')
    const endpoint = { base: wecom.url, fetch }
    const key = 'secret:wecom-token:race'
    const release = wecom.hold()
    // The second process's first wait is the moment both have asked: 企业微信 answers then.
    const pause = async () => {
      release()
      await new Promise((resolve) => setImmediate(resolve))
    }
    const processes = ['site-1', 'site-2'].map((holder) =>
      createTokenCache({
        store: sqliteThrottleStore(payload),
        key,
        fetchToken: () => getToken(endpoint, CORP),
        now: Date.now,
        pause,
        holder,
      }),
    )
    const before = wecom.tokenCalls()
    const [a, b] = await Promise.all(processes.map((p) => p.token()))
    expect(a).toBe(b)
    expect(wecom.tokenCalls()).toBe(before + 1)
  })

  it('never reaches the REST API: an admin reads the counters without a secret row’s state', async () => {
    const admin = await payload.create({
      collection: 'users',
      data: { email: 'admin.wecom@example.com', password: 'Lantern-garden 42', role: 'admin' },
    })
    const rows = (
      await payload.find({
        collection: 'throttle-counters',
        where: { counterKey: { like: 'secret:' } },
        overrideAccess: false,
        user: { ...admin, collection: 'users' },
        depth: 0,
      })
    ).docs
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(row.state).toBeUndefined()
    const stored = (
      await payload.find({
        collection: 'throttle-counters',
        where: { counterKey: { equals: `secret:wecom-token:${CORP.corpId}` } },
        depth: 0,
      })
    ).docs[0]
    expect((stored?.state as { token?: string } | undefined)?.token).toMatch(/^[A-Za-z0-9_-]{64}$/)
  })
})
