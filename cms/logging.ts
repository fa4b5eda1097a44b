import type { Config } from 'payload'

/**
 * Payload's logger (pino) for LOG_FORMAT=json: pino's own JSON lines, in the shape the other
 * lines of the product take (scripts/log-format.mjs): the level by name, an ISO time, the process
 * (cms, site or worker: whichever process loaded this config) and its pid. Without LOG_FORMAT=json,
 * Payload's readable default.
 */
export function payloadLogger(): Config['logger'] {
  if (process.env.LOG_FORMAT !== 'json') return undefined
  const name = (globalThis as Record<symbol, unknown>)[Symbol.for('brand-site.log-format')] ?? process.env.LOG_PROCESS ?? 'cms'
  return {
    options: {
      base: { process: name, pid: process.pid },
      formatters: { level: (label: string) => ({ level: label }) },
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
    },
  }
}
