import { tmpdir } from 'node:os'
import path from 'node:path'

import { defineConfig } from '@playwright/test'

// The browser tests run against the built servers, started by the same script as `npm start`,
// on ports and a data folder of their own so they never touch a developer's data.
const CMS_PORT = process.env.E2E_CMS_PORT ?? '3310'
const SITE_PORT = process.env.E2E_SITE_PORT ?? '4331'
// A worktree running its own browser tests at the same time sets its own ports and data folder.
const DATA_DIR = process.env.E2E_DATA_DIR ?? path.join(tmpdir(), 'brand-site-e2e')

export const e2e = {
  cmsUrl: `http://localhost:${CMS_PORT}`,
  dataDir: DATA_DIR,
  siteUrl: `http://localhost:${SITE_PORT}`,
  editor: { email: 'editor@example.com', password: 'e2e-Editor-passw0rd' },
  // The seed gives the demo editor and sales user the same password (SEED_DEMO_USERS_PASSWORD).
  sales: { email: 'sales@example.com', password: 'e2e-Editor-passw0rd' },
  admin: { email: 'admin@example.com', password: 'e2e-Admin-passw0rd' },
}

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 2 : 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    // Playwright cannot download its browser here; Debian's chromium is found by scripts/test.mjs.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    locale: 'en-US',
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `rm -rf "${DATA_DIR}" && node scripts/start.mjs`,
    url: `${e2e.siteUrl}/`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      CMS_PORT,
      SITE_PORT,
      DATA_DIR,
      ADMIN_EMAIL: e2e.admin.email,
      ADMIN_PASSWORD: e2e.admin.password,
      SEED_DEMO_USERS_PASSWORD: e2e.editor.password,
      // Every browser test comes from 127.0.0.1; the per-address limit is tested in tests/integration/intake-store-site.test.ts.
      INTAKE_LIMIT_PER_IP: '100000',
      // The same for sign-ups: each account spec signs up members of its own (retries too); the
      // limit itself is tested in tests/integration/members-security-brute-force.test.ts.
      SIGN_UP_LIMIT_PER_IP: '1000',
    },
  },
})
