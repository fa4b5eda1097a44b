// Helpers shared by the start, build and test scripts: environment defaults and child processes.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { createInterface } from 'node:readline'
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
  /**
   * @type {NodeJS.ProcessEnv & { CMS_PORT: string; SITE_PORT: string; HOST: string; DATA_DIR: string; SITE_URL: string; CMS_URL: string }}
   */
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
  return env
}

/**
 * With LOG_FORMAT=json, `env` plus a preload that makes a process whose entry is not ours (the CMS's
 * `next start`, the seed) write JSON lines, named by LOG_PROCESS (scripts/log-format.mjs).
 */
export function withLogPreload(env) {
  if (env.LOG_FORMAT !== 'json') return env
  const preload = `--import=${pathToFileURL(path.join(root, 'scripts/log-preload.mjs')).href}`
  return (env.NODE_OPTIONS ?? '').includes(preload) ? env : { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} ${preload}`.trim() }
}

/**
 * Runs a command to completion; rejects with its exit code on failure. Its output is inherited, or
 * with LOG_FORMAT=json read line by line and written through this process's JSON lines: builds
 * (Next's workers talk to their parent over their own output, so no preload may touch it).
 */
export function run(command, args, { env = process.env, cwd = root } = {}) {
  return new Promise((resolve, reject) => {
    const json = env.LOG_FORMAT === 'json'
    const child = spawn(command, args, { env, cwd, stdio: json ? ['inherit', 'pipe', 'pipe'] : 'inherit' })
    if (json) {
      for (const [from, to] of [
        [child.stdout, process.stdout],
        [child.stderr, process.stderr],
      ]) {
        createInterface({ input: from, crlfDelay: Infinity }).on('line', (line) => to.write(`${line}\n`))
      }
    }
    child.on('error', reject)
    // 'close': after the last line of its output, too.
    child.on('close', (code, signal) =>
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
