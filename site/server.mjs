// The production entry of the site: the request pipeline's first stage (who the client is, behind a
// trusted proxy), then its fast path (site/lib/fast-path.ts), then Astro's standalone handler.
// Run after `astro build`: node site/server.mjs (PORT and HOST from the environment).
//
// SITE_PROCESSES (default: the CPU cores) site processes share one port through node:cluster: this
// process then only starts them, starts again one that dies, and stops them on SIGTERM. They share
// everything through the database: the content stamp that empties every page cache on publish, the
// touches each writes in its batches, and the throttle counters of every limit (site/lib/limits.ts).
import cluster from 'node:cluster'
import { createServer } from 'node:http'
import { availableParallelism } from 'node:os'

// Plain TypeScript modules that import nothing of their own (types aside), loaded by Node's own type
// stripping (Node 22.18+), which resolves no extension-less import.
import { groupCommit } from '../cms/group-commit.ts'
import { answerWrites, PRIMARY_WRITES } from '../cms/shared-writes.ts'
import { MAX_REQUEST_BYTES } from '../functions/http/body-limit.ts'
import { cacheControlFor } from '../functions/http/cache-control.ts'
import { clientAddress, isTrustedProxy, parseTrustedProxies } from '../functions/http/client-address.ts'
import { securityHeaders } from '../functions/http/security-headers.ts'
import { installLogFormat } from '../scripts/log-format.mjs'

process.env.LOG_PROCESS = 'site'
installLogFormat('site', { exitOnUncaught: true })

const port = Number(process.env.PORT || process.env.SITE_PORT || 4321)
const host = process.env.HOST || 'localhost'
const processes = siteProcesses(process.env.SITE_PROCESSES)

/** SITE_PROCESSES as a count: unset means one per CPU core; anything but a whole number from 1 stops the start. */
function siteProcesses(value) {
  if (value === undefined || value.trim() === '') return availableParallelism()
  const count = Number(value)
  if (!Number.isInteger(count) || count < 1 || count > 256) {
    console.error(`SITE_PROCESSES must be a whole number from 1 to 256, not "${value}".`)
    process.exit(1)
  }
  return count
}

/** A process died this often within a minute: it is failing, not being restarted; the whole site stops (systemd starts it again). */
const MAX_RESTARTS_PER_MINUTE = 5

/** The primary: starts `count` site processes on the port, replaces one that dies, stops them all on SIGTERM. */
function startProcesses(count) {
  let stopping = false
  let listening = 0
  const restarts = []
  const alive = new Set()
  const start = (slot) => {
    // SITE_PROCESS names the slot (1…count), kept by a replacement: /healthz reports it.
    const worker = cluster.fork({ SITE_PROCESS: String(slot), SITE_PROCESSES: String(count), [PRIMARY_WRITES]: '1' })
    alive.add(worker)
    answerWrites(worker, primaryWriter)
    // Its warm-up listens on a private port first (warmUp); only the site's port counts.
    worker.on('listening', (address) => {
      if (address.port === port && ++listening === count) console.log(`Site listening on http://${host}:${port} (${count} processes)`)
    })
    worker.once('exit', (code, signal) => {
      alive.delete(worker)
      if (stopping) {
        if (alive.size === 0) process.exit()
        return
      }
      const now = Date.now()
      while (restarts.length && now - restarts[0] > 60_000) restarts.shift()
      if (restarts.length >= MAX_RESTARTS_PER_MINUTE) {
        console.error(
          `Site process ${slot} stopped (${signal ?? `exit ${code}`}), the ${MAX_RESTARTS_PER_MINUTE + 1}th time within a minute: ` +
            `stopping the site.`,
        )
        stop(1)
        return
      }
      restarts.push(now)
      console.error(`Site process ${slot} stopped (${signal ?? `exit ${code}`}); starting it again.`)
      listening--
      start(slot)
    })
  }
  const stop = (code) => {
    if (stopping) return
    stopping = true
    process.exitCode = code
    if (alive.size === 0) process.exit()
    // Each writes the touches it holds and exits (serveSite); systemd's TimeoutStopSec bounds the wait.
    for (const worker of alive) worker.process.kill('SIGTERM')
  }
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(0))
  // Writes cross the channel with bigints (row ids) and bytes, which JSON does not carry.
  cluster.setupPrimary({ serialization: 'advanced' })
  for (let slot = 1; slot <= count; slot++) start(slot)
}

