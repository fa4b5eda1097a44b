import { withPayload } from '@payloadcms/next/withPayload'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** The Next.js app that hosts Payload's admin panel and REST API; the brand site is Astro's. */
const nextConfig = {
  // node_modules live at the repository root, one level up from this app.
  turbopack: { root },
  outputFileTracingRoot: root,
  poweredByHeader: false,
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
