import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { startFakeTencentSms } from './fake-tencent-sms'
import { harness } from './members-harness'
import { startPayload } from './payload'

let payload: Payload
let cleanup: () => Promise<void>
let h: ReturnType<typeof harness>

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  h = harness(payload)
  await payload.updateGlobal({ slug: 'site-settings', locale: 'en', data: { brandName: 'Lantern Tea' } })
})
afterAll(async () => cleanup?.())

const TENCENT = [
  'TENCENT_SMS_SECRET_ID',
  'TENCENT_SMS_SECRET_KEY',
  'TENCENT_SMS_SDK_APP_ID',
  'TENCENT_SMS_SIGN_NAME',
  'TENCENT_SMS_TEMPLATE_ID',
  'TENCENT_SMS_ENDPOINT',
  'SMS_DAILY_BUDGET',
]
afterEach(() => {
  for (const name of TENCENT) delete process.env[name]
})

/**
 * Texts go to the Tencent Cloud stand-in at `url`, signed with `secretKey` (a key the stand-in was not given fails its signature check).
 */
function useTencent(url: string, secretKey: string): void {
  Object.assign(process.env, {
    TENCENT_SMS_SECRET_ID: 'AKIDstandin',
    TENCENT_SMS_SECRET_KEY: secretKey,
    TENCENT_SMS_SDK_APP_ID: '1400000001',
    TENCENT_SMS_SIGN_NAME: '灯笼茶',
    TENCENT_SMS_TEMPLATE_ID: '1110001',
    TENCENT_SMS_ENDPOINT: url,
  })
}

const ask = (phone: string, ip: string) => h.call('POST', '/en/account/sign-in/phone', { body: { phone }, ip })
const smsRows = async () => (await payload.find({ collection: 'outbox', where: { kind: { equals: 'sms' } }, depth: 0, limit: 500 })).docs

describe('what texts may cost', () => {
  it('asks one number for a code once a minute (429 with Retry-After), without counting the refusal', async () => {
    expect((await ask('13500135000', '192.0.2.1')).status).toBe(200)
    const again = await ask('135 0013 5000', '192.0.2.2')
    expect(again.status).toBe(429)
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(50)
    expect(again.json?.error.code).toBe('throttled')
    expect((await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'sendPhoneCode' } }, depth: 0 })).totalDocs).toBe(
      1,
    )
  })

  it('allows ten texts an hour from one address, then 429', async () => {
    const statuses = []
    for (let i = 0; i < 11; i++) statuses.push((await ask(`1510000${String(i).padStart(4, '0')}`, '192.0.2.10')).status)
    expect(statuses).toEqual([...Array(10).fill(200), 429])
    expect((await ask('15100000011', '192.0.2.11')).status).toBe(200)
  })

  it('allows twenty texts an hour to one block of numbers from any addresses, then 429', async () => {
    const statuses = []
    for (let i = 0; i < 21; i++) statuses.push((await ask(`1520000${String(i).padStart(4, '0')}`, `192.0.2.${100 + i}`)).status)
    expect(statuses).toEqual([...Array(20).fill(200), 429])
    expect((await ask('15200010000', '192.0.2.200')).status).toBe(200)
  })

  it('stops texting at the daily budget (503), and tells the admins once', async () => {
    await payload.create({
      collection: 'users',
      data: { email: 'admin@example.com', password: 'Admin-password 42', role: 'admin', name: 'Admin' },
    })
    const { totalDocs: sentToday } = await payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'sendPhoneCode' } },
      depth: 0,
      limit: 0,
    })
    process.env.SMS_DAILY_BUDGET = String(sentToday + 2)
    expect((await ask('15300000001', '192.0.2.31')).status).toBe(200)
    expect((await ask('15300000002', '192.0.2.32')).status).toBe(200)
    const refused = await ask('15300000003', '192.0.2.33')
    expect(refused.status).toBe(503)
    expect(refused.json?.error).toEqual({
      code: 'sms-unavailable',
      message: expect.stringMatching(
        /^Text codes cannot be sent right now\. Try again in \d+ (minutes|seconds), or sign in with your email\.$/,
      ),
    })
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await ask('15300000004', '192.0.2.34')).status).toBe(503)
    await payload.jobs.run({ limit: 100 })
    const alerts = (await payload.find({ collection: 'outbox', where: { to: { equals: 'admin@example.com' } }, depth: 0 })).docs
    expect(alerts.map((a) => a.subject)).toEqual(['SMS budget reached / 短信预算已用完'])
    expect((await smsRows()).map((r) => r.to)).not.toContain('+8615300000003')
    // Raised by the admin: texts go again at once.
    process.env.SMS_DAILY_BUDGET = String(sentToday + 10)
    expect((await ask('15300000003', '192.0.2.35')).status).toBe(200)
    await payload.jobs.run({ limit: 100 })
    expect((await smsRows()).map((r) => r.to)).toContain('+8615300000003')
  })
})

