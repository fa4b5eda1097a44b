import { describe, expect, it } from 'vitest'

import { describeDeliveryProblem, isProblemOf } from './delivery-problem'

describe('describeDeliveryProblem', () => {
  it.each<[Parameters<typeof describeDeliveryProblem>[0], string]>([
    [
      { kind: 'sales email', to: 'x@y.co', attempts: 5, reason: 'Resend refused the email: Temporary failure' },
      'sales email to x@y.co failed after 5 attempts: Resend refused the email: Temporary failure',
    ],
    [
      { kind: 'webhook', to: 'crm.example:8080', attempts: 5, reason: 'HTTP 500:\n  oops' },
      'webhook to crm.example:8080 failed after 5 attempts: HTTP 500: oops',
    ],
    [
      { kind: 'autoresponder', to: 'a@b.co', attempts: 1, reason: 'x'.repeat(400) },
      `autoresponder to a@b.co failed after 1 attempt: ${'x'.repeat(251)}…`,
    ],
  ])('%j', (input, expected) => {
    expect(describeDeliveryProblem(input)).toBe(expected)
    expect(describeDeliveryProblem(input).length).toBeLessThanOrEqual(300)
  })
})

describe('isProblemOf', () => {
  it.each<[string | null | undefined, Parameters<typeof isProblemOf>[1], boolean]>([
    ['sales email to x@y.co failed after 5 attempts: down', 'sales email', true],
    ['sales email to x@y.co failed after 5 attempts: down', 'webhook', false],
    ['webhook to crm.example failed after 5 attempts: HTTP 500', 'webhook', true],
    ['autoresponder to a@b.co failed after 5 attempts: down', 'autoresponder', true],
    [null, 'webhook', false],
    [undefined, 'sales email', false],
    ['', 'autoresponder', false],
  ])('%s is about %s: %s', (problem, kind, expected) => expect(isProblemOf(problem, kind)).toBe(expected))
})
