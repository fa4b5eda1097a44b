import node from '@astrojs/node'
import { defineConfig } from 'astro/config'

import { MAX_REQUEST_BYTES } from './functions/http/body-limit'
import { themeStyles } from './themes/styles-plugin'

// Server-only packages that Node loads at run time instead of Vite bundling them: Payload and its
// adapters carry native bindings (libsql, sharp) and files read relative to their own folders.
const external = [
  'payload',
  '@payloadcms/db-sqlite',
  '@payloadcms/db-mongodb',
  '@payloadcms/richtext-lexical',
  '@payloadcms/translations',
  '@payloadcms/drizzle',
  'sharp',
  '@libsql/client',
  'libsql',
  'mongoose',
  'mongodb',
  'drizzle-orm',
  'graphql',
]

// The public address: Astro believes X-Forwarded-For only for this host, and site/server.mjs
// rewrites that header to the client it settled on (TRUST_PROXY), so it is never a client's word.
const siteUrl = new URL(process.env.SITE_URL || `http://localhost:${process.env.SITE_PORT || 4321}`)

export default defineConfig({
  srcDir: './site',
  output: 'server',
  // The adapter accepts 1 GiB by default; each reader caps lower again while streaming.
  adapter: node({ mode: 'standalone', bodySizeLimit: MAX_REQUEST_BYTES }),
  server: { port: Number(process.env.SITE_PORT || 4321), host: process.env.SITE_HOST || '127.0.0.1' },
  trailingSlash: 'ignore',
  // Pages are cached and invalidated by the site itself (site/middleware.ts); no client router.
  prefetch: false,
  devToolbar: { enabled: false },
  build: { inlineStylesheets: 'always' },
  security: {
    checkOrigin: true,
    allowedDomains: [{ hostname: siteUrl.hostname }],
  },
  vite: {
    // Each theme's component styles are inlined by its Layout only, not by every page (themes/README.md).
    plugins: [themeStyles()],
    ssr: { external },
    optimizeDeps: { exclude: ['payload', '@payloadcms/db-sqlite', '@payloadcms/db-mongodb', 'sharp'] },
  },
})
