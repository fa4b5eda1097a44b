import type { Endpoint } from 'payload'

import { funnelCsv, funnelCsvFilename, FunnelQueryError, parseFunnelQuery } from '../../functions/attribution'
import { roleOf } from '../access/roles'
import { FUNNEL_CSV_PATH, loadFunnel } from '../funnel'

/**
 * `GET /api/funnel.csv?from=YYYY-MM-DD&to=YYYY-MM-DD&group=channel|campaign|link&model=first|last&sort=-visits`:
 * the funnel dashboard's table as CSV, for any CMS user (the counts name no person). Parameters
 * left out take the dashboard's defaults; a bad one is a 400 naming it.
 */
export const funnelCsvEndpoint: Endpoint = {
  path: FUNNEL_CSV_PATH,
  method: 'get',
  handler: async (req) => {
    if (!roleOf(req)) return Response.json({ errors: [{ message: 'You are not allowed to perform this action.' }] }, { status: 403 })
    let query
    try {
      query = parseFunnelQuery(req.searchParams, new Date())
    } catch (error) {
      if (!(error instanceof FunnelQueryError)) throw error
      return Response.json({ errors: [{ message: error.message, field: error.field }] }, { status: 400 })
    }
    const report = await loadFunnel(req.payload, query, req.i18n?.language === 'zh' ? 'zh' : 'en')
    return new Response(funnelCsv(report), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${funnelCsvFilename(report)}"`,
        'cache-control': 'no-store',
      },
    })
  },
}
