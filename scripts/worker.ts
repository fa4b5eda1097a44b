// The jobs worker: one process that runs Payload's queued jobs (lead emails, scheduled publishing)
// every second. One process on purpose: the Next app may hold more than one Payload instance,
// each with its own cron, and two runners could pick up and send the same job twice.
import { setPriority } from 'node:os'

process.env.DISABLE_PAYLOAD_HMR = 'true'
process.env.PAYLOAD_JOBS_WORKER = 'true'

// Background work yields the CPU to the site, which answers visitors: during a burst of
// submissions the emails wait a moment, the visitors do not. (Measured by bench/intake.ts: the
// worker at normal priority put the submit p99 from ~60 ms to ~115 ms.) Not fatal where refused.
try {
  setPriority(10)
} catch {
  // Some containers forbid changing priority; the worker still runs.
}

const { getPayload } = await import('payload')
const { default: config } = await import('../cms/payload.config')
const payload = await getPayload({ config, cron: true })
payload.logger.info('Jobs worker running: lead emails, search indexes and scheduled publishing.')

// A data folder without search indexes (a new install, or one from before search) gets them now
// rather than at the next publish.
const { rebuildSearchIndexes, searchIndexMissing } = await import('../cms/search/rebuild')
if (searchIndexMissing()) {
  try {
    const counts = await rebuildSearchIndexes(payload)
    payload.logger.info(`Built the search indexes (${Object.entries(counts).map(([locale, n]) => `${locale}: ${n}`).join(', ')}).`)
  } catch (error) {
    // Not fatal: the queued job retries with backoff, and lead emails must not wait for search.
    payload.logger.error({ err: error }, 'Could not build the search indexes at start; queued a rebuild.')
    await payload.jobs.queue({ task: 'rebuildSearchIndex', input: { reason: 'missing at start' } })
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // A job cut short stays in the queue and is retried by the next worker; nothing is lost.
    process.exit(0)
  })
}