describe('Tencent Cloud SMS through its SDK, against a stand-in of its API', () => {
  it('sends SendSms signed with TC3-HMAC-SHA256, and the texted code signs in', async () => {
    const tencent = await startFakeTencentSms({ AKIDstandin: 'stand-in-secret-key' })
    try {
      useTencent(tencent.url, 'stand-in-secret-key')
      const outboxBefore = (await smsRows()).length
      expect((await ask('18600186000', '192.0.2.40')).status).toBe(200)
      await payload.jobs.run({ limit: 50 })
      expect(tencent.received).toEqual([
        {
          PhoneNumberSet: ['+8618600186000'],
          SmsSdkAppId: '1400000001',
          SignName: '灯笼茶',
          TemplateId: '1110001',
          TemplateParamSet: [expect.stringMatching(/^\d{6}$/), '10'],
          region: 'ap-guangzhou',
        },
      ])
      expect((await smsRows()).length).toBe(outboxBefore)
      const code = tencent.received[0]!.TemplateParamSet[0]!
      const res = await h.call('POST', '/en/account/sign-in/phone', { form: { phone: '18600186000', code }, ip: '192.0.2.40' })
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toBe('/en/account')
    } finally {
      await tencent.close()
    }
  })

  it('fails the job (to be retried) when the signature is wrong or the number is refused, and sends nothing to the Outbox', async () => {
    const tencent = await startFakeTencentSms({ AKIDstandin: 'the-real-key' })
    try {
      useTencent(tencent.url, 'a-wrong-key')
      expect((await ask('18700187000', '192.0.2.41')).status).toBe(200)
      await payload.jobs.run({ limit: 50 })
      const job = (
        await payload.find({
          collection: 'payload-jobs',
          where: { and: [{ taskSlug: { equals: 'sendPhoneCode' } }, { 'input.phone': { equals: '+8618700187000' } }] },
          depth: 0,
        })
      ).docs[0]!
      expect(JSON.stringify(job.log)).toContain('Tencent Cloud SMS refused the text (AuthFailure.SignatureFailure)')
      expect(tencent.received).toEqual([])

      process.env.TENCENT_SMS_SECRET_KEY = 'the-real-key'
      tencent.refuseNumber('+8618800188000', 'LimitExceeded.PhoneNumberDailyLimit')
      expect((await ask('18800188000', '192.0.2.42')).status).toBe(200)
      await payload.jobs.run({ limit: 50 })
      const refused = (await payload.find({ collection: 'payload-jobs', where: { 'input.phone': { equals: '+8618800188000' } }, depth: 0 }))
        .docs[0]!
      expect(JSON.stringify(refused.log)).toContain('Tencent Cloud SMS refused the text (LimitExceeded.PhoneNumberDailyLimit)')
      expect((await smsRows()).map((r) => r.to)).not.toContain('+8618800188000')
    } finally {
      await tencent.close()
    }
  })

  it('counts each retry of a failed text against the daily budget, and stops retrying when it is spent', async () => {
    const tencent = await startFakeTencentSms({ AKIDstandin: 'the-real-key' })
    try {
      // Every try fails at the provider (a wrong key): each one may still be billed, as a timed-out send can be.
      useTencent(tencent.url, 'a-wrong-key')
      // Imported here, after startPayload set DATA_DIR: cms/ reads it once, at import.
      const [{ createSmsGuard }, { throttleStoreFor }] = await Promise.all([
        import('../../functions/phone/sms-guard'),
        import('../../cms/members/throttle-store'),
      ])
      const guard = createSmsGuard({ store: throttleStoreFor(payload), now: () => new Date() })
      const { sent } = await guard.today()
      process.env.SMS_DAILY_BUDGET = String(sent + 2)
      expect((await ask('18900189000', '192.0.2.51')).status).toBe(200)
      const job = async () =>
        (await payload.find({ collection: 'payload-jobs', where: { 'input.phone': { equals: '+8618900189000' } }, depth: 0 })).docs[0]!
      // The first try fails; each retry is run at once by moving its backoff into the past.
      for (let run = 0; run < 3; run++) {
        const queued = await job()
        if (queued?.waitUntil)
          await payload.update({ collection: 'payload-jobs', id: queued.id, data: { waitUntil: new Date(0).toISOString() } })
        await payload.jobs.run({ limit: 10 })
      }
      // Try 1 (counted when asked) and try 2 (counted as a retry) used the budget; try 3 was not made,
      // and the job ended instead of waiting for a fourth (a finished job leaves the queue).
      expect(await job()).toBeUndefined()
      expect((await guard.today()).sent).toBe(sent + 2)
      expect((await ask('18900189001', '192.0.2.52')).status).toBe(503)
    } finally {
      await tencent.close()
    }
  })
})
