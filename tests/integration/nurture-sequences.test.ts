// Email sequences: steps sent on time and once, leaving when sales take over, one enrolment at a time, stats per step.
import { beforeAll, describe, expect, it } from 'vitest'

import { activityOf, contactForm, DAY, payload, resend, submit, turn, useNurture } from './nurture-harness'

useNurture()

describe('sequences', () => {
  let sequence: number

  beforeAll(async () => {
    await payload.updateGlobal({ slug: 'scoring-settings', data: { threshold: null }, depth: 0 })
    const created = await payload.create({
      collection: 'sequences',
      locale: 'en',
      data: {
        name: 'Welcome',
        trigger: 'form-submitted',
        form: contactForm,
        steps: [
          {
            delay: 0,
            unit: 'minutes',
            subject: 'Welcome, {name|friend}',
            body: 'Thanks for writing.\n\nRead https://brand.example/blog/brand-one',
          },
          { delay: 2, unit: 'days', subject: 'Two days later', body: 'Still thinking about it?' },
        ],
      },
      depth: 0,
    })
    sequence = created.id as number
  })

  const mailTo = (email: string) => resend.received.filter((e) => e.to.includes(email)).map((e) => e.subject)

  it('sends step 1 at once and step 2 when the clock reaches two days, each once', async () => {
    const lead = await submit(contactForm, 'welcome@example.com', null)
    // Taken after the submission: step 1 is due at the enrolment, later than any instant before it.
    const start = new Date()
    await turn(start)
    expect(mailTo('welcome@example.com')).toEqual(['Welcome, Ann'])
    const sent = resend.received.find((e) => e.to.includes('welcome@example.com'))!
    expect(sent.idempotencyKey).toMatch(/^sequence-step\/\d+\/[0-9a-f]+$/)
    expect(sent.html).toContain('/l/')
    // A day later nothing is due; the worker restarting (a second run of the same turn) sends nothing twice.
    await turn(new Date(start.getTime() + DAY))
    await turn(new Date(start.getTime() + DAY))
    expect(mailTo('welcome@example.com')).toEqual(['Welcome, Ann'])
    await turn(new Date(start.getTime() + 2 * DAY + 60_000))
    expect(mailTo('welcome@example.com')).toEqual(['Welcome, Ann', 'Two days later'])
    const enrolment = (await payload.find({ collection: 'sequence-enrolments', where: { lead: { equals: lead.id } }, depth: 0 })).docs
    expect(enrolment.map((e) => [e.status, e.sentCount])).toEqual([['completed', 2]])
  })

  it('sends nothing more once sales mark the lead contacted, and says why it left', async () => {
    const lead = await submit(contactForm, 'busy@example.com', null)
    const start = new Date()
    await turn(start)
    expect(mailTo('busy@example.com')).toEqual(['Welcome, Ann'])
    await payload.update({ collection: 'leads', id: lead.id, data: { status: 'contacted' }, depth: 0 })
    await turn(new Date(start.getTime() + 3 * DAY))
    expect(mailTo('busy@example.com')).toEqual(['Welcome, Ann'])
    const [enrolment] = (await payload.find({ collection: 'sequence-enrolments', where: { lead: { equals: lead.id } }, depth: 0 })).docs
    expect(enrolment).toMatchObject({ status: 'exited', exitReason: 'status contacted', sentCount: 1 })
  })

  it('enrols a person once while they are in it, and applies an edited delay to those waiting', async () => {
    const lead = await submit(contactForm, 'twice@example.com', null)
    await submit(contactForm, 'twice@example.com', null)
    const start = new Date()
    await turn(start)
    expect((await payload.find({ collection: 'sequence-enrolments', where: { lead: { equals: lead.id } }, depth: 0 })).totalDocs).toBe(1)
    const current = await payload.findByID({ collection: 'sequences', id: sequence, locale: 'en', depth: 0 })
    // The second step now waits 5 days: at day 3 nothing goes out, at day 5 it does.
    await payload.update({
      collection: 'sequences',
      id: sequence,
      locale: 'en',
      data: { steps: current.steps!.map((s, i) => (i === 1 ? { ...s, delay: 5 } : s)) },
      depth: 0,
    })
    await turn(new Date(start.getTime() + 3 * DAY))
    expect(mailTo('twice@example.com')).toEqual(['Welcome, Ann'])
    await turn(new Date(start.getTime() + 5 * DAY + 60_000))
    expect(mailTo('twice@example.com')).toEqual(['Welcome, Ann', 'Two days later'])
  })

  it('counts sent, clicked and left per step', async () => {
    const { sequenceStats } = await import('../../cms/nurture/stats')
    const email = resend.received.find((e) => e.to.includes('welcome@example.com'))!
    const token = /\/l\/([^"]+)"/.exec(email.html)![1]!
    const { followBroadcastLink } = await import('../../site/lib/stores')
    expect(await followBroadcastLink(token, null)).toBe('https://brand.example/blog/brand-one')
    const stats = await sequenceStats(payload, sequence)
    expect(stats.steps.map((s) => [s.sent, s.clicked, s.left])).toEqual([
      [3, 1, 1],
      [2, 0, 0],
    ])
    const clicks = await activityOf({ kind: { equals: 'email-click' } })
    expect(clicks).toHaveLength(1)
  })
})
