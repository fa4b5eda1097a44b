import type { Payload } from 'payload'

import { buildFunnel, channelName, type FunnelCounts, type FunnelQuery, type FunnelReport, isChannel } from '../../functions/attribution'
import { sqliteClient } from '../database'
import { isMongo } from '../mongo/collection'
import { linkTitles } from './link-titles'
import { localApiFunnelCounts } from './local-api-counts'
import { mongoFunnelCounts } from './mongo-counts'
import { sqliteFunnelCounts } from './sqlite-counts'
import { type FunnelLanguage, funnelText } from './text'

export { type FunnelLanguage, type FunnelText, funnelText } from './text'

/** Where the dashboard lives under the admin route. */
export const FUNNEL_VIEW_PATH = '/funnel'
/** Where its CSV lives under the API route. */
export const FUNNEL_CSV_PATH = '/funnel.csv'

/**
 * The counts for a query: in SQL on the embedded SQLite database, as aggregations on MongoDB, and
 * through the Local API on any other database.
 * @example await funnelCounts(payload, query)
 */
export function funnelCounts(payload: Payload, query: FunnelQuery): Promise<FunnelCounts> {
  const count = sqliteClient(payload)
    ? sqliteFunnelCounts(payload)
    : isMongo(payload)
      ? mongoFunnelCounts(payload)
      : localApiFunnelCounts(payload)
  return count(query)
}

/**
 * The funnel report for the dashboard and its CSV, with rows named in the viewer's language:
 * channels by their names, links by code and title.
 * @example await loadFunnel(payload, parseFunnelQuery(searchParams, new Date()), 'en')
 */
export async function loadFunnel(payload: Payload, query: FunnelQuery, language: FunnelLanguage): Promise<FunnelReport> {
  const counts = await funnelCounts(payload, query)
  const text = funnelText(language)
  const locale = language === 'zh' ? 'zh-CN' : 'en'
  const titles =
    query.group === 'link'
      ? await linkTitles(payload, [
          ...new Set(
            [...counts.visits, ...counts.leads, ...(counts.added ?? []), ...counts.members, ...(counts.clicks ?? [])].flatMap((c) =>
              c.key ? [c.key] : [],
            ),
          ),
        ])
      : new Map<string, string>()
  const label = (key: string | null): string => {
    if (key === null) return text.none[query.group]
    if (query.group === 'channel') return isChannel(key) ? channelName(key, locale) : key
    if (query.group === 'link') return titles.has(key) ? `${key} · ${titles.get(key)}` : key
    return key
  }
  return buildFunnel(counts, query, { label, total: text.total })
}
