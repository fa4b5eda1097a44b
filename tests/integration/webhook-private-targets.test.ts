// Issue 11, item 9: a form's webhook cannot be aimed at this machine, the private network or a
// cloud's metadata service (SSRF), neither when an admin saves it nor when the job connects (after
// DNS). What the remote answers never lands on the lead: only its status code.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { hostname } from 'node:os'

import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { deliveryAttempts, startPayload } from './payload'

const SECRET = 'a-webhook-secret-of-32-characters!'
const REFUSED = 'The webhook must be a public address on the internet: not this machine, the private network or a cloud metadata service.'

let payload: Payload
let cleanup: () => Promise<void>
let server: Server
let port: number
let hits: string[]

beforeAll(async () => {
  delete process.env.WEBHOOK_ALLOW_HOSTS
  hits = []
  server = createServer((req, res) => {
    hits.push(req.url ?? '')
    req.resume()
    // What a metadata service or an internal admin page would answer: it must not reach the lead.
    req.on('end', () =>
      res
        .writeHead(req.url === '/secret' ? 500 : 200, { 'content-type': 'text/plain' })
        .end('AccessKeyId=AKIAEXAMPLE SecretAccessKey=wJalrXUtnFEMI'),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
  ;({ payload, cleanup } = await startPayload())
})
afterAll(async () => {
  delete process.env.WEBHOOK_ALLOW_HOSTS
  await cleanup?.()
  await new Promise((resolve) => server.close(resolve))
})
beforeEach(() => {
  hits.length = 0
  delete process.env.WEBHOOK_ALLOW_HOSTS
})

const formWith = (url: string) =>
  payload.create({
    collection: 'forms',
    locale: 'en',
    data: {
      name: `Hook ${Math.random()}`,
      fields: [{ name: 'email', type: 'email', label: 'Email' }],
      defaultRecipient: 'sales@test.example',
      webhook: { url, secret: SECRET },
    },
  })

/** Runs the webhook job of a fresh submission to `form` once and answers the lead's webhook deliveries. */
async function deliver(form: number) {
  const lead = await payload.create({ collection: 'leads', data: { email: 'p@example.com', status: 'new' } })
  const submission = await payload.create({
    collection: 'submissions',
    data: { form, lead: lead.id, values: { email: 'p@example.com' }, locale: 'en', isSpam: false },
  })
  await payload.jobs.queue({ task: 'sendWebhook' as 'notifyLead', input: { submissionId: String(submission.id) }, queue: 'default' })
  await payload.jobs.run({ queue: 'default' })
  return (await deliveryAttempts(payload, lead.id)).filter((d) => d.kind === 'webhook').map((d) => [d.status, d.reason ?? null])
}

describe('webhook targets', () => {
  it.each([
    'http://127.0.0.1:8080/hook',
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    'http://10.0.0.5/hook',
    'http://192.168.1.1/hook',
    'http://172.16.0.1/hook',
    'http://[::1]/hook',
    'http://[fd00::1]/hook',
    'http://[fe80::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://[::ffff:a9fe:a9fe]/latest/meta-data',
    'http://0.0.0.0/hook',
    'http://localhost/hook',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://printer.local/hook',
    'http://intranet/hook',
  ])('refuses %s when the form is saved', async (url) => {
    await expect(formWith(url)).rejects.toMatchObject({ status: 400, data: { errors: [{ path: 'webhook.url', message: REFUSED }] } })
  })

  it('accepts a public https URL', async () => {
    const form = await formWith('https://crm.example.com/hooks?token=abc')
    expect(form.webhook?.url).toBe('https://crm.example.com/hooks?token=abc')
  })

  it('refuses to connect when a name that passed the save check resolves to loopback (checked after DNS)', async () => {
    // A name judged at save time may resolve inward later (DNS rebinding): here this machine's own
    // name, accepted at save and resolving to 127.0.0.1 when the job connects.
    process.env.WEBHOOK_ALLOW_HOSTS = hostname()
    const form = await formWith(`http://${hostname()}:${port}/hook`)
    delete process.env.WEBHOOK_ALLOW_HOSTS
    expect(await deliver(form.id)).toEqual([
      [
        'failed',
        'Refused: the webhook host is or resolves to a loopback, private or link-local address. An admin should enter a public URL (WEBHOOK_ALLOW_HOSTS allows a host for development).',
      ],
    ])
    expect(hits).toEqual([])
  })

  it('refuses to connect to a private address stored before the rule existed', async () => {
    process.env.WEBHOOK_ALLOW_HOSTS = '127.0.0.1'
    const form = await formWith(`http://127.0.0.1:${port}/hook`)
    delete process.env.WEBHOOK_ALLOW_HOSTS
    expect((await deliver(form.id))[0]?.[0]).toBe('failed')
    expect(hits).toEqual([])
  })

  it('a host in WEBHOOK_ALLOW_HOSTS is reached (development), and only the status of a refusal lands on the lead', async () => {
    process.env.WEBHOOK_ALLOW_HOSTS = 'crm.test, 127.0.0.1'
    const form = await formWith(`http://127.0.0.1:${port}/secret`)
    expect(await deliver(form.id)).toEqual([['failed', 'HTTP 500']])
    expect(hits).toEqual(['/secret'])
  })
})
