import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { expect, test } from '@playwright/test'

import { startFakeResend } from '../integration/fake-resend'
import { alive, freePort, type Product, startProduct, until } from './product'

// The jobs worker stopped every way it can be (SIGTERM, SIGKILL, the whole product killed) while
// Resend is answering: every lead is still mailed, and exactly once. The product runs as `npm start`
// runs it, on ports and a data folder of its own, against a local stand-in speaking Resend's API.
test.describe.configure({ mode: 'serial' })

const ADMIN = { email: 'admin@jobs.example', password: 'jobs-Admin-passw0rd' }
let resend: Awaited<ReturnType<typeof startFakeResend>>
let product: Product
let env: Record<string, string>
let dataDir: string
let token: string
const log: string[] = []

test.beforeAll(async () => {
  test.setTimeout(900_000)
  resend = await startFakeResend()
  dataDir = mkdtempSync(path.join(tmpdir(), 'brand-site-jobs-e2e-'))
  env = {
    CMS_PORT: String(await freePort()),
    SITE_PORT: String(await freePort()),
    DATA_DIR: dataDir,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    SEED_DEMO_USERS_PASSWORD: ADMIN.password,
    RESEND_API_KEY: 're_e2e',
    RESEND_BASE_URL: resend.url,
    INTAKE_LIMIT_PER_IP: '100000',
    WORKER_STOP_GRACE_MS: '2000',
  }
  product = await startProduct(env, log)
  const login = await fetch(`${product.cmsUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  })
  token = ((await login.json()) as { token: string }).token
})

test.afterAll(async () => {
  resend?.release()
  await product?.stop()
  await resend?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

/** Submits `count` leads through the site's form endpoint, ten at a time; answers their names, all acknowledged. */
async function submitLeads(run: string, count: number): Promise<string[]> {
  const names = Array.from({ length: count }, (_, i) => `Lead ${run}-${i}`)
  for (let i = 0; i < names.length; i += 10) {
    await Promise.all(
      names.slice(i, i + 10).map(async (name) => {
        const response = await fetch(`${product.siteUrl}/api/forms/1?locale=en`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name, email: `${name.replace(/\W+/g, '-').toLowerCase()}@example.com`, consent: true }),
        })
        expect(response.status, name).toBe(201)
      }),
    )
  }
  return names
}

/** How many sales emails about each lead the stand-in accepted. */
const salesEmailsOf = (names: string[]) => names.map((name) => resend.received.filter((e) => e.subject.endsWith(`– ${name}`)).length)

/** Stops the worker (or the product) while Resend holds its requests, then lets Resend answer and checks every lead is mailed once. */
async function stopMidBatch(run: string, stop: (workerPid: number) => Promise<void>) {
  // Held from the start: the worker's first request stays at Resend, unanswered, so it is mid-batch.
  resend.hold()
  const names = await submitLeads(run, 40)
  await until('a request held at Resend', () => resend.holding() > 0)
  const pid = product.workerPid()!
  await stop(pid)
  await until('the old worker to be gone', () => !alive(pid))
  // Resend accepts what it held, and the worker that sent it never hears so.
  resend.release()
  await until('every lead mailed', () => salesEmailsOf(names).every((n) => n > 0), 180_000)
  expect(salesEmailsOf(names)).toEqual(names.map(() => 1))
  return names
}

test('a worker stopped with SIGTERM mid-batch: the next worker mails every lead, exactly once', async () => {
  test.setTimeout(300_000)
  const before = product.workerPid()
  await stopMidBatch('term', async (pid) => void process.kill(pid, 'SIGTERM'))
  await until('a new worker', () => product.workerPid() !== null && product.workerPid() !== before)
  expect(log.some((line) => line.includes('SIGTERM: the jobs worker takes no new jobs'))).toBe(true)
})

test('a worker killed with SIGKILL mid-batch: its jobs are taken over, every lead mailed exactly once', async () => {
  test.setTimeout(300_000)
  await stopMidBatch('kill', async (pid) => void process.kill(pid, 'SIGKILL'))
  expect(log.some((line) => line.includes('The jobs worker stopped (SIGKILL); starting it again.'))).toBe(true)
})

test('the whole product killed with SIGKILL mid-batch (a power loss): after a start, every lead mailed exactly once', async () => {
  test.setTimeout(600_000)
  resend.hold()
  const names = await submitLeads('power', 40)
  await until('a request held at Resend', () => resend.holding() > 0)
  await product.killAll()
  resend.release()
  product = await startProduct(env, log)
  await until('every lead mailed', () => salesEmailsOf(names).every((n) => n > 0), 180_000)
  expect(salesEmailsOf(names)).toEqual(names.map(() => 1))
})

test('a mail outage of 60 s (Resend answering 503) then recovery: everything sent once, one log line per failed attempt', async () => {
  test.setTimeout(300_000)
  const auth = { authorization: `JWT ${token}` }
  const firstLine = log.length
  // The stand-in answers 503 for 60 s from now; the retries (2, 4, 8, 16, 32, 64 s apart) outlast it.
  const outage = resend.outageFor(60_000)
  const names = await submitLeads('outage', 30)
  const leads = (await (
    await fetch(`${product.cmsUrl}/api/leads?where[name][like]=${encodeURIComponent('Lead outage-')}&limit=100&depth=0&select[name]=true`, {
      headers: auth,
    })
  ).json()) as { docs: { id: number }[] }
  expect(leads.docs).toHaveLength(names.length)
  /** The failed attempts at each outage lead's sales email, as recorded on the lead (one row each in lead-deliveries). */
  const failedAttempts = async () => {
    const query =
      `where[lead][in]=${leads.docs.map((lead) => lead.id).join(',')}&where[kind][equals]=${encodeURIComponent('sales email')}` +
      `&where[status][equals]=failed&pagination=false&depth=0`
    const rows = (
      (await (await fetch(`${product.cmsUrl}/api/lead-deliveries?${query}`, { headers: auth })).json()) as { docs: { lead: number }[] }
    ).docs
    return leads.docs.map((lead) => rows.filter((row) => row.lead === lead.id).length)
  }
  // Every lead's email has failed at least once: the outage is under way, the jobs wait out their backoff.
  await until('a failed attempt for every lead', async () => (await failedAttempts()).every((n) => n >= 1))
  await outage
  await until('every lead mailed', () => salesEmailsOf(names).every((n) => n > 0), 120_000)
  expect(salesEmailsOf(names)).toEqual(names.map(() => 1))

  const failures = (await failedAttempts()).reduce((sum, n) => sum + n, 0)
  const lines = log.slice(firstLine)
  const attemptLines = lines.filter((line) =>
    /Job \d+ notifyLead lead \d+: attempt \d\/7 failed: Resend refused the email \(HTTP 503\): Service unavailable/.test(line),
  )
  expect(attemptLines).toHaveLength(failures)
  // One line each: no stack trace and no job dumped as JSON.
  expect(lines.filter((line) => /^\s+at |"taskSlug"|"stack"/.test(line))).toEqual([])
})
