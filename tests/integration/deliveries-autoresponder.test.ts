// The autoresponder of a form: the visitor's email in their language, or none at all.
import { describe, expect, it } from 'vitest'

import type { Lead } from '../../cms/payload-types'
import { autoresponderKey } from '../../functions/notifications/idempotency-key'
import {
  contactForm,
  deliveriesOf,
  payload,
  providerIdOf,
  queue,
  quietForm,
  resend,
  runAll,
  submit,
  useDeliveries,
} from './deliveries-harness'

useDeliveries()

describe('the autoresponder', () => {
  it('reaches the visitor in the language they submitted in, escaped, with Reply-To the default recipient', async () => {
    const en = await submit(contactForm, { name: 'Ada <b>&</b>', email: 'Ada@Example.com ', company: 'ACME' }, { locale: 'en' })
    const zh = await submit(contactForm, { name: '李雷', email: 'li@example.cn' }, { locale: 'zh-CN' })
    await queue('autorespond', en.submission.id)
    await queue('autorespond', zh.submission.id)
    await runAll()

    expect(resend.received).toHaveLength(2)
    const toAda = resend.received.find((e) => e.to[0] === 'Ada@Example.com')!
    const toLi = resend.received.find((e) => e.to[0] === 'li@example.cn')!
    expect(toAda).toEqual({
      from: expect.any(String),
      to: ['Ada@Example.com'],
      reply_to: ['sales@test.example'],
      subject: 'Thanks, Ada <b>&</b>',
      html:
        '<p>Dear Ada &lt;b&gt;&amp;&lt;/b&gt;,</p>\n' +
        '<p>We got your message and will reply within one working day.<br>The Brand team</p>',
      text: 'Dear Ada <b>&</b>,\n\nWe got your message and will reply within one working day.\nThe Brand team',
      idempotencyKey: autoresponderKey(en.submission.id, 'Ada@Example.com'),
    })
    expect(toLi).toEqual({
      from: expect.any(String),
      to: ['li@example.cn'],
      reply_to: ['sales@test.example'],
      subject: '李雷，感谢您的留言',
      html: '<p>李雷您好：</p>\n<p>我们已收到您的留言，将在一个工作日内回复。<br>品牌团队</p>',
      text: '李雷您好：\n\n我们已收到您的留言，将在一个工作日内回复。\n品牌团队',
      idempotencyKey: autoresponderKey(zh.submission.id, 'li@example.cn'),
    })
    expect((await deliveriesOf(en.lead.id)).rows).toEqual([['autoresponder', 'sent', 'Ada@Example.com', providerIdOf(toAda), null]])
    expect((await deliveriesOf(zh.lead.id)).rows).toEqual([['autoresponder', 'sent', 'li@example.cn', providerIdOf(toLi), null]])
  })

  it.each<[string, () => Promise<{ lead: Lead; submission: { id: number } }>]>([
    ['the form has it switched off', () => submit(quietForm, { name: 'Grace', email: 'grace@example.com' })],
    ['the submission has no email', () => submit(contactForm, { name: 'Grace', company: 'ACME' })],
    ['the email is blank', () => submit(contactForm, { name: 'Grace', email: '  ' })],
  ])('sends nothing when %s', async (_, make) => {
    const { lead, submission } = await make()
    const jobId = await queue('autorespond', submission.id)
    await runAll()
    expect(resend.received).toEqual([])
    // Completed, so Payload deleted it (a job that gave up stays, with hasError).
    expect((await payload.count({ collection: 'payload-jobs', where: { id: { equals: jobId } } })).totalDocs).toBe(0)
    expect((await deliveriesOf(lead.id)).rows).toEqual([])
  })
})
