import type { APIRoute } from 'astro'

import { lastBeat, MAX_SILENCE_MS } from '../../cms/ops/heartbeat'
import { health } from '../../functions/ops/health'
import { contentStamp } from '../lib/cms'

/**
 * GET /healthz: 200 when this site process reads its database and the jobs worker is alive; 503 with
 * what failed. `process` is which of the `processes` site processes answered (SITE_PROCESSES).
 */
export const GET: APIRoute = async () => {
  const database = await contentStamp().then(
    () => true,
    // An unreachable database is what this endpoint reports, not an error of its own.
    () => false,
  )
  const result = health({ database, heartbeatAt: await lastBeat(), now: Date.now(), maxSilenceMs: MAX_SILENCE_MS })
  const processes = { process: Number(process.env.SITE_PROCESS ?? 1), processes: Number(process.env.SITE_PROCESSES ?? 1) }
  return new Response(JSON.stringify({ ...result.body, ...processes }), {
    status: result.status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  })
}
