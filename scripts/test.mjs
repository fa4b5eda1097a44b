// `npm test`: the type check, unit and integration tests (Vitest), then the browser tests (Playwright) against
// the built CMS and site. Finds or installs a Chromium first.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

import { build } from './build.mjs'
import { bin, requireNode22, run } from './lib.mjs'

requireNode22()

/** A Chromium to drive: Playwright's own download where the network allows, else the distribution's. */
async function findChromium() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(candidate)) return candidate
  try {
    await run(bin('playwright'), ['install', 'chromium'])
    return ''
  } catch {
    console.log("Playwright could not download its browser; installing the distribution's chromium instead.")
  }
  const aptGet = (...args) =>
    process.getuid?.() === 0
      ? execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
      : execFileSync('sudo', ['apt-get', ...args], { stdio: 'inherit' })
  aptGet('update')
  aptGet('install', '-y', '--no-install-recommends', 'chromium')
  return '/usr/bin/chromium'
}

try {
  const chromium = await findChromium()
  // The linter and the formatter first, then types: the cheapest failures to find.
  await run(bin('eslint'), ['.'])
  await run(bin('prettier'), ['--check', '.'])
  await run(bin('tsc'), ['--noEmit', '-p', '.'])
  await run(bin('vitest'), ['run'])
  await build()
  await run(bin('playwright'), ['test', ...process.argv.slice(2)], { env: { ...process.env, CHROMIUM_PATH: chromium } })
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
