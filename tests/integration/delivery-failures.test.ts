import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { User } from '../../cms/payload-types'
import { deliveriesOf, queue, runAll, SECRET, startDeliveryWorld, submit } from './deliveries-harness'

// A submission's deliveries when they fail: the last attempt, the admins told, and a team's turn
// kept across a retry. When they work: deliveries.test.ts.

let world: Awaited<ReturnType<typeof startDeliveryWorld>>
let payload: Payload
let resend: typeof world.resend
let crm: typeof world.crm
let quietForm: number

beforeAll(async () => {
  world = await startDeliveryWorld()
  ;({ payload, resend, crm, quietForm } = world)
})
afterAll(async () => {
  await world?.stop()
})
beforeEach(() => {
  resend.received.length = 0
  crm.received.length = 0
})

describe('a delivery that fails on its last attempt', () => {
  it('is tried 5 times, then shown on the lead until a delivery of the same kind succeeds', async () => {
    const form = await payload.create({
      collection: 'forms',
      locale: 'en',
      data: {
        name: 'Broken CRM',
        fields: [{ name: 'name', type: 'text', label: 'Name' }, { name: 'email', type: 'email', label: 'Email' }],
        defaultRecipient: 'sales@test.example',
        autoresponder: { enabled: true, subject: 'Hi {name}', body: 'Thanks.' },
        webhook: { url: `${crm.url}/always-fails`, secret: SECRET },
      },
    })
    const first = await submit(form.id, { name: 'Lin', email: 'lin@example.com' })
    const jobId = await queue('sendWebhook', first.submission.id)
    await runAll()

    expect(crm.received.map((r) => [r.path, r.headers['x-webhook-id'], r.genuine])).toEqual(Array(5).fill(['/always-fails', `submission-${first.submission.id}`, true]))
    const job = await payload.findByID({ collection: 'payload-jobs', id: jobId, depth: 0 })
    expect([job.totalTried, job.hasError, job.completedAt ?? null]).toEqual([5, true, null])
    const problem = `webhook to ${crm.host} failed after 5 attempts: HTTP 503`
    let { lead, rows } = await deliveriesOf(first.lead.id)
    expect(rows).toEqual(Array(5).fill(['webhook', 'failed', crm.host, null, 'HTTP 503']))
    expect(lead.deliveryProblem).toBe(problem)
    // Admins list and filter leads by it.
    expect((await payload.find({ collection: 'leads', where: { deliveryProblem: { exists: true } }, depth: 0 })).docs.map((l) => l.id)).toEqual([first.lead.id])

    // Another kind of delivery succeeding says nothing about the webhook.
    const second = await payload.create({ collection: 'submissions', data: { form: form.id, lead: first.lead.id, values: { name: 'Lin', email: 'lin@example.com' }, locale: 'en', isSpam: false } })
    await queue('autorespond', second.id)
    await runAll()
    ;({ lead, rows } = await deliveriesOf(first.lead.id))
    expect(rows.at(-1)).toEqual(['autoresponder', 'sent', 'lin@example.com', 're_1', null])
    expect(lead.deliveryProblem).toBe(problem)

    // Once the admin fixes the URL, the next webhook goes through and the problem is cleared.
    await payload.update({ collection: 'forms', id: form.id, locale: 'en', data: { webhook: { url: `${crm.url}/hooks`, secret: SECRET } } })
    await queue('sendWebhook', second.id)
    await runAll()
    ;({ lead, rows } = await deliveriesOf(first.lead.id))
    expect(rows.at(-1)).toEqual(['webhook', 'sent', crm.host, `submission-${second.id}`, null])
    expect(lead.deliveryProblem ?? null).toBe(null)
  })

  it('works the same for the sales email', async () => {
    const { lead, submission } = await submit(quietForm, { name: 'Mo', email: 'mo@example.com' })
    resend.failNext(5)
    await queue('notifyLead', submission.id)
    await runAll()
    expect(resend.received).toEqual([])
    const { lead: after, rows } = await deliveriesOf(lead.id)
    expect(rows).toEqual(Array(5).fill(['sales email', 'failed', 'quiet@test.example', null, 'Resend refused the email (HTTP 500): Temporary failure']))
    expect(after.deliveryProblem).toBe('sales email to quiet@test.example failed after 5 attempts: Resend refused the email (HTTP 500): Temporary failure')
  })
})

describe('the admins, when a delivery gives up', () => {
  it('get one email naming the lead; while Resend is down too, one Outbox entry instead', async () => {
    const admin = await payload.create({ collection: 'users', data: { email: 'ops@test.example', password: 'a-Strong-passw0rd', role: 'admin' } })
    try {
      const { lead, submission } = await submit(quietForm, { name: 'Ola', email: 'ola@example.com' })
      resend.failNext(5)
      await queue('notifyLead', submission.id)
      await runAll()
      expect(resend.received.map((e) => [e.to, e.subject])).toEqual([[['ops@test.example'], `Delivery failed for lead ${lead.id}`]])
      expect(resend.received[0]!.text).toContain('sales email to quiet@test.example failed after 5 attempts: Resend refused the email (HTTP 500): Temporary failure')

      resend.received.length = 0
      const down = await submit(quietForm, { name: 'Pia', email: 'pia@example.com' })
      resend.outage(true)
      await queue('notifyLead', down.submission.id)
      await runAll()
      resend.outage(false)
      expect(resend.received).toEqual([])
      const outbox = await payload.find({ collection: 'outbox', where: { subject: { equals: `Delivery failed for lead ${down.lead.id}` } }, depth: 0 })
      expect(outbox.docs.map((d) => d.to)).toEqual(['ops@test.example'])
    } finally {
      await payload.delete({ collection: 'users', id: admin.id })
    }
  })
})

