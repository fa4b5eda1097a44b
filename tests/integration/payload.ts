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
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
