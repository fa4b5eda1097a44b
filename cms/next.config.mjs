import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { withPayload } from '@payloadcms/next/withPayload'

// A plain TypeScript module of functions/, loaded by Node's own type stripping (Node 22.18+).
import { HSTS, PERMISSIONS_POLICY } from '../functions/http/security-headers.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const https = (process.env.CMS_URL ?? '').startsWith('https:')

/**
 * The security headers of every CMS response. The admin is Next.js, which writes inline scripts
 * of its own on every page, so its CSP limits framing, plugins and the base URL, not scripts.
 */
const securityHeaders = [
  { key: 'Content-Security-Policy', value: "frame-ancestors 'self'; object-src 'none'; base-uri 'self'" },
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
  ...(https ? [{ key: 'Strict-Transport-Security', value: HSTS }] : []),
]

/** The Next.js app that hosts Payload's admin panel and REST API; the brand site is Astro's. */
const nextConfig = {
  // node_modules live at the repository root, one level up from this app.
  turbopack: { root },
  outputFileTracingRoot: root,
  poweredByHeader: false,
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }]
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
