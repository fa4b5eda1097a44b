// Account speed: a signed-in account page at 20 connections (target median under 30 ms), and
// the time a password sign-in takes at the stated scrypt cost. `npx tsx bench/account.ts`.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'

import { hashPassword, SCRYPT_PARAMS, verifyPassword } from '../functions/members/password-hash'
import { checkPassword, PASSWORD_MAX_LENGTH } from '../functions/members/password-policy'
import { build } from '../scripts/build.mjs'
import { bin, productEnv, root, run, waitForHttp } from '../scripts/lib.mjs'
import { runBench } from './lib'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const SIGN_INS = 20
const dataDir = mkdtempSync(path.join(tmpdir(), 'brand-site-bench-account-'))
const children: ChildProcess[] = []

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

async function main() {
  const env = productEnv({
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    CMS_PORT: '3412',
    SITE_PORT: '4433',
    ADMIN_EMAIL: 'bench@example.com',
    ADMIN_PASSWORD: 'bench-Passw0rd-long',
    ACCOUNT_LIMIT_PER_IP: '1000000',
    SIGN_UP_LIMIT_PER_IP: '1000',
  })
  await build()
  await run(bin('tsx'), [path.join(root, 'scripts/seed.ts'), '--if-empty'], { env })
  const site = spawn(process.execPath, [path.join(root, 'site/server.mjs')], {
    cwd: root,
    env: { ...env, PORT: env.SITE_PORT! },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  children.push(site)
  await waitForHttp(`${env.SITE_URL}/`)
  const siteUrl = env.SITE_URL!
  const headers = { 'content-type': 'application/json', origin: siteUrl }

  const email = 'bench-member@example.com'
  const password = 'Lantern-garden 42'
  const signUp = await fetch(`${siteUrl}/en/account/sign-up`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email, password, name: 'Bench Member' }),
  })
  if (signUp.status !== 201) throw new Error(`sign-up: ${signUp.status} ${await signUp.text()}`)
  const cookie = signUp.headers.getSetCookie()[0]!.split(';')[0]!

  // Signed-in account page: session lookup, member read and a themed render, never cached.
  const pageUrl = `${siteUrl}/en/account`
  const warm = await fetch(pageUrl, { headers: { cookie } })
  if (warm.status !== 200 || !(await warm.text()).includes('Bench Member')) throw new Error(`account page: ${warm.status}`)
  const load = await autocannon({ url: pageUrl, connections: 20, duration: SECONDS, headers: { cookie } })
  if (load.non2xx || load.errors) throw new Error(`account page: ${load.non2xx} non-2xx answers, ${load.errors} errors`)

  // Password sign-in over HTTP, one after another (each pays one scrypt), and the hash alone in this process.
  const signIns: number[] = []
  for (let i = 0; i < SIGN_INS; i++) {
    const started = performance.now()
    const res = await fetch(`${siteUrl}/en/account/sign-in`, { method: 'POST', headers, body: JSON.stringify({ email, password }) })
    if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${await res.text()}`)
    signIns.push(performance.now() - started)
  }
  const stored = await hashPassword(password)
  const hashes: number[] = []
  for (let i = 0; i < 10; i++) {
    const started = performance.now()
    await verifyPassword(password, stored)
    hashes.push(performance.now() - started)
  }

  // The password rules run on every sign-up and change: the longest password allowed must stay cheap (target < 50 ms).
  const longest = 'x7$Q'.repeat(PASSWORD_MAX_LENGTH / 4)
  const checkStarted = performance.now()
  for (let i = 0; i < 20; i++) checkPassword(longest, { email: 'someone@example.com', brandNames: ['Acme'] })
  const checkMs = (performance.now() - checkStarted) / 20

  console.table({
    [`password rules on a ${PASSWORD_MAX_LENGTH}-character password, mean of 20 (ms, target < 50)`]: Number(checkMs.toFixed(2)),
    'signed-in /en/account median / p99 ms at 20 connections (target median < 30)': `${load.latency.p50} / ${load.latency.p99}`,
    'signed-in /en/account req/s': Math.round(load.requests.average),
    [`password sign-in over HTTP, median of ${SIGN_INS} (ms)`]: Number(median(signIns).toFixed(1)),
    'scrypt verify alone, median of 10 (ms)': Number(median(hashes).toFixed(1)),
    'scrypt cost':
      `N=2^${Math.log2(SCRYPT_PARAMS.N)}, r=${SCRYPT_PARAMS.r}, p=${SCRYPT_PARAMS.p} ` +
      `(${(128 * SCRYPT_PARAMS.N * SCRYPT_PARAMS.r) / 2 ** 20} MiB per hash)`,
    load: `${SECONDS} s, autocannon in the bench process, same machine (2 cores)`,
  })
}

runBench(main, { children, dataDir })
