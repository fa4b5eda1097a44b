import { createHash } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { contentSecurityPolicy, inlineScriptHashes, securityHeaders } from './security-headers'

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

describe('inlineScriptHashes', () => {
  it('hashes inline scripts only, not external ones or JSON-LD', () => {
    const html =
      `<script>a()</script><script type="module">b()</script><script src="/_astro/x.js"></script><script type="application/ld+json">` +
      `{"@type":"Article"}</script><script is:inline>a()</script>`
    expect(inlineScriptHashes(html)).toEqual([sha('a()'), sha('b()')])
  })
})

describe('securityHeaders', () => {
  it('a page over https', () => {
    expect(Object.fromEntries(securityHeaders({ https: true, frameable: 'same-origin', html: '<script>x()</script>' }))).toEqual({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
      'x-frame-options': 'SAMEORIGIN',
      'content-security-policy':
        `default-src 'self'; script-src 'self' ${sha('x()')} 'unsafe-hashes' ${sha('import(this.form.dataset.script)')}; ` +
        `style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; ` +
        `form-action 'self'; frame-ancestors 'self'; base-uri 'self'; object-src 'none'`,
      'strict-transport-security': 'max-age=63072000; includeSubDomains',
    })
  })
  it('an account page is never framed; no HSTS over http; no CSP on a file', () => {
    const headers = Object.fromEntries(securityHeaders({ https: false, frameable: 'never' }))
    expect(headers['x-frame-options']).toBe('DENY')
    expect(headers['strict-transport-security']).toBeUndefined()
    expect(headers['content-security-policy']).toBeUndefined()
    expect(contentSecurityPolicy({ https: false, frameable: 'never', html: '' })).toContain("frame-ancestors 'none'")
  })
  it("allows the search box's focus handler by its hash, and no other inline handler a page may hold", () => {
    const policy = contentSecurityPolicy({ https: false, frameable: 'same-origin', html: '<input onfocus="alert(1)">' })
    expect(policy).toContain(`script-src 'self' 'unsafe-hashes' ${sha('import(this.form.dataset.script)')};`)
    expect(policy).not.toContain(sha('alert(1)'))
  })
})
