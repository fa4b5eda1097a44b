// LOG_FORMAT=json: every line a process of the product prints becomes one JSON object, for log
// shippers (journald → Loki, Vector, Datadog…). The shape is pino's, which Payload's logger writes
// in the same mode (cms/logging.ts): {"level":"info","time":"<ISO>","process":"site","pid":1,"msg":"…"},
// an error under "err" ({type, message, stack}). Without LOG_FORMAT=json nothing changes.
//
// Console calls are written as JSON directly; whatever else reaches stdout or stderr (Next's and
// Astro's own lines, a library's write) is wrapped line by line, so no plain line gets through.
import { format } from 'node:util'

const INSTALLED = Symbol.for('brand-site.log-format')
const LEVEL_OF = { debug: 'debug', trace: 'debug', log: 'info', info: 'info', warn: 'warn', error: 'error' }
// Colour and cursor codes that CLIs (Next, Astro) put in their lines.
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g

/** Whether this process logs JSON lines. */
export const jsonLogs = () => process.env.LOG_FORMAT === 'json'

/** An error as pino's standard serializer writes it. */
function serializeError(error) {
  return { type: error.name, message: error.message, stack: error.stack, ...(error.code ? { code: error.code } : {}) }
}

/**
 * One log line: the level, the time, the process, the message (console's formatting, colours
 * removed) and the first Error among the arguments.
 * @example logLine('info', 'site', ['Site listening on %s', 'http://localhost:4321'])
 */
export function logLine(level, name, args) {
  const error = args.find((arg) => arg instanceof Error)
  const rest = error ? args.filter((arg) => arg !== error) : args
  const msg = format(...rest)
    .replace(ANSI, '')
    .trim()
  const entry = { level, time: new Date().toISOString(), process: name, pid: process.pid, msg: msg || error?.message || '' }
  if (error) entry.err = serializeError(error)
  return JSON.stringify(entry) + '\n'
}

/** A write of any text: each non-empty line that is not already a JSON object becomes one. */
function wrapChunk(chunk, encoding, level, name) {
  const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString(typeof encoding === 'string' ? encoding : 'utf8')
  let out = ''
  for (const line of text.split('\n')) {
    const plain = line.replace(ANSI, '').trim()
    if (!plain) continue
    out += plain.startsWith('{') && isJson(plain) ? plain + '\n' : logLine(level, name, [plain])
  }
  return out
}

function isJson(text) {
  try {
    return typeof JSON.parse(text) === 'object'
  } catch {
    return false
  }
}

/**
 * With LOG_FORMAT=json, makes this process's console and output streams write JSON lines under
 * `name` (cms, site, worker, start, build). Once per process: the first name wins, so a preload
 * (scripts/log-preload.mjs) and the entry's own call agree. `exitOnUncaught` (the entries this
 * project owns) logs an uncaught error as one `fatal` line before exiting 1, as Node would.
 */
export function installLogFormat(name, { exitOnUncaught = false } = {}) {
  if (!jsonLogs() || globalThis[INSTALLED]) return
  globalThis[INSTALLED] = name
  const writers = { stdout: process.stdout.write.bind(process.stdout), stderr: process.stderr.write.bind(process.stderr) }
  for (const [method, level] of Object.entries(LEVEL_OF)) {
    const stream = level === 'warn' || level === 'error' ? 'stderr' : 'stdout'
    console[method] = (...args) => void writers[stream](logLine(level, name, args))
  }
  for (const [stream, level] of [
    ['stdout', 'info'],
    ['stderr', 'error'],
  ]) {
    process[stream].write = (chunk, encoding, callback) => {
      const done = typeof encoding === 'function' ? encoding : callback
      const out = wrapChunk(chunk, encoding, level, name)
      if (!out) {
        if (done) process.nextTick(done)
        return true
      }
      return writers[stream](out, done)
    }
  }
  // Node's own warnings (deprecations, experimental features) as lines of their own.
  process.removeAllListeners('warning')
  process.on('warning', (warning) => writers.stderr(logLine('warn', name, [`${warning.name}: ${warning.message}`])))
  if (exitOnUncaught) {
    const fatal = (error) => {
      writers.stderr(logLine('fatal', name, [error instanceof Error ? error : String(error)]))
      process.exit(1)
    }
    process.on('uncaughtException', fatal)
    process.on('unhandledRejection', fatal)
  }
}
