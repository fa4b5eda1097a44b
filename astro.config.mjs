import node from '@astrojs/node'
import { defineConfig } from 'astro/config'

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

export default defineConfig({
  srcDir: './site',
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  server: { port: Number(process.env.SITE_PORT || 4321), host: process.env.SITE_HOST || '127.0.0.1' },
  trailingSlash: 'ignore',
  // Pages are cached and invalidated by the site itself (site/middleware.ts); no client router.
  prefetch: false,
  devToolbar: { enabled: false },
  build: { inlineStylesheets: 'always' },
  security: { checkOrigin: true },
  vite: {
    ssr: { external },
    optimizeDeps: { exclude: ['payload', '@payloadcms/db-sqlite', '@payloadcms/db-mongodb', 'sharp'] },
  },
})
