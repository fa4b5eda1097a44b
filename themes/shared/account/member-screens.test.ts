import { describe, expect, it } from 'vitest'

import type { ScreenModel } from '../../../functions/members/screen-model'
import { memberScreen } from './member-screens'

const model = (change: Partial<ScreenModel> = {}): ScreenModel => ({
  screen: 'profile',
  status: 200,
  locale: 'en',
  defaultLocale: 'zh-CN',
  // Deliberately partial: only the member fields these screens read, its interests as bare ids.
  signed: { member: { name: 'Ada', email: 'ada@example.com', interests: [3] }, session: {} } as unknown as ScreenModel['signed'],
  notice: null,
  error: null,
  values: {},
  step: null,
  data: {},
  href: (path) => `/en${path}`,
  ...change,
})

describe('memberScreen', () => {
  it('prefers a refused form’s values to the stored ones', () => {
    const screen = memberScreen(model({ values: { name: 'Typed' }, error: { message: 'No', fields: { name: 'Too long' } } }))
    expect([screen.v('name', 'Ada'), screen.v('company', 'Stored'), screen.v('phone', null)]).toEqual(['Typed', 'Stored', ''])
    expect(screen.errors).toEqual({ name: 'Too long' })
  })

  it('reads the screen’s lists, and an empty list for anything missing or not a list', () => {
    const screen = memberScreen(model({ data: { topics: [{ id: 3, slug: 'seo', name: 'SEO' }], sessions: 'nonsense' } }))
    expect(screen.topics).toHaveLength(1)
    expect([screen.sessions, screen.requests, screen.rewards, screen.ledger, screen.consentLog, screen.subscribed]).toEqual([
      [],
      [],
      [],
      [],
      [],
      [],
    ])
    expect(screen.memberInterests.has('3')).toBe(true)
    expect(screen.summary).toBeUndefined()
  })

  it('writes times in China’s time zone, in the reader’s language', () => {
    expect(memberScreen(model()).when('2026-03-01T04:05:00.000Z')).toMatch(/^Mar 1, 2026, 12:05\sPM$/)
    expect(memberScreen(model()).when(null)).toBe('')
  })

  it('has no member for a visitor', () => {
    expect(memberScreen(model({ signed: null })).member).toBeNull()
  })
})
