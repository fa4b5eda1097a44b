import type { GroupCount } from '../../functions/attribution'

/**
 * Grouped rows as the funnel's counts: rows of one key are added up, so that each key is one count
 * whatever the query's grouping gives, and groups that count nothing are left out.
 * @example groupCounts([{ key: 'wechat', count: 2 }, { key: 'wechat', count: 1 }]) // [{ key: 'wechat', count: 3 }]
 */
export function groupCounts(rows: Record<string, unknown>[], column = 'count'): GroupCount[] {
  const byKey = new Map<string | null, number>()
  for (const row of rows) {
    const key = row.key === null || row.key === undefined ? null : String(row.key)
    byKey.set(key, (byKey.get(key) ?? 0) + Number(row[column] ?? 0))
  }
  return [...byKey].filter(([, count]) => count > 0).map(([key, count]) => ({ key, count }))
}
