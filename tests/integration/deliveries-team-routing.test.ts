// A routing rule naming a team: the sales email to its members in turn, who become the lead's owner.
import { describe, expect, it } from 'vitest'

import type { User } from '../../cms/payload-types'
import { deliveriesOf, payload, queue, resend, runAll, submit, useDeliveries } from './deliveries-harness'

useDeliveries()

describe('a routing rule naming a team', () => {
  it('serves the team in turn, makes the member the owner, and keeps the choice across a retry', async () => {
    const members: User[] = []
    for (const [email, language] of [
      ['wang@test.example', 'zh-CN'],
      ['amy@test.example', 'en'],
      ['zhao@test.example', 'zh-CN'],
    ] as const) {
      members.push(await payload.create({ collection: 'users', data: { email, password: 'a-Strong-passw0rd', role: 'sales', language } }))
    }
    const team = await payload.create({ collection: 'teams', data: { name: 'Cloud', members: members.map((m) => m.id) } })
    const form = await payload.create({
      collection: 'forms',
      locale: 'en',
      data: {
        name: 'Cloud trial',
        fields: [
          { name: 'name', type: 'text', label: 'Name' },
          { name: 'email', type: 'email', label: 'Email' },
          { name: 'product', type: 'text', label: 'Product' },
        ],
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
    const batch = [
      await submit(form.id, { name: 'Four', product: 'cloud' }),
      await submit(form.id, { name: 'Five', product: 'cloud' }, { owner: members[0]!.id }),
      await submit(form.id, { name: 'Six', product: 'cloud' }),
    ]
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
