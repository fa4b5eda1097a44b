import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startPayload } from './payload'

let payload: Payload
let cleanup: () => Promise<void>
let lease: typeof import('../../cms/jobs/lease')
let admin: typeof import('../../cms/jobs/admin')
let handleEndpoints: typeof import('payload').handleEndpoints
let config: Promise<import('payload').SanitizedConfig>
const tokens: Record<string, string> = {}
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString()

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  lease = await import('../../cms/jobs/lease')
  admin = await import('../../cms/jobs/admin')
  ;({ handleEndpoints } = await import('payload'))
  config = (await import('../../cms/payload.config')).default
  for (const role of ['admin', 'editor', 'sales'] as const) {
    const email = `${role}@jobs.example`
    await payload.create({ collection: 'users', data: { email, password: 'a-Strong-passw0rd', role } })
    tokens[role] = (await payload.login({ collection: 'users', data: { email, password: 'a-Strong-passw0rd' } })).token!
  }
})
afterAll(async () => cleanup?.())

/** A job row as a worker left it, written straight to the database (Payload sets updatedAt itself otherwise). */
async function job(state: { processing?: boolean; hasError?: boolean; completedAt?: string; updatedAt: string; totalTried?: number }) {
  const queued = await payload.jobs.queue({ task: 'rebuildSearchIndex', input: { reason: 'test' } })
  await payload.db.updateJobs({
    id: queued.id,
    data: { processing: false, hasError: false, totalTried: 0, ...state },
    returning: false,
    req: {},
  })
  return queued.id
}
const row = (id: string | number) => payload.findByID({ collection: 'payload-jobs', id, depth: 0 })
const retry = (id: string | number, role?: string) =>
  handleEndpoints({
    config,
    request: new Request(`http://localhost/api/jobs/${id}/retry`, {
      method: 'POST',
      headers: role ? { authorization: `JWT ${tokens[role]}` } : {},
    }),
  })

describe("Payload's own job endpoints", () => {
  it('refuse to run jobs for any CMS user: only the worker runs them, under its lease', async () => {
    const id = await job({ updatedAt: minutesAgo(0) })
    for (const role of ['admin', 'editor', 'sales']) {
      const answer = await handleEndpoints({
        config,
        request: new Request('http://localhost/api/payload-jobs/run', { headers: { authorization: `JWT ${tokens[role]}` } }),
      })
      expect([role, answer.status]).toEqual([role, 401])
    }
    expect((await row(id)).totalTried).toBe(0)
  })
})

describe('job leases', () => {
  it('release a job whose worker stopped renewing it, and leave a live one and one this worker holds', async () => {
    const stranded = await job({ processing: true, updatedAt: minutesAgo(5) })
    const live = await job({ processing: true, updatedAt: minutesAgo(0) })
    const heldHere = await job({ processing: true, updatedAt: minutesAgo(5) })
    lease.held.add(heldHere)
    try {
      await lease.releaseExpired(payload)
    } finally {
      lease.held.delete(heldHere)
    }
    expect([(await row(stranded)).processing, (await row(live)).processing, (await row(heldHere)).processing]).toEqual([false, true, true])
  })

  it('are all released when a worker starts: the one before it is gone', async () => {
    const a = await job({ processing: true, updatedAt: minutesAgo(0) })
    await lease.releaseAll(payload)
    expect((await row(a)).processing).toBe(false)
    expect((await payload.count({ collection: 'payload-jobs', where: { processing: { equals: true } } })).totalDocs).toBe(0)
  })

  it('are renewed by the heartbeat for the jobs this worker holds', async () => {
    const mine = await job({ processing: true, updatedAt: minutesAgo(5) })
    lease.held.add(mine)
    try {
      await lease.heartbeat(payload)
    } finally {
      lease.held.delete(mine)
    }
    expect(Date.now() - new Date((await row(mine)).updatedAt).getTime()).toBeLessThan(60_000)
  })
})

describe('the jobs screen and its retry endpoint', () => {
  it('lists queued, running, stranded and failed jobs', async () => {
    const ids = {
      queued: await job({ updatedAt: minutesAgo(0) }),
      running: await job({ processing: true, updatedAt: minutesAgo(0) }),
      stranded: await job({ processing: true, updatedAt: minutesAgo(5) }),
      failed: await job({ hasError: true, totalTried: 5, updatedAt: minutesAgo(1) }),
    }
    const done = await job({ completedAt: minutesAgo(1), updatedAt: minutesAgo(1) })
    const rows = await admin.listJobs(payload, new Date())
    for (const [state, id] of Object.entries(ids)) expect(rows.find((r) => r.id === id)?.state).toBe(state)
    expect(rows.some((r) => r.id === done)).toBe(false)
  })

  it.each([
    [undefined, 403],
    ['editor', 403],
    ['sales', 403],
  ])('refuses %s with %i', async (role, status) => {
    const failed = await job({ hasError: true, totalTried: 5, updatedAt: minutesAgo(1) })
    const response = await retry(failed, role)
    expect(response.status).toBe(status)
    expect(await response.json()).toEqual({ errors: [{ message: 'You are not allowed to perform this action.' }] })
    expect((await row(failed)).hasError).toBe(true)
  })

  it('lets an admin send a failed job round again with all its attempts', async () => {
    const failed = await job({ hasError: true, totalTried: 5, updatedAt: minutesAgo(1) })
    const response = await retry(failed, 'admin')
    expect([response.status, await response.json()]).toEqual([200, { message: 'The job is queued again.', id: failed }])
    const after = await row(failed)
    expect([after.hasError, after.processing, after.totalTried, after.completedAt ?? null]).toEqual([false, false, 0, null])
  })

  it.each([
    [
      'a done job',
      () => job({ completedAt: minutesAgo(1), updatedAt: minutesAgo(1) }),
      409,
      'This job is done: there is nothing to retry.',
    ],
    [
      'a running job',
      () => job({ processing: true, updatedAt: minutesAgo(0) }),
      409,
      'A worker is running this job now; retry it if it is still there after its lease runs out.',
    ],
    ['an unknown job', async () => 999_999, 404, 'No such job.'],
    ['a job id that is no number', async () => 'abc', 404, 'No such job.'],
  ])('answers %s with %i', async (_, make, status, message) => {
    const response = await retry(await make(), 'admin')
    expect([response.status, await response.json()]).toEqual([status, { errors: [{ message }] }])
  })
})
