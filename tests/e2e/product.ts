import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { createServer } from 'node:net'

import { expect } from '@playwright/test'

/** A port nobody listens on now: the OS picks it. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** Resolves when `check` answers true (Playwright's expect.poll asks again until then); fails naming `what` after `timeoutMs`. */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  await expect.poll(check, { message: `waiting for ${what}`, timeout: timeoutMs }).toBe(true)
}

/** The product as `npm start` runs it, on ports and a data folder of its own, with its output kept. */
export interface Product {
  siteUrl: string
  cmsUrl: string
  /** Every line the product's processes wrote, stdout and stderr. */
  log: string[]
  /** The process id of the jobs worker now running (start.mjs starts a new one when it stops). */
  workerPid: () => number | null
  /** SIGKILL to every process of the product at once, as a power loss would. */
  killAll: () => Promise<void>
  /** SIGTERM to start.mjs, which stops the others, and waits for it to exit. */
  stop: () => Promise<void>
}

/**
 * Starts `node scripts/start.mjs` in a process group of its own (so that the whole product can be
 * killed at once) and waits until the site and the CMS answer.
 */
export async function startProduct(env: Record<string, string>, log: string[] = []): Promise<Product> {
  const cmsUrl = `http://localhost:${env.CMS_PORT}`
  const siteUrl = `http://localhost:${env.SITE_PORT}`
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  for (const stream of [child.stdout!, child.stderr!]) {
    let rest = ''
    stream.setEncoding('utf8')
    stream.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n')
      rest = lines.pop() ?? ''
      log.push(...lines)
    })
  }
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  const answers = (url: string) =>
    fetch(url, { redirect: 'manual' }).then(
      () => true,
      () => false,
    )
  await until('the product to answer', async () => (await answers(`${siteUrl}/`)) && (await answers(`${cmsUrl}/api/users/me`)), 600_000)
  return {
    siteUrl,
    cmsUrl,
    log,
    workerPid: () => {
      // The children of start.mjs, by parent id: the worker is the one running scripts/worker.ts.
      const lines = execFileSync('ps', ['--ppid', String(child.pid), '-o', 'pid=,args='], { encoding: 'utf8' }).split('\n')
      const worker = lines.find((line) => line.includes('scripts/worker.ts'))
      return worker ? Number(worker.trim().split(/\s+/)[0]) : null
    },
    killAll: async () => {
      process.kill(-child.pid!, 'SIGKILL')
      await exited
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}

/** Whether a process still runs. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
