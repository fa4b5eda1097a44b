import { createHash } from 'node:crypto'

/** What decides a response's security headers. */
export interface SecurityContext {
  /** The public address is https: browsers are told to use nothing else (HSTS). */
  https: boolean
  /** Only same-origin pages may frame this one; account pages and the admin say so. */
  frameable: 'same-origin' | 'never'
  /** The HTML body, whose inline scripts the policy allows by hash; null for anything else. */
  html?: string | null
}

/**
 * The one inline event handler the themes write: the search box loads its script when focused
 * (themes/shared/SearchBox.astro). A handler can only be allowed by its hash with 'unsafe-hashes';
 * this fixed list, not whatever a page holds, is what the policy allows.
 */
export const SEARCH_BOX_ONFOCUS = 'import(this.form.dataset.script)'
const INLINE_HANDLERS = [SEARCH_BOX_ONFOCUS]
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`

// Inline scripts in a page: what Astro hoists and the themes' is:inline scripts. JSON-LD is data, not script.
const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi

/**
 * The CSP source of each inline script in `html` ('sha256-…'), so the policy allows exactly the
 * scripts the page was rendered with and nothing injected into it later.
 * @example inlineScriptHashes('<script>a()</script>') // ["'sha256-…'"]
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>()
  for (const [, attributes, body] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes!) || /\btype\s*=\s*["']?application\/(ld\+)?json/i.test(attributes!)) continue
    hashes.add(sha256(body!))
  }
  return [...hashes]
}

/**
 * The Content-Security-Policy of a site response. Styles stay 'unsafe-inline': the theme's tokens
 * are written into each page, and CSS cannot run script.
 */
export function contentSecurityPolicy(context: SecurityContext): string {
  const scripts = [...(context.html ? inlineScriptHashes(context.html) : []), "'unsafe-hashes'", ...INLINE_HANDLERS.map(sha256)]
  return [
    "default-src 'self'",
    `script-src 'self' ${scripts.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    `frame-ancestors ${context.frameable === 'never' ? "'none'" : "'self'"}`,
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ')
}

/** Two years, with subdomains: what the HSTS preload list asks for. */
export const HSTS = 'max-age=63072000; includeSubDomains'

/** Features no page of the product uses: nothing embedded in it may ask for them either. */
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()'

/**
 * The security headers every site response carries: CSP (for HTML), no MIME sniffing, a referrer
 * that leaves only the origin to other sites, no powerful features, HSTS on https.
 */
export function securityHeaders(context: SecurityContext): [string, string][] {
  const headers: [string, string][] = [
    ['x-content-type-options', 'nosniff'],
    ['referrer-policy', 'strict-origin-when-cross-origin'],
    ['permissions-policy', PERMISSIONS_POLICY],
    // For browsers that predate frame-ancestors.
    ['x-frame-options', context.frameable === 'never' ? 'DENY' : 'SAMEORIGIN'],
  ]
  if (context.html !== undefined) headers.push(['content-security-policy', contentSecurityPolicy(context)])
  if (context.https) headers.push(['strict-transport-security', HSTS])
  return headers
}
