import { describe, expect, it } from 'vitest'

import { cacheControlFor } from './cache-control'
import { cacheable, type CacheRequest, type CacheResponse, servable } from './cache-rule'

const cookies = { member: 'bs_member', preview: 'site-preview' }
const get = (over: Partial<CacheRequest> = {}): CacheRequest => ({
  method: 'GET',
  pathname: '/en/about',
  search: '',
  cookie: null,
  ...over,
})
const page = (over: Partial<CacheResponse> = {}): CacheResponse => ({
  status: 200,
  declared: true,
  gated: false,
  cacheControl: null,
  setsCookie: false,
  ...over,
})

describe('cacheable', () => {
  it.each<[string, CacheRequest, CacheResponse, boolean]>([
    ['a public page', get(), page(), true],
    ['a themed 404', get(), page({ status: 404 }), true],
    ['HEAD', get({ method: 'HEAD' }), page(), true],
    ['POST', get({ method: 'POST' }), page(), false],
    ['a page that did not declare itself the same for all', get(), page({ declared: false }), false],
    ['a 500', get(), page({ status: 500 }), false],
    ['a redirect', get(), page({ status: 302 }), false],
    ['a thank-you view', get({ search: '?submitted=3' }), page(), false],
    ['another query is the same page', get({ search: '?utm_source=x' }), page(), true],
    ['an editor previewing', get({ cookie: 'site-preview=tok' }), page(), false],
    ['a response that sets a cookie', get(), page({ setsCookie: true }), false],
    ['a private response', get(), page({ cacheControl: 'private, no-store' }), false],
    ['an endpoint', get({ pathname: '/api/forms/1' }), page(), false],
    ['media', get({ pathname: '/media/x.png' }), page(), false],
    ['a gated teaser for a visitor', get(), page({ gated: true }), true],
    ['a gated document for a member', get({ cookie: 'bs_member=tok' }), page({ gated: true }), false],
    // The attack of issue 11 item 7: a space before "=" is still the member cookie.
    ['a gated document for a member with a spaced cookie', get({ cookie: 'bs_member =tok' }), page({ gated: true }), false],
    ['a public page for a member', get({ cookie: 'bs_member=tok' }), page(), true],
  ])('%s → %s', (_name, request, response, expected) => {
    expect(cacheable(request, response, cookies)).toBe(expected)
  })
})

describe('servable', () => {
  it.each<[string, CacheRequest, boolean, boolean]>([
    ['a visitor, public page', get(), false, true],
    ['a visitor, gated teaser', get(), true, true],
    ['a member, gated teaser', get({ cookie: 'a=1; bs_member=tok' }), true, false],
    ['a spaced member cookie, gated teaser', get({ cookie: 'bs_member =tok' }), true, false],
    ['a member, public page', get({ cookie: 'bs_member=tok' }), false, true],
    ['a previewing editor', get({ cookie: 'site-preview =tok' }), false, false],
    ['a thank-you view', get({ search: '?a=1&submitted=2' }), false, false],
  ])('%s → %s', (_name, request, gated, expected) => {
    expect(servable(request, { gated }, cookies)).toBe(expected)
  })
})

describe('cacheControlFor', () => {
  it.each<[string | null, boolean, string | null]>([
    ['public, max-age=0, must-revalidate', true, 'private, no-cache'],
    [null, true, 'private, no-cache'],
    ['private, no-store', true, 'private, no-store'],
    ['no-store', true, 'no-store'],
    ['public, max-age=0, must-revalidate', false, 'public, max-age=0, must-revalidate'],
  ])('%j with a cookie %s → %j', (given, setsCookie, expected) => {
    expect(cacheControlFor(given, setsCookie)).toBe(expected)
  })
})
