// `npm start`: builds what changed, prepares the database (migrations, first admin, demo brand on
// an empty database) and runs the CMS and the site side by side. `npm run dev` does the same with
// reloading dev servers instead of builds.
import { spawn } from 'node:child_process'
import path from 'node:path'

import { build } from './build.mjs'
import { bin, productEnv, requireNode22, root, run, waitForHttp } from './lib.mjs'

requireNode22()
const dev = process.argv.includes('--dev')
const env = productEnv({ NODE_ENV: dev ? 'development' : 'production' })
const children = []

function stopAll(code) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
  process.exitCode = code
}

function serve(name, command, args, extraEnv = {}) {
  const child = spawn(command, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: 'inherit' })
  child.on('exit', (code, signal) => {
    if (stopping) return
    console.error(`The ${name} stopped (${signal ?? `exit ${code}`}); stopping the other process too.`)
    stopping = true
    stopAll(code || 1)
  })
  children.push(child)
  return child
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
  // and seeds the demo brand into an empty database.
  await run(bin('tsx'), [path.join(root, 'scripts/seed.ts'), '--if-empty'], { env })

  const cmsArgs = dev ? ['dev', 'cms', '-p', env.CMS_PORT] : ['start', 'cms', '-p', env.CMS_PORT, '-H', env.HOST]
  serve('CMS', bin('next'), cmsArgs)
  // Lead emails and scheduled publishing run in a process of their own (scripts/worker.ts).
  serve('jobs worker', bin('tsx'), [path.join(root, 'scripts/worker.ts')])
  if (dev) serve('site', bin('astro'), ['dev', '--port', env.SITE_PORT, '--host', env.HOST])
  else serve('site', process.execPath, [path.join(root, 'site/server.mjs')], { PORT: env.SITE_PORT })

  await Promise.all([waitForHttp(`${env.CMS_URL}/admin`), waitForHttp(`${env.SITE_URL}/`)])
  console.log(`\n  Site:  ${env.SITE_URL}\n  CMS:   ${env.CMS_URL}/admin\n`)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  stopping = true
  stopAll(1)
}
