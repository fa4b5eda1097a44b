// Production-shaped stand-ins for the browser tests: a site process of its own (on the shared test
// database) with the settings a test needs, and Debian's nginx or caddy in front of it. Every port
// is a free one the system gives; every file is in a temporary folder removed on stop.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { e2e } from '../../playwright.config'
import { freePort, until } from './product'

/** Waits until `ready` answers true, failing at once with `what` when `child` exits first. */
async function untilReady(what: string, child: ChildProcess, ready: () => Promise<boolean>): Promise<void> {
  let exited = false
  child.once('exit', () => (exited = true))
  await until(what, async () => {
    if (exited) throw new Error(`the process exited before ${what}`)
    return ready()
  })
}

/** Resolves once `url` answers (any status); fails when `child` exits first. */
export function waitUntilUp(url: string, child: ChildProcess, init: RequestInit = {}): Promise<void> {
  return untilReady(`${url} to answer`, child, () =>
    fetch(url, { ...init, redirect: 'manual' }).then(
      () => true,
      () => false,
    ),
  )
}

/** Resolves once something accepts TCP connections on `port`; fails when `child` exits first. */
export function waitForPort(port: number, child: ChildProcess): Promise<void> {
  return untilReady(
    `port ${port} to listen`,
    child,
    () =>
      new Promise<boolean>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => resolve(true))
        socket.once('error', () => resolve(false))
        socket.once('connect', () => socket.end())
      }),
  )
}

/** A running process and how to stop it. */
export interface Running {
  url: string
  pid: number
  stop(): Promise<void>
}

function stopper(child: ChildProcess, after: () => void = () => {}): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve(after())
      child.once('exit', () => resolve(after()))
      child.kill('SIGTERM')
    })
}

/**
 * A site process on the test database (the shared CMS's), with `env` on top: TRUST_PROXY, SITE_URL,
 * limits. One process unless `env` sets SITE_PROCESSES, so that `pid` is the process that serves.
 */
export async function startSite(env: Record<string, string>): Promise<Running & { port: number }> {
  const port = await freePort()
  const child = spawn(process.execPath, ['site/server.mjs'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: e2e.dataDir,
      NODE_ENV: 'production',
      DISABLE_PAYLOAD_HMR: 'true',
      SITE_URL: `http://localhost:${port}`,
      SITE_PROCESSES: '1',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}`
  await waitUntilUp(`${url}/`, child)
  return { url, port, pid: child.pid!, stop: stopper(child) }
}

/**
 * Debian's nginx in front of `upstream`, with the deploy/ site file's proxy settings: it names the
 * client in X-Forwarded-For and connects to the site from `bindAddress` (the one TRUST_PROXY trusts).
 */
export async function startNginx(options: { port: number; upstream: string; bindAddress: string; cms?: string }): Promise<Running> {
  const dir = mkdtempSync(path.join(tmpdir(), 'nginx-e2e-'))
  const proxied = (target: string) => `
      proxy_pass ${target};
      proxy_bind ${options.bindAddress};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_request_buffering off;`
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 12m;
  server {
    listen 127.0.0.1:${options.port};
    location / {${proxied(options.upstream)}
    }
  }
}
`,
  )
  const child = spawn('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const url = `http://127.0.0.1:${options.port}`
  await waitUntilUp(`${url}/`, child)
  return { url, pid: child.pid!, stop: stopper(child, () => rmSync(dir, { recursive: true, force: true })) }
}

/** Resident memory of a process in KB, from /proc. */
export function residentKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1])
}

/**
 * Debian's caddy in front of the site and the CMS over HTTPS with its own local CA (`tls internal`),
 * as deploy/Caddyfile does with a public certificate: the site on `sitePort`, the CMS on `cmsPort`.
 */
export async function startCaddy(options: { sitePort: number; cmsPort: number; site: string; cms: string }): Promise<Running> {
  const dir = mkdtempSync(path.join(tmpdir(), 'caddy-e2e-'))
  const httpPort = await freePort()
  writeFileSync(
    path.join(dir, 'Caddyfile'),
    `{
	admin off
	auto_https disable_redirects
	skip_install_trust
	storage file_system ${dir}/storage
	http_port ${httpPort}
	https_port ${options.sitePort}
}
https://localhost:${options.sitePort} {
	tls internal
	encode zstd gzip
	reverse_proxy ${options.site}
}
https://localhost:${options.cmsPort} {
	tls internal
	reverse_proxy ${options.cms}
}
`,
  )
  const child = spawn('caddy', ['run', '--config', path.join(dir, 'Caddyfile'), '--adapter', 'caddyfile'], {
    stdio: ['ignore', 'ignore', 'ignore'],
    env: { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
  })
  const url = `https://localhost:${options.sitePort}`
  await waitForPort(options.sitePort, child).catch((error: unknown) => {
    child.kill('SIGTERM')
    throw error
  })
  return { url, pid: child.pid!, stop: stopper(child, () => rmSync(dir, { recursive: true, force: true })) }
}
