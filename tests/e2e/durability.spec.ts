import { type ChildProcess, spawn } from 'node:child_process'

import { expect, test } from '@playwright/test'

import { e2e } from '../../playwright.config'
import { freePort, until } from './product'

let PORT = 0
let SITE = ''

function startSite(): ChildProcess {
  return spawn(process.execPath, ['site/server.mjs'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: 'localhost',
      DATA_DIR: e2e.dataDir,
      SITE_URL: SITE,
      NODE_ENV: 'production',
      DISABLE_PAYLOAD_HMR: 'true',
      INTAKE_LIMIT_PER_IP: '100000',
    },
    stdio: 'ignore',
  })
}

async function waitUp(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`${SITE}/`).then(
        () => true,
        () => false,
      )
    )
      return
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error('the site process did not start')
}

test('a site process killed with SIGKILL mid-burst loses no acknowledged lead, and each is emailed exactly once', async () => {
  test.setTimeout(120_000)
  PORT = await freePort()
  SITE = `http://localhost:${PORT}`
  let site = startSite()
  await waitUp()
  const run = Date.now().toString(36)
  const acknowledged: string[] = []
  let n = 0
  const client = async () => {
    for (;;) {
      const name = `Burst ${run}-${n++}`
      try {
        const response = await fetch(`${SITE}/api/forms/1?locale=en`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name, email: `${name.replace(/\W+/g, '-').toLowerCase()}@example.com`, consent: true }),
        })
        if (response.status === 201) acknowledged.push(name)
      } catch {
        return // the process is gone
      }
    }
  }
  const clients = Array.from({ length: 10 }, client)
  // Mid-burst: leads acknowledged and more in flight.
  await until('more than 10 acknowledged leads', () => acknowledged.length > 10, 60_000)
  site.kill('SIGKILL')
  await Promise.all(clients)
  expect(acknowledged.length).toBeGreaterThan(10)

  site = startSite()
  await waitUp()
  site.kill('SIGTERM')

  const login = await fetch(`${e2e.cmsUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(e2e.admin),
  })
  const { token } = (await login.json()) as { token: string }
  const auth = { authorization: `JWT ${token}` }
  const stored = await (
    await fetch(`${e2e.cmsUrl}/api/leads?where[name][like]=${encodeURIComponent(`Burst ${run}-`)}&limit=10000&depth=0`, { headers: auth })
  ).json()
  const storedNames = new Set((stored.docs as { name: string }[]).map((d) => d.name))
  expect(acknowledged.filter((name) => !storedNames.has(name))).toEqual([])

  // The jobs worker (not the killed process) sends the mail; without RESEND_API_KEY it lands in the outbox.
  let subjects: string[] = []
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    const outbox = await (
      await fetch(`${e2e.cmsUrl}/api/outbox?where[subject][like]=${encodeURIComponent(`Burst ${run}-`)}&limit=10000&depth=0`, {
        headers: auth,
      })
    ).json()
    subjects = (outbox.docs as { subject: string }[]).map((d) => d.subject)
    if (acknowledged.every((name) => subjects.some((s) => s.endsWith(`– ${name}`)))) break
    await new Promise((r) => setTimeout(r, 500))
  }
  for (const name of acknowledged) {
    expect(
      subjects.filter((s) => s.endsWith(`– ${name}`)),
      name,
    ).toHaveLength(1)
  }
  // No email twice, acknowledged or not (a request cut off by the kill may have been stored unanswered).
  expect(new Set(subjects).size).toBe(subjects.length)
})
