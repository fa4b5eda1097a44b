/** The lead list views sales use every day: each a filter and a sort of the leads list. */
export interface InboxView {
  key: 'mine' | 'new-today' | 'qualified' | 'hottest'
  label: { en: string; zh: string }
  /** A Payload `where`, as plain data. */
  where: Record<string, Record<string, string | number>>
  sort: string
}

/**
 * The views for one user at one moment: their own leads, leads created today (UTC), qualified
 * leads, and every open lead hottest first.
 * @example inboxViews(7, new Date('2026-03-01T10:00:00Z'))[1].where // { createdAt: { greater_than_equal: '2026-03-01T00:00:00.000Z' } }
 */
export function inboxViews(user: string | number, now: Date): InboxView[] {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString()
  return [
    { key: 'mine', label: { en: 'Mine', zh: '我的' }, where: { owner: { equals: user } }, sort: '-lastActivityAt' },
    {
      key: 'new-today',
      label: { en: 'New today', zh: '今日新增' },
      where: { createdAt: { greater_than_equal: today } },
      sort: '-createdAt',
    },
    { key: 'qualified', label: { en: 'Qualified', zh: '已确认' }, where: { status: { equals: 'qualified' } }, sort: '-score' },
    { key: 'hottest', label: { en: 'Hottest', zh: '最热' }, where: { status: { not_in: 'won,lost' } }, sort: '-score' },
  ]
}

/**
 * The query string of a view in the admin's list URL (Payload reads `where[field][op]=value`).
 * @example viewQuery({ where: { status: { equals: 'qualified' } }, sort: '-score' }) // 'where[status][equals]=qualified&sort=-score'
 */
export function viewQuery(view: Pick<InboxView, 'where' | 'sort'>): string {
  const parts: string[] = []
  for (const [field, ops] of Object.entries(view.where))
    for (const [op, value] of Object.entries(ops)) parts.push(`where[${field}][${op}]=${encodeURIComponent(String(value))}`)
  parts.push(`sort=${encodeURIComponent(view.sort)}`)
  return parts.join('&')
}
