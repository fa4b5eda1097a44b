// The funnel dashboard's speed over 100,000 touches and 10,000 leads (issue 4: "renders in under
// 1 s"): seeds a scratch SQLite database in SQL batches, then times, over a 90-day range, the
// aggregation alone, the report plus the dashboard's markup, the CSV endpoint through Payload's REST
// handler, and (on the built CMS, `node scripts/build.mjs`) the whole admin page over HTTP.
// Run with `npx tsx bench/funnel.ts`; BENCH_FUNNEL_HTTP=0 skips the build and the HTTP part.
import { type ChildProcess, spawn } from 'node:child_process'

import { createElement } from 'react'
// @ts-expect-error react-dom's server entry ships no types, and @types/react-dom is not worth a dependency for one bench call
import { renderToStaticMarkup } from 'react-dom/server'

import { build } from '../scripts/build.mjs'
import { bin, productEnv, root, waitForHttp } from '../scripts/lib.mjs'
import { startPayload } from '../tests/integration/payload'
import { seedFunnel } from './funnel-seed'

const TOUCHES = 100_000
const LEADS = 10_000
const RUNS = 7
const CMS_PORT = '3341'
const HTTP = process.env.BENCH_FUNNEL_HTTP !== '0'
const DAY_MS = 86_400_000
const children: ChildProcess[] = []

process.env.DISABLE_PAYLOAD_HMR = 'true'
process.env.NEXT_TELEMETRY_DISABLED = '1'

/** The median of `RUNS` timed runs after one untimed warm-up, in milliseconds. */
async function median(run: () => Promise<unknown>): Promise<number> {
  await run()
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now()
    await run()
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return Math.round(times[Math.floor(RUNS / 2)]!)
}

async function main() {
  const { payload, cleanup } = await startPayload()
  try {
    const today = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS)
    const client = (await import('../cms/database')).requireSqliteClient(payload)
    const seedStart = performance.now()
    // Half a year of history, so that a 90-day range holds half the touches and first-touch credit
    // has earlier touches to look behind.
    const seeded = await seedFunnel(client, { touches: TOUCHES, leads: LEADS, days: 180, end: new Date(today.getTime() + DAY_MS) })
    const seedMs = Math.round(performance.now() - seedStart)
    await client.execute('ANALYZE')

    const { funnelCounts, loadFunnel, funnelText } = await import('../cms/funnel')
    const { localApiFunnelCounts } = await import('../cms/funnel/local-api-counts')
    const { parseFunnelQuery } = await import('../functions/attribution')
    const { FunnelDashboard } = await import('../cms/components/funnel/FunnelDashboard')
    const range = { from: new Date(today.getTime() - 89 * DAY_MS).toISOString().slice(0, 10), to: today.toISOString().slice(0, 10) }
    const search = (group: string, model: string) => `from=${range.from}&to=${range.to}&group=${group}&model=${model}`
    const query = (group: string, model: string) => parseFunnelQuery(new URLSearchParams(search(group, model)), today)
    const inRange = (
      await client.execute({ sql: 'SELECT COUNT(*) AS n FROM touches WHERE at >= ?', args: [`${range.from}T00:00:00.000Z`] })
    ).rows[0]!.n

    const figures: Record<string, number | string> = {
      [`seeded: touches / visitors / leads / link-day rows (${seedMs} ms)`]: `${seeded.touches} / ${seeded.visitors} / ${seeded.leads} / ${seeded.clickRows}`,
      [`touches in the 90-day range ${range.from} to ${range.to}`]: Number(inRange),
    }
    for (const model of ['first', 'last']) {
      for (const group of ['channel', 'campaign', 'link']) {
        figures[`aggregation in SQL, ${model} touch by ${group}, median ms`] = await median(() =>
          funnelCounts(payload, query(group, model)),
        )
      }
    }
    const text = funnelText('en')
    for (const model of ['first', 'last']) {
      figures[`report + dashboard markup, ${model} touch by channel, median ms (target < 1000)`] = await median(async () => {
        const report = await loadFunnel(payload, query('channel', model), 'en')
        return renderToStaticMarkup(
          createElement(FunnelDashboard, { report, text, path: '/admin/funnel', csvPath: '/api/funnel.csv', language: 'en' }),
        )
      })
    }

    const { handleEndpoints } = await import('payload')
    const config = (await import('../cms/payload.config')).default
    await payload.create({ collection: 'users', data: { email: 'bench@example.com', password: 'bench-Passw0rd-long', role: 'sales' } })
    const { token } = await payload.login({ collection: 'users', data: { email: 'bench@example.com', password: 'bench-Passw0rd-long' } })
    const headers = { authorization: `JWT ${token}` }
    figures['GET /api/funnel.csv in process (REST handler, auth, CSV), by link, median ms'] = await median(async () => {
      const response = await handleEndpoints({
        config,
        request: new Request(`http://localhost/api/funnel.csv?${search('link', 'first')}`, { headers }),
      })
      if (response.status !== 200) throw new Error(`funnel.csv answered ${response.status}`)
      return response.text()
    })
    // The MongoDB path on the same data, for comparison: it reads every touch of the range.
    const started = performance.now()
    await localApiFunnelCounts(payload)(query('channel', 'first'))
    figures['aggregation through the Local API (the MongoDB path), first touch by channel, one run ms'] = Math.round(
      performance.now() - started,
    )

    if (HTTP) {
      await build()
      const env = productEnv({
        NODE_ENV: 'production',
        DATA_DIR: process.env.DATA_DIR!,
        PAYLOAD_SECRET: process.env.PAYLOAD_SECRET!,
        CMS_PORT,
        CMS_URL: `http://localhost:${CMS_PORT}`,
      })
      const cms = spawn(bin('next'), ['start', 'cms', '-p', CMS_PORT], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] })
      children.push(cms)
      await waitForHttp(`http://localhost:${CMS_PORT}/api/users/me`)
      for (const model of ['first', 'last']) {
        figures[`GET /admin/funnel over HTTP (whole admin page), ${model} touch by channel, median ms (target < 1000)`] = await median(
          async () => {
            const response = await fetch(`http://localhost:${CMS_PORT}/admin/funnel?${search('channel', model)}`, {
              headers,
              redirect: 'manual',
            })
            const html = await response.text()
            if (response.status !== 200 || !html.includes('data-testid="funnel-table"'))
              throw new Error(`/admin/funnel answered ${response.status} without the table`)
          },
        )
      }
      figures['GET /api/funnel.csv over HTTP, by link, median ms'] = await median(async () => {
        const response = await fetch(`http://localhost:${CMS_PORT}/api/funnel.csv?${search('link', 'first')}`, { headers })
        if (response.status !== 200) throw new Error(`funnel.csv answered ${response.status}`)
        await response.text()
      })
    }
    console.table(figures)
  } finally {
    // The CMS process has the database open: let it stop before the scratch folder goes.
    await Promise.all(
      children.map(
        (child) =>
          new Promise((resolve) => (child.exitCode !== null ? resolve(null) : (child.once('exit', resolve), child.kill('SIGTERM')))),
      ),
    )
    await cleanup()
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
