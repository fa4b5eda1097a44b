import { describe, expect, it } from 'vitest'

import type { BroadcastEmail } from './email'
import { type Recipient, selectRecipients } from './recipients'
import type { PersonFacts } from './segment'
import { type BatchSender, type BroadcastPlan, type BroadcastStore, sendBroadcast } from './send'

const person = (i: number, over: Partial<PersonFacts> = {}): PersonFacts => ({
  key: `m:${String(i).padStart(4, '0')}`,
  email: `p${i}@x.example`,
  name: null,
  locale: null,
  memberId: String(i),
  leadId: null,
  subscribed: ['newsletter'],
  unsubscribed: [],
  tier: null,
  points: 0,
  firstTouch: null,
  lastTouch: null,
  leadStatus: null,
  leadOwner: null,
  forms: [],
  since: '2026-01-01T00:00:00.000Z',
  ...over,
})

class Killed extends Error {}

/** An in-memory store whose `killAt`-th call throws, as if the process died right there. */
function memoryStore(people: PersonFacts[], killAt: number | null) {
  let calls = 0
  const step = () => {
    calls += 1
    if (killAt !== null && calls === killAt) throw new Killed(`killed at call ${calls}`)
  }
  const broadcast: BroadcastPlan = {
    id: '1',
    status: 'scheduled',
    sendAt: null,
    plannedAt: null,
    segment: { match: 'all', rules: [{ kind: 'topic', topic: 'newsletter' }] },
    topic: 'newsletter',
  }
  const rows: { recipient: Recipient; batch: number; sent: boolean }[] = []
  const store: BroadcastStore = {
    loadBroadcast: async () => (step(), { ...broadcast }),
    setStatus: async (_, status) => void (step(), (broadcast.status = status)),
    people: async () => (step(), people),
    suppressedHashes: async () => (step(), new Set()),
    recipients: async (segment, topic) => (step(), selectRecipients(people, segment, { topic, suppressed: new Set() })),
    countRecipients: async () => {
      throw new Error('The sender never counts.')
    },
    clearPlan: async () => void (step(), rows.splice(0)),
    insertDeliveries: async (_, list) => {
      // One row at a time, each a step, so a kill can leave a partial plan.
      for (const r of list) {
        step()
        rows.push({ ...r, sent: false })
      }
    },
    markPlanned: async () => void (step(), (broadcast.plannedAt = 'now')),
    openBatches: async () => (step(), [...new Set(rows.filter((r) => !r.sent).map((r) => r.batch))].sort((a, b) => a - b)),
    batchRecipients: async (_, batch) => (step(), rows.filter((r) => r.batch === batch).map((r) => r.recipient)),
    markSent: async (_, batch) => {
      // Marked one row at a time, each a step, so a kill can leave a batch half marked.
      for (const r of rows.filter((x) => x.batch === batch)) {
        step()
        r.sent = true
      }
    },
  }
  return { store, broadcast, calls: () => calls, disarm: () => (killAt = null) }
}

/** Resend as it behaves: a key seen before sends nothing again. */
function idempotentProvider() {
  const keys = new Set<string>()
  const delivered: string[] = []
  const sender: BatchSender = {
    send: async (emails, key) => {
      if (!keys.has(key)) {
        keys.add(key)
        delivered.push(...emails.map((e) => e.to))
      }
      return { ok: true, ids: emails.map((_, i) => `${key}-${i}`) }
    },
  }
  return { sender, delivered }
}

const render = (r: Recipient): BroadcastEmail => ({ to: r.email, subject: 's', html: '', text: '', headers: {} })
const clock = { now: () => new Date('2026-03-01T00:00:00.000Z'), sleep: async () => {} }

