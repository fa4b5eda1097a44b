import type { CollectionSlug, Endpoint, Where } from 'payload'

import { type CsvColumn, toCsv } from '../../functions/lead-intake/csv'
import { roleOf } from '../access/roles'

/**
 * `GET /api/<collection>/export.csv?where[...]=…`: the documents the signed-in sales user or
 * admin may read, with the same filters as the admin's list view, as CSV.
 */
export function exportCsv(collection: CollectionSlug, columns: CsvColumn[]): Endpoint {
  return {
    path: '/export.csv',
    method: 'get',
    handler: async (req) => {
      const role = roleOf(req)
      if (role !== 'admin' && role !== 'sales' && role !== 'sales-manager')
        return Response.json({ errors: [{ message: 'You are not allowed to perform this action.' }] }, { status: 403 })
      // Payload parses the query string the way the admin writes its list filters.
      const query = (req.query ?? {}) as { where?: Where }
      const { docs } = await req.payload.find({
        collection,
        where: query.where,
        limit: 10_000,
        depth: 0,
        overrideAccess: false,
        user: req.user,
        sort: '-createdAt',
      })
      // Any collection's documents, read by column name; generated interfaces have no index signature.
      return new Response(toCsv(docs as unknown as Record<string, unknown>[], columns), {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${collection}.csv"`,
          'cache-control': 'no-store',
        },
      })
    },
  }
}
