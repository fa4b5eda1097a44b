// `npm start`: builds what changed, prepares the database (migrations, first admin, demo brand on
// an empty database) and runs the CMS and the site side by side. `npm run dev` does the same with
// reloading dev servers instead of builds.
import { spawn } from 'node:child_process'
import path from 'node:path'

import { build } from './build.mjs'
import { bin, productEnv, requireNode22, root, run, waitForHttp, withLogPreload } from './lib.mjs'
import { installLogFormat } from './log-format.mjs'
import { databaseReady } from './prepared.mjs'

installLogFormat('start', { exitOnUncaught: true })
requireNode22()
const dev = process.argv.includes('--dev')
const env = productEnv({ NODE_ENV: dev ? 'development' : 'production' })
const children = []

function stopAll(code) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
  process.exitCode = code
}

/** A process stopped this often within a minute is failing, not being restarted: give up. */
const MAX_RESTARTS_PER_MINUTE = 5

/**
 * Runs one process of the product. When it stops, the others stop too, except for the jobs worker
 * (`restart`): it is started again, because stopping it (a deploy's SIGTERM, the OOM killer's
 * SIGKILL) loses nothing: the new worker takes over the jobs the old one held (cms/jobs/lease.ts).
 */
function serve(name, command, args, { extraEnv = {}, restart = false } = {}) {
  const restarts = []
  const start = () => {
    // LOG_PROCESS: the name in each JSON log line (LOG_FORMAT=json) of the child.
    const child = spawn(command, args, {
      cwd: root,
      env: { ...env, LOG_PROCESS: name === 'jobs worker' ? 'worker' : name.toLowerCase(), ...extraEnv },
      stdio: 'inherit',
    })
    children.push(child)
    child.on('exit', (code, signal) => {
      children.splice(children.indexOf(child), 1)
      if (stopping) return
      const now = Date.now()
      while (restarts.length && now - restarts[0] > 60_000) restarts.shift()
      if (restart && restarts.length < MAX_RESTARTS_PER_MINUTE) {
        restarts.push(now)
        console.error(`The ${name} stopped (${signal ?? `exit ${code}`}); starting it again.`)
        start()
        return
      }
      console.error(`The ${name} stopped (${signal ?? `exit ${code}`}); stopping the other process too.`)
      stopping = true
      stopAll(code || 1)
    })
  }
  start()
}

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopping = true
    stopAll(0)
  })
}

try {
  if (!dev) await build()
  // Runs pending migrations (production) or pushes the schema (dev), creates the first admin,
  // and seeds the demo brand into an empty database; skipped when there is nothing to do, so that
  // a restart answers again within seconds.
  if (!(await databaseReady(env)))
    await run(bin('tsx'), [path.join(root, 'scripts/seed.ts'), '--if-empty'], { env: withLogPreload({ ...env, LOG_PROCESS: 'seed' }) })

  const cmsArgs = dev ? ['dev', 'cms', '-p', env.CMS_PORT] : ['start', 'cms', '-p', env.CMS_PORT, '-H', env.HOST]
  serve('CMS', bin('next'), cmsArgs, { extraEnv: withLogPreload(env) })
  // Lead emails and scheduled publishing run in a process of their own (scripts/worker.ts).
  // Node itself runs the worker (tsx as a loader, not as a parent process), so that a signal sent to
  // the worker's process id reaches the worker and nothing is left behind when it is killed.
  serve('jobs worker', process.execPath, ['--import', 'tsx', path.join(root, 'scripts/worker.ts')], { restart: true })
  if (dev) serve('site', bin('astro'), ['dev', '--port', env.SITE_PORT, '--host', env.HOST])
  else serve('site', process.execPath, [path.join(root, 'site/server.mjs')], { extraEnv: { PORT: env.SITE_PORT } })

  // Five minutes: on a busy machine each site process takes a while to load Astro and Payload.
  await Promise.all([waitForHttp(`${env.CMS_URL}/admin`, 300_000), waitForHttp(`${env.SITE_URL}/`, 300_000)])
  console.log(`\n  Site:  ${env.SITE_URL}\n  CMS:   ${env.CMS_URL}/admin\n`)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  stopping = true
  stopAll(1)
}
