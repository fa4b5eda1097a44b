// Run before each test file (setupFiles in vitest.config.ts). Test files share their
// worker process (isolate: false), so that Payload and its database drivers, seconds of module
// loading each, load once per worker instead of once per file. What one file could leave for the
// next is put back here, before the file's own imports run:
import { vi } from 'vitest'

const state = globalThis as { startEnv?: NodeJS.ProcessEnv; _payload?: Map<string, unknown> }
/** The environment the worker started with: a file that sets a variable sets it for itself only. */
const startEnv = (state.startEnv ??= { ...process.env })
for (const key of Object.keys(process.env)) if (!(key in startEnv)) delete process.env[key]
Object.assign(process.env, startEnv)
// Our own modules are evaluated afresh for each file (the config reads DATA_DIR at import, and
// stores keep per-process state); the packages in node_modules stay loaded.
vi.resetModules()
vi.useRealTimers()
// getPayload keeps the instance it made in a process-wide cache: each file makes its own.
state._payload?.clear()
