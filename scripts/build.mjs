// Builds the CMS (Next.js) and the site (Astro) when their sources changed since the last build.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { bin, productEnv, requireNode22, root, run } from './lib.mjs'
import { installLogFormat } from './log-format.mjs'

const SOURCES = ['cms', 'site', 'themes', 'functions', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json']
// Files the build writes itself are no sources: `next build` creates cms/next-env.d.ts, and
// hashing it made the first restart after an install rebuild everything; the admin's import map is
// generated from the config (hashed) at every build.
const SKIP = new Set(['.next', 'node_modules', 'seed', 'migrations', 'next-env.d.ts', 'importMap.js'])
const STAMP = path.join(root, 'dist', '.build-stamp')

function* files(entry) {
  const full = path.join(root, entry)
  if (!existsSync(full)) return
  if (statSync(full).isFile()) {
    yield entry
    return
  }
  for (const name of readdirSync(full).sort()) {
    if (SKIP.has(name) || name.endsWith('.test.ts')) continue
    yield* files(path.join(entry, name))
  }
}

/** A hash of every source file the two builds read. */
export function sourceHash() {
  const hash = createHash('sha256')
  for (const entry of SOURCES) for (const file of files(entry)) hash.update(file).update(readFileSync(path.join(root, file)))
  // The site's host name is built into Astro's allowed domains (astro.config.mjs); its port is not.
  hash.update(new URL(productEnv().SITE_URL).hostname)
  return hash.digest('hex')
}

/** Builds both apps unless the last build was made from the same sources. */
export async function build({ force = false } = {}) {
  const built = existsSync(STAMP) && readFileSync(STAMP, 'utf8') === sourceHash() && existsSync(path.join(root, 'cms/.next/BUILD_ID'))
  if (built && !force) return false
  const env = productEnv({ NODE_ENV: 'production', LOG_PROCESS: 'build' })
  console.log('Building the CMS (Next.js) and the site (Astro); this takes a minute or two the first time…')
  await run(bin('payload'), ['generate:importmap'], { env })
  const hash = sourceHash()
  await run(bin('next'), ['build', 'cms'], { env })
  await run(bin('astro'), ['build'], { env })
  mkdirSync(path.dirname(STAMP), { recursive: true })
  // The hash taken before the build: a source edited while it ran is built next time.
  writeFileSync(STAMP, hash)
  return true
}

if (import.meta.url === `file://${process.argv[1]}`) {
  installLogFormat('build', { exitOnUncaught: true })
  requireNode22()
  build({ force: process.argv.includes('--force') }).catch((error) => {
    console.error(error.message)
    process.exit(1)
  })
}
