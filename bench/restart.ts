// How long an ordinary restart takes (issue 12: answering again within 20 s, nothing rebuilt): on a
// built checkout with a prepared database, `npm start` is started, stopped with SIGTERM as a deploy
// does, and started again; each time it is timed until the CMS's /admin and the site's / answer.
// Part of `npm run bench`; alone: `npx tsx bench/restart.ts`.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { build } from '../scripts/build.mjs'
import { productEnv, root } from '../scripts/lib.mjs'
import { freePort } from '../tests/e2e/product'
import { runBench } from './lib'

const dataDir = mkdtempSync(path.join(tmpdir(), 'brand-site-bench-restart-'))
const children: ChildProcess[] = []

/** True once the URL answers 200 (a redirect to the admin's login counts as answering). */
async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { redirect: 'manual' })
    await response.body?.cancel()
    return response.status < 400
  } catch {
    // Not listening yet.
    return false
  }
}

async function startOnce(
  env: NodeJS.ProcessEnv & { CMS_URL: string; SITE_URL: string },
): Promise<{ ms: number; rebuilt: boolean; stop: () => Promise<void> }> {
  const started = performance.now()
  const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output.slice(-2000)}`)
    if ((await answers(`${env.CMS_URL}/admin`)) && (await answers(`${env.SITE_URL}/`))) break
    if (performance.now() - started > 600_000) throw new Error('npm start did not answer within 10 minutes')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const ms = Math.round(performance.now() - started)
  return {
    ms,
    rebuilt: /Building|next build|astro build/i.test(output),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

async function main() {
  const env = productEnv({
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    CMS_PORT: String(await freePort()),
    SITE_PORT: String(await freePort()),
    ADMIN_EMAIL: 'bench@example.com',
    ADMIN_PASSWORD: 'bench-Passw0rd-long',
  }) as NodeJS.ProcessEnv & { CMS_URL: string; SITE_URL: string }
  await build()
  // The first start prepares the database (migrations, the admin, the demo brand); the next ones are restarts.
  const first = await startOnce(env)
  await first.stop()
  const restarts: { ms: number; rebuilt: boolean }[] = []
  for (let i = 0; i < 3; i++) {
    const run = await startOnce(env)
    restarts.push(run)
    await run.stop()
  }
  const sorted = restarts.map((r) => r.ms).sort((a, b) => a - b)
  console.table({
    'first start on an empty database (migrate, seed) s': (first.ms / 1000).toFixed(1),
    'restarts: start → /admin and / answer, each s (target < 20)': restarts.map((r) => (r.ms / 1000).toFixed(1)).join(', '),
    'restarts: median s': (sorted[1]! / 1000).toFixed(1),
    'restarts that rebuilt anything': restarts.filter((r) => r.rebuilt).length,
  })
}

runBench(main, { children, dataDir })
