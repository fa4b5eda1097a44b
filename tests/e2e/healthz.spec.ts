// Issue 13: /healthz on the site answers 200 with the database reachable and a live jobs worker, 503 otherwise.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { expect, test } from '@playwright/test'

import { e2e } from '../../playwright.config'
import { startSite } from './production'

test('the site and the CMS say healthy with a fresh worker heartbeat, and 503 where no worker ever beat', async () => {
  // A site on an empty data folder applies every migration before it answers: a minute or more on a busy machine.
  test.setTimeout(240_000)
  // The jobs worker started by `npm start` beats at its start (cms/ops/heartbeat.ts); wait for its first beat.
  await expect.poll(async () => (await fetch(`${e2e.siteUrl}/healthz`)).status, { timeout: 60_000 }).toBe(200)
  const healthy = await fetch(`${e2e.siteUrl}/healthz`)
  expect(await healthy.json()).toMatchObject({ database: 'ok', worker: 'ok' })
  expect(healthy.headers.get('cache-control')).toBe('no-store')
  const cms = await fetch(`${e2e.cmsUrl}/api/healthz`)
  expect(cms.status).toBe(200)
  expect(await cms.json()).toMatchObject({ database: 'ok', worker: 'ok' })

  // A data folder of its own, where no worker runs (an unreachable database is a case of functions/ops/health.test.ts).
  const empty = mkdtempSync(path.join(tmpdir(), 'healthz-'))
  const lost = await startSite({ DATA_DIR: empty })
  try {
    const answer = await fetch(`${lost.url}/healthz`)
    expect(answer.status).toBe(503)
    expect(await answer.json()).toMatchObject({ database: 'ok', worker: 'never seen', lastHeartbeat: null })
  } finally {
    await lost.stop()
    rmSync(empty, { recursive: true, force: true })
  }
})
