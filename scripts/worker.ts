// The jobs worker: one process that runs Payload's queued jobs (lead emails, scheduled publishing)
// every second. One process on purpose: the Next app may hold more than one Payload instance,
// each with its own cron, and two runners could pick up and send the same job twice.
import { setPriority } from 'node:os'

import { installLogFormat } from './log-format.mjs'

// LOG_FORMAT=json: one JSON line per event (scripts/log-format.mjs; Payload's logger: cms/logging.ts).
process.env.LOG_PROCESS = 'worker'
installLogFormat('worker', { exitOnUncaught: true })

process.env.DISABLE_PAYLOAD_HMR = 'true'
process.env.PAYLOAD_JOBS_WORKER = 'true'

// Background work yields the CPU to the site, which answers visitors: during a burst of
// submissions the emails wait a moment, the visitors do not. (Measured by bench/intake.ts: the
// worker at normal priority put the submit p99 from ~60 ms to ~115 ms.) Not fatal where refused.
// WORKER_NICE=0 keeps normal priority: a test that waits on the worker while other tests fill the
// CPU would otherwise wait minutes for it (CI's Vitest run: 20 min instead of 1).
try {
  setPriority(Number(process.env.WORKER_NICE ?? 10))
} catch {
  // Some containers forbid changing priority; the worker still runs.
}

const { getPayload } = await import('payload')
const { default: config } = await import('../cms/payload.config')
const { held, releaseAll, startLeases, LEASE_MS } = await import('../cms/jobs/lease')
const { startHeartbeat } = await import('../cms/ops/heartbeat')
const payload = await getPayload({ config, cron: false })
await (await import('../cms/database')).relaxWorkerCommits(payload)
// Before the runner starts: whatever a previous worker held when it died (SIGKILL, power loss) is
// released now, since there is one worker; a worker that hangs instead loses its jobs when their
// lease runs out (a heartbeat renews the lease of the jobs a live worker holds).
await releaseAll(payload)
const stopLeases = startLeases(payload)
// The health checks (/healthz, /api/healthz) read this beat to tell a live worker from a dead one.
const stopHeartbeat = startHeartbeat()
await payload._initializeCrons()
// Scoring and sequences: new activity is scored every second, due sequence steps are queued as jobs.
const { startNurture } = await import('../cms/nurture')
const stopNurture = startNurture(payload)
payload.logger.info(`Jobs worker running: lead emails, search indexes and scheduled publishing (job lease ${LEASE_MS / 1000} s).`)

/** How long a stopping worker lets the jobs it holds finish before it releases them. */
const GRACE_MS = Number(process.env.WORKER_STOP_GRACE_MS) || 5000

let stopping = false
async function stop(signal: string): Promise<void> {
  if (stopping) return
  stopping = true
  const started = Date.now()
  // console, not the logger: Payload's logger writes asynchronously, and the exit below would cut it off.
  console.info(`${signal}: the jobs worker takes no new jobs and stops within ${GRACE_MS / 1000} s.`)
  // No new jobs: the runner's cron stops; the run under way (jobs it claimed) goes on to its end,
  // which includes marking each finished job complete.
  const crons = payload.crons.splice(0)
  await Promise.all(crons.map((cron) => cron.stop()))
  stopLeases()
  stopHeartbeat()
  await stopNurture()
  const busy = () => held.size > 0 || crons.some((cron) => cron.isBusy())
  const until = Date.now() + GRACE_MS
  while (busy() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50))
  // What is still running is released for the next worker; its email, if it went out, carries an
  // idempotency key, so taking the job up again sends nothing twice. There is one worker, so every
  // job marked processing is this one's.
  const released = busy()
  if (released) await releaseAll(payload).catch(() => undefined)
  console.info(`The jobs worker stopped after ${Date.now() - started} ms${released ? ', releasing the jobs still running' : ''}.`)
  process.exit(0)
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(signal))

// A data folder without search indexes (a new install, or one from before search) gets them now
// rather than at the next publish.
const { rebuildSearchIndexes, searchIndexMissing } = await import('../cms/search/rebuild')
if (searchIndexMissing()) {
  try {
    const counts = await rebuildSearchIndexes(payload)
    payload.logger.info(
      `Built the search indexes (${Object.entries(counts)
        .map(([locale, n]) => `${locale}: ${n}`)
        .join(', ')}).`,
    )
  } catch (error) {
    // Not fatal: the queued job retries with backoff, and lead emails must not wait for search.
    payload.logger.error({ err: error }, 'Could not build the search indexes at start; queued a rebuild.')
    await payload.jobs.queue({ task: 'rebuildSearchIndex', input: { reason: 'missing at start' } })
  }
}