describe('sendBroadcast', () => {
  const people = Array.from({ length: 250 }, (_, i) => person(i)).concat([
    person(900, { unsubscribed: ['newsletter'] }),
    person(901, { subscribed: [] }),
  ])
  const clean = memoryStore(people, null)
  const cleanProvider = idempotentProvider()

  it('sends each subscribed person once, in batches of at most 100', async () => {
    expect(await sendBroadcast({ broadcastId: '1', store: clean.store, sender: cleanProvider.sender, render, clock })).toBe('sent')
    expect(cleanProvider.delivered.length).toBe(250)
    expect(new Set(cleanProvider.delivered).size).toBe(250)
  })

  // Every store step of a clean run is a place the process can die; after each, a rerun must finish with nobody mailed twice.
  it('killed at any store step, a rerun mails everyone exactly once', async () => {
    expect(clean.calls()).toBeGreaterThan(500)
    for (let killAt = 1; killAt <= clean.calls(); killAt += 1) {
      const run = memoryStore(people, killAt)
      const provider = idempotentProvider()
      await expect(sendBroadcast({ broadcastId: '1', store: run.store, sender: provider.sender, render, clock })).rejects.toBeInstanceOf(
        Killed,
      )
      run.disarm()
      expect(await sendBroadcast({ broadcastId: '1', store: run.store, sender: provider.sender, render, clock })).toBe('sent')
      expect([...provider.delivered].sort(), `killed at step ${killAt}`).toEqual([...cleanProvider.delivered].sort())
    }
  })

  it('stops before the next batch when an editor pauses the broadcast, and a resume finishes it', async () => {
    const run = memoryStore(people, null)
    const provider = idempotentProvider()
    const pausing: BatchSender = { send: async (emails, key) => ((run.broadcast.status = 'paused'), provider.sender.send(emails, key)) }
    expect(await sendBroadcast({ broadcastId: '1', store: run.store, sender: pausing, render, clock })).toBe('stopped')
    expect(provider.delivered.length).toBe(100)
    run.broadcast.status = 'sending'
    expect(await sendBroadcast({ broadcastId: '1', store: run.store, sender: provider.sender, render, clock })).toBe('sent')
    expect(new Set(provider.delivered).size).toBe(250)
    expect(provider.delivered.length).toBe(250)
  })

  it('waits out a 429 for its retry-after, then sends the same batch under the same key', async () => {
    const run = memoryStore(people.slice(0, 3), null)
    const waits: number[] = []
    const keys: string[] = []
    let refused = false
    const sender: BatchSender = {
      send: async (_, key) => {
        keys.push(key)
        if (!refused) return ((refused = true), { ok: false, status: 429, retryAfterSeconds: 2, message: 'Too many requests' })
        return { ok: true, ids: ['a', 'b', 'c'] }
      },
    }
    expect(
      await sendBroadcast({
        broadcastId: '1',
        store: run.store,
        sender,
        render,
        clock: { ...clock, sleep: async (ms) => void waits.push(ms) },
      }),
    ).toBe('sent')
    expect(waits).toEqual([2000])
    expect(keys[0]).toBe(keys[1])
  })

  it('sends a batch again under its key when the answer never came (a dropped connection), and Resend takes it once', async () => {
    const run = memoryStore(people.slice(0, 3), null)
    const provider = idempotentProvider()
    const waits: number[] = []
    let dropped = false
    const sender: BatchSender = {
      send: async (emails, key) => {
        const answer = await provider.sender.send(emails, key)
        if (dropped) return answer
        dropped = true
        return { ok: false, status: 0, retryAfterSeconds: null, message: 'Unable to fetch data.' }
      },
    }
    const sleep = async (ms: number) => void waits.push(ms)
    expect(await sendBroadcast({ broadcastId: '1', store: run.store, sender, render, clock: { ...clock, sleep } })).toBe('sent')
    expect(waits).toEqual([1000])
    expect(provider.delivered).toEqual(['p0@x.example', 'p1@x.example', 'p2@x.example'])
  })

  it('fails the run on any other refusal, so the job retries with backoff', async () => {
    const run = memoryStore(people.slice(0, 3), null)
    const sender: BatchSender = { send: async () => ({ ok: false, status: 500, retryAfterSeconds: null, message: 'Temporary failure' }) }
    await expect(sendBroadcast({ broadcastId: '1', store: run.store, sender, render, clock })).rejects.toThrow(
      'The provider refused batch 0: Temporary failure',
    )
  })

  it(
    'with several batches in flight, sends each person once, holds no more than that many requests open, ' +
      'and a kill still reruns cleanly',
    async () => {
      const run = memoryStore(people, null)
      const provider = idempotentProvider()
      let open = 0
      let most = 0
      const slow: BatchSender = {
        send: async (emails, key) => {
          most = Math.max(most, ++open)
          // Each answer comes a turn later, so the lanes really overlap.
          await new Promise((resolve) => setImmediate(resolve))
          open--
          return provider.sender.send(emails, key)
        },
      }
      expect(await sendBroadcast({ broadcastId: '1', store: run.store, sender: slow, render, clock, concurrency: 2 })).toBe('sent')
      expect(most).toBe(2)
      expect([...provider.delivered].sort()).toEqual([...cleanProvider.delivered].sort())

      for (const killAt of [clean.calls() - 3, clean.calls() - 120]) {
        const killed = memoryStore(people, killAt)
        const again = idempotentProvider()
        const lanes = { broadcastId: '1', store: killed.store, sender: again.sender, render, clock, concurrency: 3 }
        await expect(sendBroadcast(lanes)).rejects.toBeInstanceOf(Killed)
        killed.disarm()
        expect(await sendBroadcast(lanes)).toBe('sent')
        expect([...again.delivered].sort(), `killed at step ${killAt}`).toEqual([...cleanProvider.delivered].sort())
      }
    },
  )

  it('with several batches in flight, stops taking batches when one is refused', async () => {
    const run = memoryStore(people, null)
    let calls = 0
    const sender: BatchSender = { send: async () => (calls++, { ok: false, status: 422, retryAfterSeconds: null, message: 'Invalid' }) }
    await expect(sendBroadcast({ broadcastId: '1', store: run.store, sender, render, clock, concurrency: 2 })).rejects.toThrow(
      'The provider refused batch 0: Invalid',
    )
    expect(calls).toBe(2)
  })

  it('does nothing before sendAt, or for a draft or cancelled broadcast', async () => {
    const run = memoryStore(people.slice(0, 3), null)
    run.broadcast.sendAt = '2026-03-02T00:00:00.000Z'
    const provider = idempotentProvider()
    expect(await sendBroadcast({ broadcastId: '1', store: run.store, sender: provider.sender, render, clock })).toBe('not-due')
    run.broadcast.status = 'cancelled'
    expect(await sendBroadcast({ broadcastId: '1', store: run.store, sender: provider.sender, render, clock })).toBe('stopped')
    expect(provider.delivered).toEqual([])
  })
})