describe('a routing rule naming a team', () => {
  it('serves the team in turn, makes the member the owner, and keeps the choice across a retry', async () => {
    const members: User[] = []
    for (const [email, language] of [['wang@test.example', 'zh-CN'], ['amy@test.example', 'en'], ['zhao@test.example', 'zh-CN']] as const) {
      members.push(await payload.create({ collection: 'users', data: { email, password: 'a-Strong-passw0rd', role: 'sales', language } }))
    }
    const team = await payload.create({ collection: 'teams', data: { name: 'Cloud', members: members.map((m) => m.id) } })
    const form = await payload.create({
      collection: 'forms',
      locale: 'en',
      data: {
        name: 'Cloud trial',
        fields: [{ name: 'name', type: 'text', label: 'Name' }, { name: 'email', type: 'email', label: 'Email' }, { name: 'product', type: 'text', label: 'Product' }],
        defaultRecipient: 'sales@test.example',
        routing: [
          { field: 'product', value: 'box', recipient: 'box@test.example' },
          { field: 'product', value: 'cloud', team: team.id },
        ],
      },
    })
    const turnOf = async () => (await payload.findByID({ collection: 'teams', id: team.id, depth: 0 })).turn

    // One at a time: three submissions go to the three members in order, each in their language.
    const leads = []
    for (const name of ['One', 'Two', 'Three']) {
      const { lead, submission } = await submit(form.id, { name, email: `${name.toLowerCase()}@example.com`, product: 'cloud' })
      leads.push(lead.id)
      await queue('notifyLead', submission.id)
      await runAll()
    }
    expect(resend.received.map((e) => [e.to, e.subject])).toEqual([
      [['wang@test.example'], '新线索: Cloud trial – One'],
      [['amy@test.example'], 'New lead: Cloud trial – Two'],
      [['zhao@test.example'], '新线索: Cloud trial – Three'],
    ])
    expect(await turnOf()).toBe(3)
    for (const [i, id] of leads.entries()) {
      const { lead, rows } = await deliveriesOf(id)
      expect([lead.owner, rows]).toEqual([members[i]!.id, [['sales email', 'sent', members[i]!.email, `re_${i + 1}`, null]]])
    }

    // At once: a batch run in parallel still gives each member exactly one; a lead's owner is kept.
    resend.received.length = 0
    const batch = [await submit(form.id, { name: 'Four', product: 'cloud' }), await submit(form.id, { name: 'Five', product: 'cloud' }, { owner: members[0]!.id }), await submit(form.id, { name: 'Six', product: 'cloud' })]
    for (const { submission } of batch) await queue('notifyLead', submission.id)
    await runAll()
    expect(resend.received.map((e) => e.to[0]).sort()).toEqual(['amy@test.example', 'wang@test.example', 'zhao@test.example'])
    expect(await turnOf()).toBe(6)
    const owners = []
    for (const { lead } of batch) {
      const { lead: after, rows } = await deliveriesOf(lead.id)
      owners.push(after.owner)
      expect(rows).toHaveLength(1)
    }
    expect(owners[1]).toBe(members[0]!.id)
    expect([owners[0], owners[2]].every((o) => members.some((m) => m.id === o))).toBe(true)

    // A retry after Resend failed sends to the same member, and the team's turn moves once.
    resend.received.length = 0
    resend.failNext(1)
    const retried = await submit(form.id, { name: 'Seven', product: 'Cloud' })
    await queue('notifyLead', retried.submission.id)
    await runAll()
    expect(resend.received.map((e) => e.to)).toEqual([['wang@test.example']])
    expect(await turnOf()).toBe(7)
    const { lead, rows } = await deliveriesOf(retried.lead.id)
    expect([lead.owner, rows]).toEqual([
      members[0]!.id,
      [
        ['sales email', 'failed', 'wang@test.example', null, 'Resend refused the email (HTTP 500): Temporary failure'],
        ['sales email', 'sent', 'wang@test.example', 're_1', null],
      ],
    ])

    // Other rules and the default recipient are untouched by the team.
    resend.received.length = 0
    for (const product of ['box', 'other']) {
      const { submission } = await submit(form.id, { name: 'Eight', product })
      await queue('notifyLead', submission.id)
    }
    await runAll()
    expect(resend.received.map((e) => e.to[0]).sort()).toEqual(['box@test.example', 'sales@test.example'])
    expect(await turnOf()).toBe(7)
  })
})
