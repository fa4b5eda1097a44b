import config from '@payload-config'
import { getPayload } from 'payload'

import { health } from '../../../../../functions/ops/health'
import { lastBeat, MAX_SILENCE_MS } from '../../../../ops/heartbeat'

export const dynamic = 'force-dynamic'

/** GET /api/healthz: 200 when the CMS reads its database and the jobs worker is alive; 503 with what failed. */
export async function GET(): Promise<Response> {
  const database = await getPayload({ config })
    .then((payload) => payload.findGlobal({ slug: 'content-version', depth: 0 }))
    .then(
      () => true,
      // An unreachable database is what this endpoint reports, not an error of its own.
      () => false,
    )
  const result = health({ database, heartbeatAt: await lastBeat(), now: Date.now(), maxSilenceMs: MAX_SILENCE_MS })
  return Response.json(result.body, { status: result.status, headers: { 'cache-control': 'no-store' } })
}