const writers = new Map()

/**
 * The primary writes for every site process (cms/shared-writes.ts): one connection per database
 * file, opened at the first write, each statement prepared once (cms/prepared-batches.ts), its writes
 * grouped into transactions (cms/group-commit.ts). It commits with `synchronous = FULL`, as Payload's
 * connection does: a 201 means the lead is on disk. Its commits never stop to copy the log back into
 * the database file: a thread beside it does (cms/wal-checkpoints.ts). The primary stays until the
 * last site process has exited, so the writes of their stop are stored.
 */
function primaryWriter(url) {
  let write = writers.get(url)
  if (!write) {
    const ready = Promise.all([import('../cms/prepared-batches.ts'), import('../cms/wal-checkpoints.ts')]).then(
      ([{ preparedBatches }, { checkpointsBeside }]) => {
        const db = preparedBatches(url)
        db.pragma('busy_timeout = 5000')
        db.pragma('synchronous = FULL')
        db.pragma('wal_autocheckpoint = 0')
        checkpointsBeside(url)
        return groupCommit(db)
      },
    )
    write = async (statements) => (await ready)(statements)
    writers.set(url, write)
  }
  return write
}

const FAST_PATH = Symbol.for('brand-site.fast-path')
const trusted = parseTrustedProxies(process.env.TRUST_PROXY)
const siteUrl = new URL(process.env.SITE_URL || `http://localhost:${process.env.SITE_PORT || 4321}`)
const ACCOUNT = /^\/(?:[a-z]{2}(?:-[a-z0-9]+)?\/)?account(?:\/|$)/i
// Headers only this server sets; whatever a client sends under these names is dropped first.
const INTERNAL = ['x-brand-pipeline', 'x-brand-set-cookie']
const FORWARDED = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded']

/**
 * Who sent the request: the peer, or the client a trusted proxy names (TRUST_PROXY). Forwarded
 * headers are then rewritten to that one address, so Astro's clientAddress (which believes the
 * first X-Forwarded-For when the host is one of security.allowedDomains) is this decision and
 * nothing a client wrote. Astro builds the request URL from X-Forwarded-Host (SITE_URL's host and
 * port) and, from a trusted proxy, the forwarded `https`: the URL the browser used, which its
 * same-origin check of form posts compares with the Origin header.
 */
function settleClient(req) {
  const peer = req.socket.remoteAddress ?? ''
  const viaProxy = isTrustedProxy(peer, trusted)
  const forwardedFor = [req.headers['x-forwarded-for']].flat().filter(Boolean).join(',')
  const https =
    viaProxy &&
    String(req.headers['x-forwarded-proto'] ?? '')
      .split(',')[0]
      .trim() === 'https'
  for (const name of [...INTERNAL, ...FORWARDED]) delete req.headers[name]
  req.headers['x-forwarded-for'] = clientAddress(peer, forwardedFor, trusted)
  req.headers['x-forwarded-host'] = siteUrl.host
  // Per request on a connection that only a trusted proxy uses; Astro reads this to build the URL.
  if (viaProxy) req.socket.encrypted = https
}

