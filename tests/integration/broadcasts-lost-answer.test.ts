// A broadcast batch whose answer from Resend never came: sent again under its key, so every recipient has it once.
import { beforeAll, describe, expect, it } from 'vitest'

import { hashAddress } from '../../functions/broadcasts/recipients'
import {
  addMember,
  addressesOf,
  members,
  payload,
  resend,
  runJobsAt,
  scheduleBroadcast,
  unsubscribedByEmailLink,
  useBroadcasts,
} from './broadcasts-harness'

useBroadcasts()

// As after the first broadcast and the webhooks (broadcasts-send and broadcasts-webhooks.test.ts): Alice unsubscribed by its
// link, Erin suppressed by a hard bounce.
beforeAll(async () => {
  await unsubscribedByEmailLink(members.alice!)
  await payload.create({
    collection: 'suppressions',
    data: { addressHash: hashAddress('erin@people.example'), reason: 'bounce', at: new Date().toISOString() },
    overrideAccess: true,
  })
})

describe('a batch whose answer never came', () => {
  it(
    'is sent again under its key at once, and every recipient has the broadcast exactly once ' +
      '(the worker killed: broadcast-worker-killed.test.ts)',
    async () => {
      const crowd: string[] = []
      for (let i = 0; i < 210; i += 1) {
        const email = `reader${String(i).padStart(3, '0')}@crowd.example`
        crowd.push(email)
        await addMember(email, `Reader ${i}`, [{ subscribed: true, at: '2026-01-05T00:00:00.000Z' }])
      }
      resend.reset()
      // The second batch is taken by Resend, then the answer never comes: as if the connection dropped there.
      resend.dropAfterAccepting(2)
      const broadcast = await scheduleBroadcast('Big issue', new Date(Date.now() - 1000))
      // With no answer, whether Resend took the batch is unknown: the sender sends it again under its
      // key at once, and Resend answers from memory without sending.
      await runJobsAt(new Date())
      const expected = [...crowd, 'erin@people.example'].filter((e) => e !== 'erin@people.example').sort()
      expect(addressesOf(resend.received)).toEqual(expected)
      expect(new Set(addressesOf(resend.received)).size).toBe(210)
      // The unanswered batch was sent again under its key, and Resend answered it without sending.
      expect(resend.duplicates()).toBe(1)
      const done = await payload.findByID({ collection: 'broadcasts', id: broadcast.id, overrideAccess: true })
      expect([done.status, done.recipients]).toEqual(['sent', 210])
      expect(
        (
          await payload.count({
            collection: 'broadcast-deliveries',
            where: { broadcast: { equals: broadcast.id }, status: { equals: 'sent' } },
            overrideAccess: true,
          })
        ).totalDocs,
      ).toBe(210)
    },
    240_000,
  )
})
