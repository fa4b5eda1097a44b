// Helpers shared by the start, build and test scripts: environment defaults and child processes.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** The repository root. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Refuses to run on a Node older than the one Astro 7 and Vitest 5 need, with what to do instead. */
export function requireNode22() {
  const [major, minor] = process.versions.node.split('.').map(Number)
  if (major < 22 || (major === 22 && minor < 12)) {
    console.error(
      `Node ${process.versions.node} is too old: this project needs Node 22.12 or later.\n` +
        'Run it through npm (npm start, npm test): the "node" devDependency puts Node 22 first on the PATH of npm scripts.',
    )
    process.exit(1)
  }
}

/**
 * The environment every process of the product runs with: ports, addresses and the data folder.
 * @param {Record<string, string>} [overrides]
 * @returns {NodeJS.ProcessEnv & { CMS_PORT: string; SITE_PORT: string; HOST: string; DATA_DIR: string; SITE_URL: string; CMS_URL: string }}
 */
export function productEnv(overrides = {}) {
  /** @type {NodeJS.ProcessEnv & { CMS_PORT: string; SITE_PORT: string; HOST: string; DATA_DIR: string; SITE_URL: string; CMS_URL: string }} */
  const env = /** @type {any} */ ({ ...process.env, ...overrides })
  env.CMS_PORT ||= '3000'
  env.SITE_PORT ||= '4321'
  env.HOST ||= 'localhost'
  env.DATA_DIR = path.resolve(root, env.DATA_DIR || 'data')
  env.SITE_URL ||= `http://localhost:${env.SITE_PORT}`
  env.CMS_URL ||= `http://localhost:${env.CMS_PORT}`
  env.NEXT_TELEMETRY_DISABLED = '1'
  env.ASTRO_TELEMETRY_DISABLED = '1'
  env.DISABLE_PAYLOAD_HMR = 'true'
  // LOG_FORMAT=json reaches processes whose entry is not ours (next, astro, payload) through a
  // preload; each child is named by LOG_PROCESS (scripts/log-format.mjs).
  const preload = `--import=${pathToFileURL(path.join(root, 'scripts/log-preload.mjs')).href}`
  if (env.LOG_FORMAT === 'json' && !(env.NODE_OPTIONS ?? '').includes(preload)) env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} ${preload}`.trim()
  return env
}

/** Runs a command to completion, inheriting stdio; rejects with its exit code on failure. */
export function run(command, args, { env = process.env, cwd = root } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd, stdio: 'inherit' })
    child.on('error', reject)
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`)),
    )
  })
}

/** Resolves when `url` answers over HTTP (any status), or rejects after `timeoutMs`. */
export async function waitForHttp(url, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    try {
      await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5000) })
      return
    } catch {
      // Not listening yet: try again shortly.
      await new Promise((r) => setTimeout(r, 300))
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}

/** A binary from node_modules/.bin. */
export function bin(name) {
  return path.join(root, 'node_modules', '.bin', name)
}
