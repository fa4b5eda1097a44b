import { type ChildProcess, spawn } from 'node:child_process'

import { expect, test } from '@playwright/test'

import { e2e } from '../../playwright.config'
import { untilVisible } from './helpers'
import { freePort } from './product'

let SECOND_SITE = ''
let second: ChildProcess

test.beforeAll(async () => {
  // A second site process on the same database, which the CMS knows nothing about, on a port nobody uses.
  const port = await freePort()
  SECOND_SITE = `http://localhost:${port}`
  second = spawn(process.execPath, ['site/server.mjs'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: 'localhost',
      DATA_DIR: e2e.dataDir,
      SITE_URL: SECOND_SITE,
      NODE_ENV: 'production',
      DISABLE_PAYLOAD_HMR: 'true',
    },
    stdio: 'inherit',
  })
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`${SECOND_SITE}/`).then(
      () => true,
      () => false,
    )
    if (up) return
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error('the second site process did not start')
})
test.afterAll(() => {
  second?.kill('SIGTERM')
})

test('a change published in the CMS shows on two site processes, caches warm (how soon: bench/editing.ts)', async () => {
  const login = await fetch(`${e2e.cmsUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(e2e.editor),
  })
  expect(login.status).toBe(200)
  const { token } = (await login.json()) as { token: string }
  const auth = { authorization: `JWT ${token}`, 'content-type': 'application/json' }
  const found = await (await fetch(`${e2e.cmsUrl}/api/pages?where[path][equals]=about&depth=0`, { headers: auth })).json()
  const about = found.docs[0] as { id: number }

  // Warm both caches with the current version.
  for (const site of [e2e.siteUrl, SECOND_SITE]) for (let i = 0; i < 2; i++) await fetch(`${site}/about`)

  const title = `About, edited ${Date.now()}`
  const saved = await fetch(`${e2e.cmsUrl}/api/pages/${about.id}?locale=zh-CN`, {
    method: 'PATCH',
    headers: auth,
    body: JSON.stringify({ title, _status: 'published' }),
  })
  expect(saved.status).toBe(200)
  await Promise.all([untilVisible(`${e2e.siteUrl}/about`, title), untilVisible(`${SECOND_SITE}/about`, title)])
})
