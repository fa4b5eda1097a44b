import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

/**
 * A real Payload on a fresh SQLite file in a temporary folder, for one test file.
 * The config is imported after DATA_DIR is set, because it reads it once at import.
 */
export async function startPayload(): Promise<{ payload: Payload; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'brand-site-test-'))
  process.env.DATA_DIR = dir
  process.env.PAYLOAD_SECRET = 'integration-test-secret'
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../cms/payload.config')
  const payload = await getPayload({ config })
  const { migrateDatabase } = await import('../../cms/database')
  await migrateDatabase(payload)
  return {
    payload,
    cleanup: async () => {
      await payload.destroy()
      // Retried: a connection closing as the folder goes can leave a -wal file behind for a moment (ENOTEMPTY).
      rmSync(dir, { recursive: true, force: true, maxRetries: 5 })
    },
  }
}

/**
 * A lead's recorded delivery attempts (the lead-deliveries collection), in the order they were made.
 * @example expect((await deliveryAttempts(payload, lead.id)).map((d) => d.status)).toEqual(['failed', 'sent'])
 */
export async function deliveryAttempts(payload: Payload, leadId: number | string) {
  return (
    await payload.find({ collection: 'lead-deliveries', where: { lead: { equals: leadId } }, sort: 'id', depth: 0, pagination: false })
  ).docs
}
