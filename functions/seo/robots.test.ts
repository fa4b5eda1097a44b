import { describe, expect, it } from 'vitest'

import { robotsTxt } from './robots'

describe('robotsTxt', () => {
  it('allows everything but private paths in every locale, and names the sitemap index', () => {
    expect(robotsTxt('https://brand.example/', ['en'])).toBe(
      [
        'User-agent: *',
        'Allow: /',
        'Disallow: /account',
        'Disallow: /search',
        'Disallow: /en/account',
        'Disallow: /en/search',
        'Disallow: /preview',
        'Disallow: /api/',
        'Disallow: /go/',
        'Disallow: /r/',
        '',
        'Sitemap: https://brand.example/sitemap.xml',
        '',
      ].join('\n'),
    )
  })
})
