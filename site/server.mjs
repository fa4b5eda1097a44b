// The production entry of the site: Astro's standalone handler behind the page cache's fast path.
// Run after `astro build`: node site/server.mjs (PORT and HOST from the environment).
import { createServer } from 'node:http'

process.env.ASTRO_NODE_AUTOSTART = 'disabled'
const { handler } = await import('../dist/server/entry.mjs')

// Registered by site/lib/fast-path.ts once Astro has loaded the site's middleware.
const FAST_PATH = Symbol.for('brand-site.fast-path')
const SHUTDOWN = Symbol.for('brand-site.shutdown')

const port = Number(process.env.PORT || process.env.SITE_PORT || 4321)
const host = process.env.HOST || 'localhost'

const server = createServer(async (req, res) => {
  const fastPath = globalThis[FAST_PATH]
  try {
    if (fastPath && (await fastPath(req, res))) return
  } catch (error) {
    // The cache could not check the content stamp (database busy or down): let Astro answer,
    // which renders fresh or reports the error itself.
    console.error('Page cache skipped:', error instanceof Error ? error.message : error)
  }
  if (!res.headersSent) handler(req, res)
}).listen(port, host, () => console.log(`Site listening on http://${host}:${port}`))

// On a normal stop, write the touches and clicks still held in memory before exiting.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    server.close()
    try {
      await globalThis[SHUTDOWN]?.()
    } finally {
      process.exit(0)
    }
  })
}
