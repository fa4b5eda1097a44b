import { describe, expect, it } from 'vitest'

import { hasCookie, readCookie } from './cookies'

describe('readCookie', () => {
  it.each([
    ['a=1; bs_member=tok', 'tok'],
    ['bs_member=tok', 'tok'],
    // Whitespace around the name is not part of it (RFC 6265): the session and the cache agree.
    ['bs_member =tok', 'tok'],
    [' bs_member= tok ', 'tok'],
    ['a=1;bs_member=t%20k', 't k'],
    ['a=1; bs_member=%E0%A4%A', '%E0%A4%A'],
    ['xbs_member=tok', null],
    ['bs_member_old=tok', null],
    ['a=bs_member=tok', null],
    ['bs_member', null],
    ['', null],
    [null, null],
    [`bs_member=tok; pad=${'x'.repeat(16_400)}`, null],
  ])('%j → %j', (header, expected) => {
    expect(readCookie(header, 'bs_member')).toBe(expected)
  })
  it('hasCookie reads the same way', () => {
    expect(hasCookie('bs_member =tok', 'bs_member')).toBe(true)
    expect(hasCookie('bs_member=', 'bs_member')).toBe(false)
    expect(hasCookie('xbs_member=tok', 'bs_member')).toBe(false)
  })
})
