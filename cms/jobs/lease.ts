import type { Payload, Where } from 'payload'

/**
 * How long a job may sit marked `processing` without its worker's heartbeat before another worker
 * takes it over. Payload's runner never picks up a job whose `processing` flag is set, so a worker
 * that died mid-job (SIGKILL, power loss, a hang) would strand it forever without this.
 */
export const LEASE_MS = Number(process.env.JOB_LEASE_MS) || 60_000

/** The jobs this process is running right now (their handlers have started and not settled). */
export const held = new Set<string | number>()

async function setJobs(payload: Payload, where: Where, data: Record<string, unknown>): Promise<void> {
  // The database call Payload's own runner uses to claim jobs: no hooks, one statement.
  await payload.db.updateJobs({ where, data: { ...data, updatedAt: new Date().toISOString() }, returning: false, req: {} })
}

/**
 * Releases every job marked processing, so that this worker's runner picks them up again. Run at
 * the worker's start: there is one worker, so whatever a previous one held was cut short.
 * @example await releaseAll(payload) // after a SIGKILL, the next start takes the jobs over at once
 */
export async function releaseAll(payload: Payload): Promise<void> {
  await setJobs(payload, { processing: { equals: true } }, { processing: false })
}

/** Releases jobs whose lease ran out: marked processing, not held here, and untouched for LEASE_MS. */
export async function releaseExpired(payload: Payload, now = Date.now()): Promise<void> {
  const and: Where[] = [{ processing: { equals: true } }, { updatedAt: { less_than: new Date(now - LEASE_MS).toISOString() } }]
  if (held.size) and.push({ id: { not_in: [...held] } })
  await setJobs(payload, { and }, { processing: false })
}

/** Renews the lease of the jobs this process holds: a long job (a search rebuild) is not taken over while it runs. */
export async function heartbeat(payload: Payload): Promise<void> {
  if (held.size) await setJobs(payload, { id: { in: [...held] } }, {})
}

/**
 * Starts the heartbeat and the sweep for expired leases, every third of a lease; answers a stop function.
 * @example const stop = startLeases(payload); process.on('SIGTERM', stop)
 */
export function startLeases(payload: Payload): () => void {
  const timer = setInterval(
    () => {
      heartbeat(payload)
        .then(() => releaseExpired(payload))
        // A busy database now is no reason to stop the worker: the next tick tries again.
        .catch((error: unknown) => payload.logger.warn(`Job lease sweep failed: ${error instanceof Error ? error.message : String(error)}`))
    },
    Math.max(1000, LEASE_MS / 3),
  )
  timer.unref()
  return () => clearInterval(timer)
}
