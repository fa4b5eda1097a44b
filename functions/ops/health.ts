/** What a health check found. */
export interface HealthFacts {
  /** A read from the database succeeded. */
  database: boolean
  /** When the jobs worker last said it was alive (ms since the epoch), or null if never. */
  heartbeatAt: number | null
  now: number
  /** A worker silent for longer than this is taken for dead. */
  maxSilenceMs: number
}

/** The answer of /healthz: 200 when the database answers and the worker is alive, 503 otherwise, with what failed. */
export interface Health {
  status: 200 | 503
  body: { database: 'ok' | 'unreachable'; worker: 'ok' | 'silent' | 'never seen'; lastHeartbeat: string | null }
}

/**
 * Judges health from what was checked; a load balancer or monitor reads the status, a person the body.
 * @example health({ database: true, heartbeatAt: Date.now(), now: Date.now(), maxSilenceMs: 60_000 }).status // 200
 */
export function health(facts: HealthFacts): Health {
  const worker = facts.heartbeatAt === null ? 'never seen' : facts.now - facts.heartbeatAt <= facts.maxSilenceMs ? 'ok' : 'silent'
  return {
    status: facts.database && worker === 'ok' ? 200 : 503,
    body: {
      database: facts.database ? 'ok' : 'unreachable',
      worker,
      lastHeartbeat: facts.heartbeatAt === null ? null : new Date(facts.heartbeatAt).toISOString(),
    },
  }
}
