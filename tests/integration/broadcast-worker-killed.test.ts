import { type ChildProcess, spawn } from 'node:child_process'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { startFakeResend } from './fake-resend'
import { startPayload } from './payload'

// The jobs worker (scripts/worker.ts, the process `npm start` runs) killed with SIGKILL in the
// middle of a broadcast: Resend has accepted some batches and holds the next one unanswered. The
// worker never hears that Resend took it; the next worker must finish the send without anybody
// getting the broadcast twice. Real processes on one SQLite file, a stand-in speaking Resend's API
// (which, like Resend, answers a repeated Idempotency-Key from memory and refuses it with another body).

const READERS = 250
let payload: Payload
let cleanup: () => Promise<void>
let resend: Awaited<ReturnType<typeof startFakeResend>>
const workers: ChildProcess[] = []
/** Every subscribed reader seeded so far: each broadcast to the newsletter segment goes to all of them. */
const everyone: string[] = []
const output: string[] = []

/**
 * Starts the jobs worker as start.mjs does (Node with tsx as a loader), on this test's data folder
 * and stand-in; at normal priority, since the other test files running alongside are not visitors.
 */
function startWorker(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
    env: { ...process.env, ...env, DISABLE_PAYLOAD_HMR: 'true', JOB_LEASE_MS: '60000', WORKER_NICE: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')))
  workers.push(child)
  return child
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()))

/** Waits for `check` to hold, naming `what` (and the worker's output) when it never does. */
async function until(what: string, check: () => boolean | Promise<boolean>, timeout = 600_000, interval = 200): Promise<void> {
  await vi.waitFor(
    async () => {
      if (await check()) return
      const jobs = await payload.find({ collection: 'payload-jobs', depth: 0, overrideAccess: true, limit: 20 })
      const state = jobs.docs.map((j) => ({
        id: j.id,
        task: j.taskSlug,
        processing: j.processing,
        tried: j.totalTried,
        error: j.hasError,
        done: j.completedAt,
      }))
      throw new Error(`still waiting for ${what}; jobs ${JSON.stringify(state)}; worker output:\n${output.join('').slice(-3000)}`)
    },
    { timeout, interval },
  )
}

/**
 * Members subscribed to the newsletter, written in two SQL statements (the Local API would take
 * minutes on a loaded machine; what is tested here is the worker, not the sign-up).
 */
async function seedReaders(prefix: string): Promise<string[]> {
  const client = (await import('../../cms/database')).requireSqliteClient(payload)
  const emails = Array.from({ length: READERS }, (_, i) => `${prefix}${String(i).padStart(3, '0')}@readers.example`)
  const before = Number((await client.execute('SELECT COALESCE(MAX(id), 0) AS id FROM members')).rows[0]!.id)
  await client.execute({
    sql: `INSERT INTO members (email, name, email_verified_at) VALUES ${emails.map(() => "(?, ?, '2026-01-01T00:00:00.000Z')").join(', ')}`,
    args: emails.flatMap((email, i) => [email, `Reader ${i}`]),
  })
  await client.execute({
    sql: "INSERT INTO consent_log (member_id, topic, subscribed, source, at) SELECT id, 'newsletter', 1, 'account-page', '2026-01-02T00:00:00.000Z' FROM members WHERE id > ?",
    args: [before],
  })
  everyone.push(...emails)
  return [...everyone].sort()
}

async function scheduleNow(subject: string): Promise<number> {
  const newsletter = (await payload.find({ collection: 'segments', where: { slug: { equals: 'newsletter' } }, overrideAccess: true }))
    .docs[0]!
  const post = await payload.create({
    collection: 'posts',
    locale: 'en',
    data: {
      title: subject,
      slug: subject.toLowerCase().replace(/\W+/g, '-'),
      excerpt: 'Read on.',
      _status: 'published',
      visibility: 'public',
    },
    draft: false,
    overrideAccess: true,
  })
  const broadcast = await payload.create({
    collection: 'broadcasts',
    locale: 'en',
    data: { subject, segment: newsletter.id, post: post.id, sendAt: new Date(Date.now() - 1000).toISOString(), status: 'scheduled' },
    overrideAccess: true,
  })
  return broadcast.id
}

const statusOf = async (id: number) => (await payload.findByID({ collection: 'broadcasts', id, overrideAccess: true })).status

beforeAll(async () => {
  resend = await startFakeResend()
  ;({ payload, cleanup } = await startPayload())
})

afterAll(async () => {
  for (const child of workers) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  await Promise.all(workers.map(exited))
  resend?.release()
  await cleanup?.()
  await resend?.close()
})

