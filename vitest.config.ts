import { defineConfig } from 'vitest/config'

// Unit tests sit beside the code they test; integration tests (real SQLite file, Local API) in tests/integration.
export default defineConfig({
  test: {
    include: ['functions/**/*.test.ts', 'cms/**/*.test.ts', 'site/**/*.test.ts', 'themes/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    // Files share their worker process, so that Payload and its database drivers (seconds of module
    // loading, and most of an integration file's time) load once per worker instead of once per
    // file; tests/fresh-file.ts gives each file fresh modules of ours, environment and timers.
    isolate: false,
    setupFiles: ['tests/fresh-file.ts'],
    // Integration files spend most of their time waiting (Payload's start, servers, retries):
    // four at once on CI's two cores take a fraction of one at a time.
    maxWorkers: 4,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each email on its own request, so the tests can assert each one's idempotency key; batching
    // is tested on its own in cms/email/resend-mailer.test.ts.
    env: { DISABLE_PAYLOAD_HMR: 'true', NEXT_TELEMETRY_DISABLED: '1', MAIL_BATCH_WINDOW_MS: '0' },
  },
})
