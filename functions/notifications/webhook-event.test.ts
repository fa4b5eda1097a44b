import { describe, expect, it } from 'vitest'

import { submissionCreatedEvent, webhookDeliveryId } from './webhook-event'

describe('submissionCreatedEvent', () => {
  it('names every key, with null for what the submission lacks, in a fixed order', () => {
    const event = submissionCreatedEvent({
      form: { id: 3, name: 'Contact us' },
      lead: { id: 9, email: 'ada@example.com', status: 'new' },
      submission: { id: 41, createdAt: '2026-03-01T08:00:00.000Z', values: { name: 'Ada' } },
    })
    expect(JSON.stringify(event)).toBe(
      '{"event":"submission.created","id":"submission-41","createdAt":"2026-03-01T08:00:00.000Z","form":{"id":3,"name":"Contact us"},' +
        '"lead":{"id":9,"email":"ada@example.com","phone":null,"name":null,"status":"new"},' +
        '"submission":{"id":41,"values":{"name":"Ada"},"locale":null,"pageUrl":null,"firstTouch":null,"lastTouch":null,"consents":null}}',
    )
  })
  it.each<[string | number, string]>([
    [41, 'submission-41'],
    ['665f1c2e9b1d4a0012345678', 'submission-665f1c2e9b1d4a0012345678'],
  ])('the delivery id of %s is %s', (id, expected) => expect(webhookDeliveryId(id)).toBe(expected))
})