describe('the jobs worker killed with SIGKILL in the middle of a broadcast', () => {
  it('after a restart, every recipient has the broadcast exactly once', async () => {
    const readers = await seedReaders('reader')
    const env = {
      DATA_DIR: process.env.DATA_DIR!,
      PAYLOAD_SECRET: process.env.PAYLOAD_SECRET!,
      RESEND_API_KEY: 're_kill_test',
      RESEND_BASE_URL: resend.url,
      EMAIL_FROM: 'Brand <news@brand.example>',
    }
    // The worker sends its batches four at a time (BROADCAST_BATCHES_IN_FLIGHT): the first to
    // arrive goes through; the other two (100 and 50 emails) are taken and held unanswered.
    resend.holdAfterBatches(1)
    const id = await scheduleNow('Killed mid-send')
    const first = startWorker(env)
    await until('the other two batches held at Resend', () => resend.holding() === 2)
    expect(resend.batches).toHaveLength(1)
    expect(await statusOf(id)).toBe('sending')
    // The kill lands once the batch that went through is marked sent: a kill before the mark would
    // send that batch again too (under its key, so still once), and the count below would be three.
    const markedSent = async () =>
      (
        await payload.count({
          collection: 'broadcast-deliveries',
          where: { broadcast: { equals: id }, status: { equals: 'sent' } },
          overrideAccess: true,
        })
      ).totalDocs
    await until('the accepted batch marked sent', async () => (await markedSent()) === resend.batches[0])

    first.kill('SIGKILL')
    await exited(first)
    expect(first.signalCode).toBe('SIGKILL')
    // Resend now accepts the batches it held; the worker that sent them is gone and never hears so.
    resend.release()
    const sizes = () => [...resend.batches].sort((a, b) => a - b)
    expect(sizes()).toEqual([50, 100, 100])

    const second = startWorker(env)
    await until('the broadcast sent', async () => (await statusOf(id)) === 'sent')
    second.kill('SIGTERM')
    await exited(second)
    const addresses = resend.received.flatMap((e) => e.to).sort()
    expect(addresses).toEqual(readers)
    // The two held batches were sent again with their keys, byte for byte (a different body would
    // be refused with 409), and Resend answered both from memory: nothing went out twice.
    expect(resend.duplicates()).toBe(2)
    expect(resend.refusals()).toBe(0)
    expect(sizes()).toEqual([50, 100, 100])
    const sent = await payload.count({
      collection: 'broadcast-deliveries',
      where: { broadcast: { equals: id }, status: { equals: 'sent' } },
      overrideAccess: true,
    })
    expect(sent.totalDocs).toBe(READERS)
  }, 1_200_000)

  it('without RESEND_API_KEY (the Outbox), a kill in the middle of a batch leaves every recipient one copy', async () => {
    const readers = await seedReaders('outbox')
    const env = { DATA_DIR: process.env.DATA_DIR!, PAYLOAD_SECRET: process.env.PAYLOAD_SECRET!, RESEND_API_KEY: '' }
    const id = await scheduleNow('Killed while writing the outbox')
    const client = (await import('../../cms/database')).requireSqliteClient(payload)
    const subject = 'Killed while writing the outbox'
    // A cheap count, asked often: the kill should land while a batch is being written.
    const written = async () =>
      Number((await client.execute({ sql: 'SELECT COUNT(*) AS n FROM outbox WHERE subject = ?', args: [subject] })).rows[0]!.n)
    const outboxOf = async () =>
      (await client.execute({ sql: 'SELECT "to" FROM outbox WHERE subject = ?', args: [subject] })).rows.map((r) => String(r.to))
    const first = startWorker(env)
    // Killed once the second batch is being written: its rows are in the outbox, its deliveries not yet marked.
    await until('the second batch under way', async () => (await written()) > 120, 600_000, 50)
    first.kill('SIGKILL')
    await exited(first)
    const atKill = await written()
    const markedAtKill = (
      await payload.count({
        collection: 'broadcast-deliveries',
        where: { broadcast: { equals: id }, status: { equals: 'sent' } },
        overrideAccess: true,
      })
    ).totalDocs
    // The kill fell inside a batch: some of it written, not marked sent.
    expect(atKill).toBeGreaterThan(markedAtKill)

    startWorker(env)
    await until('the broadcast sent', async () => (await statusOf(id)) === 'sent')
    expect((await outboxOf()).sort()).toEqual(readers)
  }, 1_200_000)
})
