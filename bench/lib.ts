import type { ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'

/**
 * Runs a bench's main and always cleans up after it: the processes it started are stopped and its
 * scratch data folder removed (a second later, once they have let go of their files). A failure
 * is printed and sets the exit code.
 */
export function runBench(main: () => Promise<void>, { children, dataDir }: { children: ChildProcess[]; dataDir: string }): void {
  main()
    .catch((error) => {
      console.error(error)
      process.exitCode = 1
    })
    .finally(() => {
      for (const child of children) child.kill('SIGTERM')
      setTimeout(() => rmSync(dataDir, { recursive: true, force: true }), 1000)
    })
}
