import { describe, expect, it } from 'vitest'

import { createRedirectTable, normalizeRedirectFrom, redirectFor, redirectTargetProblem } from './redirects'

describe('normalizeRedirectFrom', () => {
  it.each([
    ['/old-page', '/old-page'],
    ['  /Old-Page/  ', '/old-page'],
    ['/old?utm_source=x#top', '/old'],
    ['https://brand.example/Old/Path/?q=1', '/old/path'],
    ['/关于我们', '/%E5%85%B3%E4%BA%8E%E6%88%91%E4%BB%AC'],
    ['/%e5%85%b3', '/%E5%85%B3'],
    ['/', '/'],
    ['old-page', null],
    ['//evil.example/x', null],
    ['/a\\b', null],
    ['javascript:alert(1)', null],
    ['', null],
    ['   ', null],
    [`/${'a'.repeat(1000)}`, null],
    [42, null],
    [null, null],
  ])('%j → %j', (input, expected) => {
    expect(normalizeRedirectFrom(input)).toBe(expected)
  })
})

describe('redirectTargetProblem', () => {
  it.each([
    ['/new-page', null],
    ['/new?a=1#b', null],
    ['https://other.example/path', null],
    ['http://other.example', null],
    ['', 'Give the path (such as /new-page) or the full URL (https://…) to send visitors to.'],
    [undefined, 'Give the path (such as /new-page) or the full URL (https://…) to send visitors to.'],
    ['//evil.example', 'A target starting with // names another site; write it as a full URL (https://…) instead.'],
    ['/\\evil.example', 'A target starting with // names another site; write it as a full URL (https://…) instead.'],
    ['javascript:alert(1)', 'Only http and https URLs can be redirect targets.'],
    ['data:text/html,x', 'Only http and https URLs can be redirect targets.'],
    ['new-page', 'The target must start with / (a path on this site) or be a full URL starting with https:// or http://.'],
    ['/a b', 'The target may not contain spaces or control characters; encode them (%20).'],
    ['/a\nLocation: x', 'The target may not contain spaces or control characters; encode them (%20).'],
    ['https://user:pw@other.example/', 'A target URL may not carry a user name or password.'],
    [`/${'a'.repeat(1000)}`, 'The target may be at most 1000 characters long.'],
  ])('%j → %j', (input, expected) => {
    expect(redirectTargetProblem(input)).toBe(expected)
  })
})

describe('createRedirectTable and redirectFor', () => {
  it("answers an editor's redirect with its status and the request's query string", () => {
    const table = createRedirectTable([
      { from: '/old', to: '/new', status: 301 },
      { from: '/promo', to: 'https://shop.example/sale?ref=site', status: 302, allowOffsite: true },
    ])
    expect(redirectFor('/old', '', table)).toEqual({ status: 301, location: '/new' })
    expect(redirectFor('/OLD/', '?utm_source=wechat', table)).toEqual({ status: 301, location: '/new?utm_source=wechat' })
    expect(redirectFor('/promo', '?a=1', table)).toEqual({ status: 302, location: 'https://shop.example/sale?ref=site&a=1' })
    expect(redirectFor('/other', '', table)).toBeNull()
    expect(redirectFor('/Other/', '?x=1', table)).toEqual({ status: 301, location: '/other?x=1' })
  })

  it('collapses chains into one hop, temporary if any step is', () => {
    const table = createRedirectTable([
      { from: '/a', to: '/b', status: 301 },
      { from: '/b', to: '/c', status: 302 },
      { from: '/c', to: '/d?x=1', status: 301 },
      { from: '/p', to: '/Q/', status: 301 },
    ])
    expect(table.get('/a')).toEqual({ from: '/a', to: '/d?x=1', status: 302 })
    expect(table.get('/c')).toEqual({ from: '/c', to: '/d?x=1', status: 301 })
    // A target in non-canonical form is written canonically, saving the visitor a second hop.
    expect(table.get('/p')).toEqual({ from: '/p', to: '/q', status: 301 })
  })

  it('leaves out loops and invalid rules instead of serving them', () => {
    const table = createRedirectTable([
      { from: '/x', to: '/y', status: 301 },
      { from: '/y', to: '/X/', status: 301 },
      { from: '/self', to: '/Self?again=1', status: 301 },
      { from: '/bad-target', to: 'javascript:alert(1)', status: 301 },
      { from: 'no-slash', to: '/ok', status: 301 },
      { from: '/ok', to: '/fine', status: 999 },
    ])
    expect(table.get('/x')).toBeUndefined()
    expect(table.get('/y')).toBeUndefined()
    expect(table.get('/self')).toBeUndefined()
    expect(table.get('/bad-target')).toBeUndefined()
    expect(table.get('/ok')).toEqual({ from: '/ok', to: '/fine', status: 301 })
    expect(table.size).toBe(1)
  })

  it('matches Chinese paths whichever case the client escaped them in', () => {
    const table = createRedirectTable([{ from: '/关于', to: '/about', status: 301 }])
    expect(redirectFor('/%E5%85%B3%E4%BA%8E', '', table)).toEqual({ status: 301, location: '/about' })
    expect(redirectFor('/%e5%85%b3%e4%ba%8e', '', table)).toEqual({ status: 301, location: '/about' })
  })

  it('never answers a Location that leaves the site unless an editor chose a full URL', () => {
    const table = createRedirectTable([])
    for (const path of ['//evil.example/', '//evil.example//', '///evil.example/']) {
      const answer = redirectFor(path, '', table)
      expect(answer?.location.startsWith('//'), path).toBe(false)
    }
  })
})
