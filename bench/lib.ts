import type { ChildProcess } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import path from 'node:path'

/**
 * Runs a bench's main and always cleans up after it: the processes it started are stopped and its
 * scratch data folder removed (a second later, once they have let go of their files). A failure
 * is printed and sets the exit code.
 */
export function runBench(main: () => Promise<void>, { children, dataDir }: { children: ChildProcess[]; dataDir: string }): void {
  main()
    .catch((error) => {
      console.error(error)
      process.exitCode = 1
    })
    .finally(() => {
      for (const child of children) child.kill('SIGTERM')
      setTimeout(() => rmSync(dataDir, { recursive: true, force: true }), 1000)
    })
}

/**
 * Waits until each of the site's `count` processes has answered /healthz (whatever its status: the
 * worker's heartbeat may not have come yet). A load whose keep-alive connections open while one
 * process is still starting puts all of them on the processes already listening, and measures one
 * core instead of the site.
 */
export async function waitForSiteProcesses(siteUrl: string, count: number, timeoutMs = 120_000): Promise<void> {
  const answered = new Set<number>()
  const deadline = Date.now() + timeoutMs
  while (answered.size < count) {
    if (Date.now() > deadline) throw new Error(`Only ${answered.size} of ${count} site processes answered /healthz.`)
    const body = await fetch(`${siteUrl}/healthz`, { headers: { connection: 'close' } })
      .then((response) => response.json() as Promise<{ process?: number }>)
      .catch(() => null)
    if (typeof body?.process === 'number') answered.add(body.process)
    else await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/**
 * Waits until the jobs worker is up (its heartbeat file) and has run every job queued before it
 * started (the seed's search index build). A campaign's burst meets a product that has been up,
 * not a worker still loading its modules and building indexes: started at once, the worker's
 * start took a core for the first 20 s, the whole burst.
 */
export async function waitForIdleWorker(dataDir: string, timeoutMs = 180_000): Promise<void> {
  const { createClient } = await import('@libsql/client')
  const client = createClient({ url: `file:${path.join(dataDir, 'site.db')}` })
  const deadline = Date.now() + timeoutMs
  try {
    for (;;) {
      if (Date.now() > deadline) throw new Error(`The jobs worker was not up and idle within ${timeoutMs / 1000} s.`)
      const { rows } = await client.execute(
        `SELECT COUNT(*) AS waiting FROM payload_jobs WHERE completed_at IS NULL AND has_error = 0
           AND (wait_until IS NULL OR wait_until <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
      )
      if (existsSync(path.join(dataDir, 'worker.heartbeat')) && Number(rows[0]!.waiting) === 0) return
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  } finally {
    client.close()
  }
}
