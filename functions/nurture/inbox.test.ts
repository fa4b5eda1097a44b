import { describe, expect, it } from 'vitest'

import { inboxViews, viewQuery } from './inbox'

describe('lead inbox views', () => {
  it('filter by owner, today (UTC), status and score, as admin list URLs', () => {
    const views = inboxViews(7, new Date('2026-03-01T22:30:00+08:00'))
    expect(views.map((v) => [v.key, viewQuery(v)])).toEqual([
      ['mine', 'where[owner][equals]=7&sort=-lastActivityAt'],
      ['new-today', 'where[createdAt][greater_than_equal]=2026-03-01T00%3A00%3A00.000Z&sort=-createdAt'],
      ['qualified', 'where[status][equals]=qualified&sort=-score'],
      ['hottest', 'where[status][not_in]=won%2Clost&sort=-score'],
    ])
  })
})