/** Every response leaves with the security headers (pages already carry their CSP) and private when it sets a cookie. */
function guardHeaders(req, res) {
  const writeHead = res.writeHead
  res.writeHead = function (status, ...rest) {
    const headers = rest.find((arg) => arg && typeof arg === 'object')
    if (Array.isArray(headers)) {
      for (let i = 0; i < headers.length; i += 2) res.appendHeader(headers[i], headers[i + 1])
    } else if (headers) {
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
    }
    const pathname = (req.url ?? '/').split('?', 1)[0]
    for (const [name, value] of securityHeaders({
      https: siteUrl.protocol === 'https:',
      frameable: ACCOUNT.test(pathname) ? 'never' : 'same-origin',
    })) {
      if (!res.hasHeader(name)) res.setHeader(name, value)
    }
    const cacheControl = cacheControlFor(res.getHeader('cache-control')?.toString() ?? null, res.hasHeader('set-cookie'))
    if (cacheControl) res.setHeader('cache-control', cacheControl)
    const message = rest.find((arg) => typeof arg === 'string')
    return message ? writeHead.call(this, status, message) : writeHead.call(this, status)
  }
}

/**
 * Answers this process's own /healthz once, on a private port, before it takes any visitor: that
 * opens the database (Payload's start takes seconds) and starts the fast path, which then readies the
 * form submissions (their forms, connections, the primary's writer). Otherwise the first
 * visitors a new process is handed wait for it; in a campaign's burst right after a deploy, those
 * were the slowest submissions of all. Whatever /healthz answers, the process then listens: a
 * database still down is for /healthz to report, not a reason to stay closed.
 */
async function warmUp(server) {
  // Exclusive: under node:cluster a shared port could hand this request to another process.
  await new Promise((resolve) => server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, resolve))
  const { port: privatePort } = server.address()
  await fetch(`http://127.0.0.1:${privatePort}/healthz`, { signal: AbortSignal.timeout(60_000) })
    .then((response) => response.arrayBuffer())
    .catch((error) => console.error('Site process started cold:', error instanceof Error ? error.message : error))
  // The request above started the fast path; the form submissions get ready too (readySubmissions).
  // Bounded like the request above: a database that does not answer is for /healthz to report.
  await Promise.race([
    globalThis[FAST_PATH]?.ready(),
    new Promise((_, reject) => setTimeout(reject, 60_000, new Error('not ready within 60 s')).unref()),
  ]).catch((error) => console.error('Form submissions started cold:', error instanceof Error ? error.message : error))
  await new Promise((resolve) => server.close(resolve))
}

/** One site process: the pipeline's first stage, the fast path, Astro. */
async function serveSite() {
  process.env.ASTRO_NODE_AUTOSTART = 'disabled'
  const { handler } = await import('../dist/server/entry.mjs')
  const server = createServer(async (req, res) => {
    settleClient(req)
    guardHeaders(req, res)
    if (Number(req.headers['content-length'] ?? 0) > MAX_REQUEST_BYTES) {
      res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' })
      res.end('The request is too large.')
      return
    }
    const fastPath = globalThis[FAST_PATH]
    try {
      if (fastPath && (await fastPath.serve(req, res))) return
    } catch (error) {
      // The cache could not check the content stamp (database busy or down): let Astro answer,
      // which renders fresh or reports the error itself.
      console.error('Page cache skipped:', error instanceof Error ? error.message : error)
      for (const name of INTERNAL) delete req.headers[name]
    }
    if (!res.headersSent) handler(req, res)
  })
  await warmUp(server)
  server.listen(port, host, () => {
    if (!cluster.isWorker) console.log(`Site listening on http://${host}:${port}`)
  })

  // On a normal stop, write the touches and clicks still held in memory before exiting. Once,
  // whichever signal comes first (under systemd the primary and every process get SIGTERM at once).
  let stopping = false
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, async () => {
      if (stopping) return
      stopping = true
      server.close()
      try {
        await globalThis[FAST_PATH]?.shutdown()
      } finally {
        process.exit(0)
      }
    })
  }
}

if (processes > 1 && cluster.isPrimary) startProcesses(processes)
else await serveSite()
