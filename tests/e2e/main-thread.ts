// Watches a page's main thread from inside the page, so a browser test can fail on a frozen admin
// instead of waiting for it forever.
import type { BrowserContext, Page } from '@playwright/test'

/** The longest a single task may keep the main thread busy. */
export const MAX_BLOCKED_MS = 2000

/**
 * How long a page is given to answer before the test calls it frozen. Generous on purpose: on a
 * machine whose two cores are shared with the servers under test, the Forms edit view (dozens of
 * array rows) has kept its main thread busy for 12 s while loading, and still finished.
 */
const ANSWER_WITHIN_MS = 30_000

declare global {
  interface Window {
    __longestTaskMs?: number
  }
}

/** Installs, in every page of `context`, a long-task observer that keeps the longest task seen. */
export async function watchMainThread(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    window.__longestTaskMs = 0
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longestTaskMs = Math.max(window.__longestTaskMs ?? 0, entry.duration)
    }).observe({ type: 'longtask', buffered: true })
  })
}

/**
 * The longest task the page has run since it loaded, in ms. Throws, naming `what`, when the page does
 * not answer at all: a task that never ends is never reported by the observer.
 */
export async function longestTaskMs(page: Page, what: string): Promise<number> {
  let timer: NodeJS.Timeout | undefined
  const frozen = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what}: the page did not answer for ${ANSWER_WITHIN_MS / 1000} s; its main thread is blocked`)),
      ANSWER_WITHIN_MS,
    )
  })
  try {
    return await Promise.race([page.evaluate(() => window.__longestTaskMs ?? 0), frozen])
  } finally {
    clearTimeout(timer)
  }
}

/** Forgets the tasks seen so far: what follows is measured on its own (guarded like `longestTaskMs`). */
export async function restartWatch(page: Page, what: string): Promise<void> {
  await longestTaskMs(page, what)
  await page.evaluate(() => {
    window.__longestTaskMs = 0
  })
}

/** A failure message for `what` when its page blocked the main thread for too long, else null. */
export async function blockedTooLong(page: Page, what: string): Promise<string | null> {
  const ms = await longestTaskMs(page, what)
  return ms > MAX_BLOCKED_MS ? `${what}: the main thread was blocked for ${Math.round(ms)} ms (limit ${MAX_BLOCKED_MS} ms)` : null
}
